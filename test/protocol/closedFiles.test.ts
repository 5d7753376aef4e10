// Closed files in the server take the fast path (values first, an exact parse only to place a finding)
// and keep only their facts in the index: their findings must be what `charter check` prints, rule,
// range and message, including cross-file findings that land on a file read fast.
// Needs `npm run build` (dist/server.js).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { runCheck } from '../../server/src/cli/check';
import { REPO } from '../support/engine';
import { startServer, type ServerSession } from '../support/lspClient';
import { otherProject, PEOPLE, PORTFOLIO, PROGRAMME } from '../unit/rules/harness';

const AS_OF = '2027-03-01';

/** Two projects that each look clean but together book li.wei over her capacity: the finding is on each file's own allocation. */
function overbooked(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-closed-'));
  const allocation = (percent: number) => `allocations:\n  - person: li.wei\n    percent: ${percent}\n    from: 2027-02-01\n    to: 2027-06-30\n`;
  const files: Record<string, string> = {
    'portfolio.yaml': PORTFOLIO,
    'people.yaml': PEOPLE,
    'programmes/finance.programme.yaml': PROGRAMME,
    // Checked before people.yaml (whose own finding would place them first): `a` is the first file checked.
    'a-projects/a.charter.yaml': otherProject('a', allocation(50)),
    'a-projects/b.charter.yaml': otherProject('b', allocation(45)),
    'a-projects/c.charter.yaml': otherProject('c'),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('protocol: closed files read fast, findings as charter check prints them', function () {
  this.timeout(60_000);
  let server: ServerSession | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  for (const [name, folder] of [
    ['examples', () => path.join(REPO, 'examples')],
    ['test/fixtures/governance', () => path.join(REPO, 'test/fixtures/governance')],
    ['a portfolio whose clean-looking files are over-booked together', overbooked],
  ] as const) {
    it(name, async () => {
      const root = folder();
      // The reference: every file parsed exactly (no fast path anywhere), as `charter check` would print it.
      const exact = await runCheck({ cwd: root, paths: [], format: 'json', color: false, asOf: AS_OF, offline: true, exactOnly: true });
      const fromCli = JSON.parse(exact.output).findings as Array<{ file: string; rule: string; message: string; range: unknown }>;
      assert.ok(fromCli.length > 0, 'there are findings to compare');
      const settingsFile = path.join(root, '.vscode', 'settings.json');
      const settings = fs.existsSync(settingsFile)
        ? Object.fromEntries(Object.entries(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).filter(([k]) => k.startsWith('charter.')).map(([k, v]) => [k.slice(8), v]))
        : {};
      const session = await startServer({ rootUri: URI.file(root).toString(), settings: { ...settings, asOf: AS_OF, baseRef: 'off' } });
      server = session;
      await waitFor(() => session.logs.some((l) => l.message.startsWith('Charter: checked ')));
      const files = [...new Set(fromCli.map((f) => f.file))];
      for (const file of files) {
        // Every publish, the first included: a finding first placed wrong and corrected later is still wrong.
        const publishes = session.published.filter((p) => p.uri === URI.file(path.join(root, file)).toString());
        assert.ok(publishes.length > 0, `${file} was published`);
        const key = (f: { rule: unknown; range: unknown; message: string }) => JSON.stringify([f.rule, f.range, f.message]);
        for (const published of publishes) {
          const fromServer: string[] = published.diagnostics.map((d: Diagnostic) => key({ rule: d.code, range: d.range, message: String(d.message) })).sort();
          assert.deepEqual(fromServer, fromCli.filter((f) => f.file === file).map(key).sort(), file);
        }
      }
    });
  }
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
