// The server's persistent findings cache (in the extension's storage): a restart publishes exactly the
// findings of a cold start, taking unchanged files from the cache; a damaged cache is ignored and rebuilt.
// Needs `npm run build` (dist/server.js).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { REPO } from '../support/engine';
import { startServer, type ServerSession } from '../support/lspClient';

const CHECKED = /^Charter: checked (\d+) charter files in [\d.]+ s \(read \d+ ms, parse \d+ ms, index \d+ ms, validate \d+ ms, rules \d+ ms, publish \d+ ms\); the findings cache gave (\d+) of them\.$/;

describe('protocol: the findings cache across restarts', function () {
  this.timeout(60_000);
  let root: string;
  let storage: string;
  let server: ServerSession | undefined;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cached-ws-'));
    fs.cpSync(path.join(REPO, 'examples'), root, { recursive: true });
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-storage-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  /** Starts a server, waits until every charter is checked; returns the last diagnostics per URI and what the cache gave. */
  async function run(folder = storage): Promise<{ diagnostics: Map<string, Diagnostic[]>; files: number; fromCache: number }> {
    const cacheFile = path.join(folder, 'findings-cache');
    const before = fs.existsSync(cacheFile) ? fs.statSync(cacheFile).mtimeMs : -1;
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-03-01' }, initializationOptions: { findingsCacheDir: folder } });
    const line = await waitForLog(server, CHECKED);
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const p of server.published) diagnostics.set(p.uri, p.diagnostics);
    const match = CHECKED.exec(line)!;
    // The server writes the cache a moment after the last check.
    await waitFor(() => fs.existsSync(cacheFile) && fs.statSync(cacheFile).mtimeMs !== before);
    await server.stop();
    server = undefined;
    return { diagnostics, files: Number(match[1]), fromCache: Number(match[2]) };
  }

  it('a restart publishes the same findings for every file, all of them from the cache', async () => {
    const cold = await run();
    assert.equal(cold.fromCache, 0);
    assert.ok(cold.files >= 20);
    assert.ok([...cold.diagnostics.values()].some((d) => d.length > 0), 'the examples have findings to compare');
    const warm = await run();
    assert.equal(warm.fromCache, warm.files, 'every file comes from the cache');
    assert.deepEqual(sorted(warm.diagnostics), sorted(cold.diagnostics));
  });

  it('a file changed on disk between the runs is checked again, and so are those that read it; findings as without a cache', async () => {
    await run();
    const file = path.join(root, 'programmes/digital-customer.programme.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('id: digital-customer', 'id: digital-customers'));
    const warm = await run();
    assert.ok(warm.fromCache > 0 && warm.fromCache < warm.files - 5, `the programme and its members are checked again (${warm.fromCache} of ${warm.files} from the cache)`);
    const truth = await run(fs.mkdtempSync(path.join(os.tmpdir(), 'charter-storage-')));
    assert.equal(truth.fromCache, 0);
    assert.deepEqual(sorted(warm.diagnostics), sorted(truth.diagnostics));
  });

  it('a damaged cache file is ignored (said so in the log), the findings are right, and it is rebuilt', async () => {
    const cold = await run();
    const cacheFile = path.join(storage, 'findings-cache');
    const text = fs.readFileSync(cacheFile, 'utf8');
    fs.writeFileSync(cacheFile, text.slice(0, text.length - 100));
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-03-01' }, initializationOptions: { findingsCacheDir: storage } });
    const line = await waitForLog(server, CHECKED);
    assert.equal(CHECKED.exec(line)![2], '0');
    assert.ok(server.logs.some((l) => /findings cache .* was not used and is rebuilt: it is truncated or corrupt/.test(l.message)));
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const p of server.published) diagnostics.set(p.uri, p.diagnostics);
    assert.deepEqual(sorted(diagnostics), sorted(cold.diagnostics));
    await waitFor(() => fs.readFileSync(cacheFile, 'utf8').length > text.length - 100);
    await server.stop();
    server = undefined;
    const rebuilt = await run();
    assert.equal(rebuilt.fromCache, rebuilt.files);
  });
});

function sorted(map: Map<string, Diagnostic[]>): Array<[string, Diagnostic[]]> {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

async function waitForLog(server: ServerSession, pattern: RegExp): Promise<string> {
  await waitFor(() => server.logs.some((l) => pattern.test(l.message)));
  return server.logs.find((l) => pattern.test(l.message))!.message;
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
