// The bench bundles the server and the CLI itself, from the working tree, into bench/.data/dist: the
// esbuild settings of `esbuild.mjs` (which builds on import, so they are repeated here), without the
// other entry points (a half-written client or e2e file cannot stop a run), and with source maps so a
// CPU profile names source files.
import * as esbuild from 'esbuild';
import * as path from 'node:path';

export interface Bundles {
  server: string;
  cli: string;
}

export async function buildBundles(repoRoot: string, outDir: string): Promise<Bundles> {
  const server = path.join(outDir, 'server.js');
  const cli = path.join(outDir, 'cli.js');
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    external: ['vscode'],
    // jsonc-parser's UMD build requires './impl/*' at run time, which a bundle cannot resolve.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    // fdir (under tinyglobby) is ESM and calls createRequire(import.meta.url), empty in a CJS bundle.
    define: { 'import.meta.url': '__benchImportMetaUrl' },
    banner: { js: "const __benchImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    absWorkingDir: repoRoot,
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: server }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: cli }),
  ]);
  return { server, cli };
}
