import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { fileUri, REPO } from '../support/engine';
import { startServer } from '../support/lspClient';

/** The editor and the CLI must report the same findings - rule, range and message - for the same files. */
describe('parity: language server and CLI', function () {
  this.timeout(60_000);

  // examples/, and the PMO analyst's portfolio (currencies, lifecycle, waivers) of test/fixtures/governance.
  for (const folder of ['examples', 'test/fixtures/governance']) it(`report identical findings for every file of ${folder}`, async () => {
    const root = path.join(REPO, folder);
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', '--base', 'HEAD'], { cwd: root, encoding: 'utf8' });
    const fromCli = JSON.parse(cli.stdout).findings as Array<{ file: string; rule: string; message: string; range: unknown }>;
    assert.ok(fromCli.length >= 5, 'the planted problems are found');

    const settings = JSON.parse(fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8'));
    const charterSettings = Object.fromEntries(Object.entries(settings).filter(([k]) => k.startsWith('charter.')).map(([k, v]) => [k.slice(8), v]));
    // Change control too: the CLI's --base HEAD is the editor's baseRef HEAD (so uncommitted edits of examples/ show alike).
    const server = await startServer({ rootUri: fileUri(root), settings: { ...charterSettings, baseRef: 'HEAD' } });
    try {
      const files = globSync(['**/*.yaml'], { cwd: root }).sort();
      for (const file of files) {
        const uri = fileUri(path.join(root, file));
        const pending = server.diagnostics(uri);
        server.open(uri, fs.readFileSync(path.join(root, file), 'utf8'));
        const fromServer = (await pending).map((d) => ({ rule: d.code, range: d.range, message: String(d.message) }));
        const expected = fromCli.filter((f) => f.file === file).map((f) => ({ rule: f.rule, range: f.range, message: f.message }));
        const key = (f: { rule: unknown; range: unknown; message: string }) => JSON.stringify([f.rule, f.range, f.message]);
        assert.deepEqual(fromServer.map(key).sort(), expected.map(key).sort(), file);
      }
    } finally {
      await server.stop();
    }
  });
});
