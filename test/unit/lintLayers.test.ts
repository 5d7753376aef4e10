// The layers in eslint.config.mjs bite: ESLint, run with the repository's config on small files placed
// in each layer, refuses the imports that layer may not make and lets the ones it may.
import { strict as assert } from 'node:assert';
import { ESLint } from 'eslint';
import { REPO } from '../support/engine';

// The two type-aware rules need the file in the TypeScript project; these files exist only in memory.
const eslint = new ESLint({
  cwd: REPO,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

/** The import specifiers of `imports` that ESLint refuses in a file at `filePath`. */
async function refused(filePath: string, imports: string[]): Promise<string[]> {
  const code = imports.map((from, i) => `import * as m${i} from '${from}';\nexport const v${i} = m${i};\n`).join('');
  const [result] = await eslint.lintText(code, { filePath });
  const lines = [...new Set(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line))];
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, []);
  return lines.map((line) => imports[(line - 1) / 2]);
}

describe('lint: the layers', function () {
  this.timeout(60_000);

  it('keep the engine pure: no VS Code, LSP, Node, server, CLI or client', async () => {
    const banned = [
      'vscode',
      'vscode-languageserver/node',
      'vscode-languageserver-textdocument',
      'vscode-languageclient/node',
      'vscode-jsonrpc',
      'fs',
      'node:fs',
      'fs/promises',
      'child_process',
      'node:net',
      'http',
      'os',
      'path',
      'worker_threads',
      '../../handlers/diagnostics',
      '../../protocol',
      '../../cli/check',
      '../../server',
      '../../../../client/src/extension',
    ];
    const allowed = ['../types', './ruleTypes', '../utils/escape', 'yaml', 'ajv', '../../../../schemas/project.schema.json'];
    assert.deepEqual(await refused('server/src/engine/rules/sample.ts', [...banned, ...allowed]), banned);
    // The same at the engine's top and deeper down.
    assert.deepEqual(await refused('server/src/engine/sample.ts', ['../handlers/diagnostics', 'node:fs', './types', '../../../schemas/people.schema.json', '../../schemas/people.schema.json']), ['../handlers/diagnostics', 'node:fs', '../../schemas/people.schema.json']);
    assert.deepEqual(await refused('server/src/engine/rules/schedule/sample.ts', ['../../../protocol', '../../../engine/types', '../../types']), ['../../../protocol', '../../../engine/types']);
  });

  it('let the client import the protocol module only', async () => {
    const banned = ['../../server/src/engine/languageService', '../../server/src/engine/utils/escape', '../../server/src/handlers/diagnostics', '../../server/src/cli/check', 'vscode-languageserver/node'];
    const allowed = ['../../server/src/protocol', 'vscode', 'vscode-languageclient/node', './statusBar'];
    assert.deepEqual(await refused('client/src/sample.ts', [...banned, ...allowed]), banned);
    assert.deepEqual(await refused('client/src/portfolio/sample.ts', ['../../../server/src/engine/portfolio/portfolioTypes', '../../../server/src/protocol']), ['../../../server/src/engine/portfolio/portfolioTypes']);
  });

  it('let the CLI use the engine and Node, not LSP or the language server', async () => {
    const banned = ['vscode-languageserver/node', 'vscode-jsonrpc', 'vscode', '../protocol', '../handlers/diagnostics', '../server', '../../../client/src/extension'];
    const allowed = ['../engine/languageService', 'node:fs', 'node:path', './workspace', '../fileReading'];
    assert.deepEqual(await refused('server/src/cli/sample.ts', [...banned, ...allowed]), banned);
    assert.deepEqual(await refused('server/src/cli.ts', ['./protocol', './handlers/diagnostics', './engine/utils/escape', 'node:fs']), ['./protocol', './handlers/diagnostics']);
  });

  it('keep the protocol module free of VS Code and of either side\'s LSP library', async () => {
    assert.deepEqual(await refused('server/src/protocol.ts', ['vscode', 'vscode-languageserver/node', 'vscode-languageclient', 'vscode-jsonrpc', './engine/portfolio/portfolioTypes']), [
      'vscode',
      'vscode-languageserver/node',
      'vscode-languageclient',
    ]);
  });
});
