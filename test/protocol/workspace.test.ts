// The whole workspace over LSP: findings for files nobody opened, and cross-file findings that follow
// edits in other files (in the editor and on disk). Needs `npm run build` (dist/server.js).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Requests } from '../../server/src/protocol';
import { REPO } from '../support/engine';
import { startServer, type ServerSession } from '../support/lspClient';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'rules', 'workspace');

describe('protocol: the whole workspace', function () {
  this.timeout(30_000);
  let root: string;
  let server: ServerSession;
  const uri = (relative: string) => URI.file(path.join(root, relative)).toString();
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-workspace-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
  });
  afterEach(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-01-15' } });
  }

  it("publishes a closed file's cross-file finding, with a related location in the other file", async () => {
    await start();
    const [finding, ...rest] = await waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length > 0);
    assert.deepEqual(rest, []);
    assert.equal(finding.code, 'portfolio/dependency-dates');
    assert.deepEqual(finding.range, { start: { line: 18, character: 31 }, end: { line: 18, character: 41 } });
    assert.match(finding.codeDescription!.href, /docs\/rules\/portfolio\/dependency-dates\.md$/);
    const [related] = finding.relatedInformation!;
    assert.equal(related.location.uri, uri('projects/beta.charter.yaml'));
    assert.deepEqual(related.location.range.start, { line: 10, character: 7 });
    assert.equal(related.message, 'beta ends on 2027-06-30');
  });

  it('clears the closed file when the cause is fixed in another, open file', async () => {
    await start();
    await waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length === 1);
    const beta = uri('projects/beta.charter.yaml');
    const cleared = waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length === 0);
    server.open(beta, fs.readFileSync(path.join(root, 'projects', 'beta.charter.yaml'), 'utf8'));
    // Beta now ends in February, before alpha needs it.
    server.change(beta, 2, [{ range: { start: { line: 10, character: 7 }, end: { line: 10, character: 17 } }, text: '2027-02-26' }]);
    assert.deepEqual(await cleared, []);

    // Closing beta without saving: the file on disk is the portfolio's version again.
    const back = waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length === 1);
    server.close(beta);
    assert.deepEqual(codes(await back), ['portfolio/dependency-dates']);

    // Alpha itself opened and closed: its findings are published again from the file on disk.
    const alpha = uri('projects/alpha.charter.yaml');
    const whileOpen = waitFor(alpha, (d) => d.length === 1);
    server.open(alpha, fs.readFileSync(path.join(root, 'projects', 'alpha.charter.yaml'), 'utf8'));
    await whileOpen;
    const afterClose = waitFor(alpha, (d) => d.length === 1);
    server.close(alpha);
    assert.deepEqual(codes(await afterClose), ['portfolio/dependency-dates']);
  });

  it('follows files created, changed and deleted on disk', async () => {
    await start();
    await waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length === 1);
    const copy = path.join(root, 'projects', 'alpha-copy.charter.yaml');

    // A new file with alpha's id: both files get a duplicate-id finding.
    const duplicated = waitFor(uri('projects/alpha.charter.yaml'), (d) => codes(d).includes('portfolio/unique-id'));
    const copyFindings = waitFor(uri('projects/alpha-copy.charter.yaml'), (d) => codes(d).includes('portfolio/unique-id'));
    const alpha = fs.readFileSync(path.join(root, 'projects', 'alpha.charter.yaml'), 'utf8');
    fs.writeFileSync(copy, alpha.replace(/allocations:\n.*\n/, '')); // no second booking of ben.ode
    notify(uri('projects/alpha-copy.charter.yaml'), FileChangeType.Created);
    const unique = (await duplicated).find((d) => d.code === 'portfolio/unique-id')!;
    assert.equal(unique.relatedInformation?.[0].location.uri, uri('projects/alpha-copy.charter.yaml'));
    await copyFindings;

    // Renamed on disk (a delete and a create): the duplicate stays, now pointing at the new name.
    const renamed = path.join(root, 'projects', 'alpha-renamed.charter.yaml');
    fs.renameSync(copy, renamed);
    const pointing = waitFor(uri('projects/alpha.charter.yaml'), (d) =>
      d.some((x) => x.code === 'portfolio/unique-id' && x.relatedInformation?.[0].location.uri === uri('projects/alpha-renamed.charter.yaml')),
    );
    const gone = waitFor(uri('projects/alpha-copy.charter.yaml'), (d) => d.length === 0);
    notify(uri('projects/alpha-copy.charter.yaml'), FileChangeType.Deleted);
    notify(uri('projects/alpha-renamed.charter.yaml'), FileChangeType.Created);
    await Promise.all([pointing, gone]);

    // The copy changes its id: the duplicate is gone.
    const fixed = waitFor(uri('projects/alpha.charter.yaml'), (d) => !codes(d).includes('portfolio/unique-id'));
    fs.writeFileSync(renamed, fs.readFileSync(renamed, 'utf8').replace('id: alpha', 'id: alpha-two'));
    notify(uri('projects/alpha-renamed.charter.yaml'), FileChangeType.Changed);
    assert.deepEqual(codes(await fixed), ['portfolio/dependency-dates']);

    // Beta deleted: alpha now depends on a project that does not exist.
    const unknown = waitFor(uri('projects/alpha.charter.yaml'), (d) => codes(d).includes('portfolio/unknown-reference'));
    fs.rmSync(path.join(root, 'projects', 'beta.charter.yaml'));
    notify(uri('projects/beta.charter.yaml'), FileChangeType.Deleted);
    assert.match((await unknown)[0].message as string, /No project has the id "beta"/);
  });

  it('reads no device or pipe that appears as a charter on disk, and carries on', async () => {
    await start();
    await waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length === 1);
    // More pipes than the I/O threads a server has: reading them would block every later read for good.
    const odd = ['zero.charter.yaml', ...[1, 2, 3, 4, 5].map((n) => `pipe${n}.charter.yaml`)];
    fs.symlinkSync('/dev/zero', path.join(root, 'projects', odd[0]));
    for (const name of odd.slice(1)) assert.equal(spawnSync('mkfifo', [path.join(root, 'projects', name)]).status, 0, 'mkfifo');
    for (const name of odd) notify(uri(`projects/${name}`), FileChangeType.Created);
    // A real change after them is still read and checked.
    const alphaFile = path.join(root, 'projects', 'alpha.charter.yaml');
    const duplicated = waitFor(uri('projects/alpha.charter.yaml'), (d) => codes(d).includes('portfolio/unique-id'));
    fs.writeFileSync(path.join(root, 'projects', 'alpha-copy.charter.yaml'), fs.readFileSync(alphaFile, 'utf8').replace(/allocations:\n.*\n/, ''));
    notify(uri('projects/alpha-copy.charter.yaml'), FileChangeType.Created);
    await duplicated;
    // Each of them shows what charter check says of it; deleting one withdraws it.
    const pipe = server.published.filter((p) => p.uri === uri('projects/pipe1.charter.yaml')).at(-1);
    assert.deepEqual(pipe?.diagnostics.map((d) => d.code), ['yaml/not-text']);
    assert.match(String(pipe?.diagnostics[0].message), /^This file cannot be read as a charter: it is not a regular file \(a device, a pipe or a socket\), so it is not read\./);
    const cleared = waitFor(uri('projects/pipe1.charter.yaml'), (d) => d.length === 0);
    fs.rmSync(path.join(root, 'projects', 'pipe1.charter.yaml'));
    notify(uri('projects/pipe1.charter.yaml'), FileChangeType.Deleted);
    await cleared;
  });

  it('answers charter/validateWorkspace over every indexed file, open or not', async () => {
    await start();
    await waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length === 1);
    const result = await server.connection.sendRequest(Requests.validateWorkspace);
    assert.deepEqual(result, { files: 4, errors: 0, warnings: 1 });
  });

  it('reports indexing progress to a client that supports it', async () => {
    const events: Array<{ kind: string }> = [];
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-01-15' } });
    server.connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
      events.push(params.value);
    });
    await waitFor(uri('projects/alpha.charter.yaml'), (d) => d.length === 1);
    await until(() => events.some((e) => e.kind === 'end'));
    assert.ok(events.some((e) => e.kind === 'begin'));
  });

  it('publishes for every file what charter check reports, without opening any (the planted workspace)', async () => {
    const planted = path.join(REPO, 'test', 'fixtures', 'rules', 'planted');
    fs.cpSync(planted, root, { recursive: true });
    fs.rmSync(path.join(root, 'projects', 'alpha.charter.yaml'));
    fs.rmSync(path.join(root, 'projects', 'beta.charter.yaml'));
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => f.split(path.sep).join('/')).sort();
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-05-15' } });
    const published = await Promise.all(files.map((f) => waitFor(uri(f), () => true)));
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const fromCli = JSON.parse(cli.stdout).findings as Array<{ file: string; rule: string; message: string; range: unknown }>;
    assert.ok(fromCli.length > 30);
    const key = (f: { rule: unknown; range: unknown; message: unknown }) => JSON.stringify([f.rule, f.range, String(f.message)]);
    files.forEach((file, i) => {
      const expected = fromCli.filter((f) => f.file === file).map(key).sort();
      assert.deepEqual(published[i].map((d) => key({ rule: d.code, range: d.range, message: d.message })).sort(), expected, file);
    });
  });

  function waitFor(target: string, accept: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    return server.diagnostics(target, (p) => accept(p.diagnostics), 15_000);
  }

  function notify(target: string, type: FileChangeType): void {
    void server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: target, type }] });
  }
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
