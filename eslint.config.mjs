// ESLint (flat config) for Charter: typescript-eslint's recommended rules, and the layers held by
// `no-restricted-imports`, so that a change that breaks them fails `npm run lint`:
// - the engine (server/src/engine) is pure TypeScript that also runs in a web worker: no VS Code, no LSP,
//   no Node built-in module, nothing of the server, the CLI or the client;
// - the client (client/src) imports the protocol module (server/src/protocol.ts) and nothing else of
//   server/src, and no server library;
// - the CLI (server/src/cli.ts, server/src/cli/) uses the engine and Node, never LSP or the server's handlers;
// - the protocol module is neutral ground: neither VS Code nor either side's LSP library.
// test/unit/lintLayers.test.ts proves these rules bite.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const VSCODE = { group: ['vscode'], message: 'Only the client talks to VS Code.' };
const LSP = {
  group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'],
  message: 'LSP belongs to the server (server/src/handlers, server.ts) and the client; the engine and the CLI know nothing of it.',
};
const NODE = {
  group: ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])],
  message: 'The engine runs in a web worker too: no Node module. Take what the outside world provides as an injected function.',
};
const CLIENT = { group: ['**/client/**', '**/client'], message: 'Nothing imports the client.' };

/**
 * One block per depth below server/src/engine: a file `depth` folders down leaves the engine with
 * `depth + 1` times `../`, so a relative import that climbs that far is refused.
 */
const engineBlocks = [0, 1, 2, 3, 4].map((depth) => ({
  files: [`server/src/engine/${'*/'.repeat(depth)}*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          VSCODE,
          LSP,
          NODE,
          CLIENT,
          {
            // Up and out of the engine, except to the built-in schemas (schemas/*.schema.json at the repository's root): data it bundles.
            regex: `^(?!(\\.\\./){${depth + 3}}schemas/[\\w-]+\\.schema\\.json$)(\\.\\./){${depth + 1}}`,
            message: 'The engine imports only the engine: the server, the CLI and the client build on it, not the other way round.',
          },
        ],
      },
    ],
  },
}));

export default defineConfig(
  globalIgnores(['dist/**', 'node_modules/**', '.cache/**', 'test/e2e/workspace*/**', 'test/fixtures/**', 'packages/**', 'action/**', '**/*.js', '**/*.cjs']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Two type-aware rules, for the bugs a language server hides best: a promise nobody awaits or
    // catches (a lost failure, an unordered write), and a promise where a boolean or a void callback
    // belongs. A fire-and-forget call says so with `void`.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Build and test scripts run on Node.
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Its page.evaluate callbacks run in the browser.
    files: ['scripts/e2e/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Terminal, CSV and hostile-input handling match control characters on purpose.
    files: ['server/src/engine/utils/escape.ts', 'server/src/engine/parser/fastLoad.ts', 'server/src/cli/fixReport.ts', 'test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VSCODE, CLIENT] }] },
  },
  ...engineBlocks,
  {
    files: ['server/src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [VSCODE, LSP, CLIENT, { group: ['./handlers/*', './server', './protocol', './web/*'], message: 'The CLI uses the engine and Node, not the language server.' }] }],
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [VSCODE, LSP, CLIENT, { group: ['**/handlers/*', '**/server', '**/protocol', '**/web/*'], message: 'The CLI uses the engine and Node, not the language server.' }] },
      ],
    },
  },
  {
    files: ['server/src/protocol.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VSCODE, { ...LSP, group: LSP.group.filter((g) => !g.startsWith('vscode-jsonrpc')) }, CLIENT] }] },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/src/**', '!**/server/src/protocol'], message: 'The client imports the protocol module (server/src/protocol.ts) only: the engine runs in the server.' },
            { group: ['**/engine/**', '**/engine'], message: 'The client imports the protocol module only: the engine runs in the server.' },
            { group: ['vscode-languageserver', 'vscode-languageserver/*'], message: 'The client uses vscode-languageclient.' },
          ],
        },
      ],
    },
  },
);
