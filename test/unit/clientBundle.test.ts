// The client imports the protocol module only (eslint.config.mjs forbids it the engine). What reaches the
// client at run time through that module must stay small: from server/src, the protocol module itself and
// leaf modules of the engine (plain constants and pure helpers that import nothing), never the engine's
// services, parser or rules. esbuild's metafile lists what each bundle takes in.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO } from '../support/engine';

async function serverInputs(entry: string, platform: 'node' | 'browser'): Promise<Record<string, { imports: unknown[] }>> {
  const result = await esbuild.build({
    entryPoints: [path.join(REPO, entry)],
    absWorkingDir: REPO,
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'silent',
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  });
  return Object.fromEntries(Object.entries(result.metafile.inputs).filter(([file]) => file.startsWith('server/src/')));
}

describe('client bundles', () => {
  for (const [entry, platform] of [['client/src/extension.ts', 'node'], ['client/src/web/extension.ts', 'browser']] as const) {
    it(`${entry} takes from server/src only the protocol module and leaf modules of the engine`, async () => {
      const inputs = await serverInputs(entry, platform);
      assert.ok('server/src/protocol.ts' in inputs, Object.keys(inputs).join(', '));
      const others = Object.entries(inputs).filter(([file]) => file !== 'server/src/protocol.ts');
      for (const [file, input] of others) {
        assert.match(file, /^server\/src\/engine\//, file);
        assert.deepEqual(input.imports, [], `${file} imports something: the client would bundle more of the engine`);
      }
      assert.ok(others.length <= 4, others.map(([file]) => file).join(', '));
    });
  }
});
