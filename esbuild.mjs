// One bundle per runtime: the VS Code client, the language server, the CLI,
// and (when present) the end-to-end suite that runs inside the extension host.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The CLI and SARIF report the extension's version; the npm package of the CLI (packages/cli) carries the same one.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const IMPORT_META_URL = "const __charterImportMetaUrl = require('url').pathToFileURL(__filename).href;";

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // Some dependencies are ES modules that read import.meta.url; give them the bundle's own URL.
  define: { 'import.meta.url': '__charterImportMetaUrl', CHARTER_VERSION: JSON.stringify(version) },
  banner: { js: IMPORT_META_URL },
  // jsonc-parser's `main` is a UMD build whose dynamic requires a bundler cannot follow; use its ES module build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL}` } },
];
// The web extension (vscode.dev, github.dev): the client in the web extension host, the server in a worker.
const web = {
  platform: 'browser',
  banner: {},
  define: { CHARTER_VERSION: JSON.stringify(version) },
  alias: {
    ...common.alias,
    'vscode-languageserver/node': 'vscode-languageserver/browser',
    'vscode-languageclient/node': 'vscode-languageclient/browser',
    // Its Node build reads Buffer at load; the package's browser build carries its own.
    'csv-stringify/sync': './node_modules/csv-stringify/dist/esm/sync.js',
    'node:fs': './server/src/web/browserFs.ts',
  },
};
builds.push(
  { ...web, entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs' },
  { ...web, entryPoints: ['server/src/web/serverMain.ts'], outfile: 'dist/web/server.js', format: 'iife' },
);
if (existsSync('test/e2e/index.ts')) {
  // mocha resolves its parallel-mode workers at run time; the e2e suite runs serially and never needs them.
  builds.push({ entryPoints: ['test/e2e/index.ts'], outfile: 'dist/test/e2e/index.js', logOverride: { 'require-resolve-not-external': 'silent' } });
}

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
