// The PMO's schemas, through the bundled server over stdio: settings, modelines, live reload, broken
// schemas, remote schemas with their cache, workspace trust, the status request, and parity with the CLI.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { Notifications, Requests, type CharterInitializationOptions } from '../../server/src/protocol';
import { fileUri, REPO } from '../support/engine';
import { startServer as startLspServer, type ServerSession } from '../support/lspClient';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'pmo');
const PMO_SETTINGS = { schemas: [{ fileMatch: ['projects/**/*.charter.yaml'], url: '.pmo/project.schema.json' }], rules: { 'schema/additionalProperties': 'warning' }, asOf: '2027-01-15' };
const NO_COST_CENTRE = fs.readFileSync(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'), 'utf8');
const COST_CENTRE_MESSAGE = 'Every Acme project names the costCentre its spend is booked to (like CC-1234). Ask Finance for the code.';

/** The shared LSP client, with diagnostics matched on their list and documents changed as a whole. */
type Session = Omit<ServerSession, 'diagnostics' | 'change'> & {
  diagnostics(uri: string, accept?: (ds: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  change(uri: string, version: number, text: string): void;
};

async function startServer(options: {
  root: string;
  /** More workspace folders, for a multi-root workspace. */
  moreRoots?: string[];
  settings?: Record<string, unknown>;
  /** Settings per resource, as a multi-root workspace answers workspace/configuration. */
  settingsFor?: (scopeUri: string) => Record<string, unknown>;
  init?: CharterInitializationOptions;
  env?: Record<string, string>;
}): Promise<Session> {
  const session = await startLspServer({
    rootUri: fileUri(options.root),
    moreRootUris: options.moreRoots?.map(fileUri),
    settings: options.settings,
    settingsFor: options.settingsFor,
    initializationOptions: options.init,
    env: options.env,
  });
  const { diagnostics, change } = session;
  return Object.assign(session, {
    diagnostics: (uri: string, accept: (ds: Diagnostic[]) => boolean = () => true, timeoutMs?: number) => diagnostics(uri, (p) => accept(p.diagnostics), timeoutMs),
    change: (uri: string, version: number, text: string) => change(uri, version, [{ text }]),
  });
}

/** A scratch copy of the PMO workspace, for tests that edit its files. */
function scratchWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-pmo-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** A loopback HTTP server serving one schema with an ETag; `answer` can be swapped to misbehave. */
async function schemaServer(body: string): Promise<{ url: string; hits: () => number; hang: () => void; close: () => Promise<void> }> {
  let hits = 0;
  let hanging = false;
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    hits++;
    if (hanging) return;
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { etag: '"v1"' });
      res.end();
      return;
    }
    res.writeHead(200, { etag: '"v1"', 'content-type': 'application/schema+json' });
    res.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/schemas/project.json`,
    hits: () => hits,
    hang: () => (hanging = true),
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A self-contained PMO schema (no relative $ref), as a PMO would publish it on its web server. */
const REMOTE_SCHEMA = JSON.stringify({
  allOf: [{ $ref: 'https://charter.dev/schemas/v1/project.json' }],
  required: ['costCentre'],
  properties: { costCentre: { type: 'string' } },
  'x-rule': 'pmo/cost-centre',
  errorMessage: { required: { costCentre: 'Name the costCentre.' } },
});

const rules = (ds: Diagnostic[]) => ds.map((d) => String(d.code));
const has = (rule: string) => (ds: Diagnostic[]) => rules(ds).includes(rule);

describe('protocol: schemas from settings', function () {
  this.timeout(30_000);
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });
  const started = async (...args: Parameters<typeof startServer>) => {
    const session = await startServer(...args);
    cleanup.push(() => session.stop());
    return session;
  };

  it('a PMO schema in charter.schemas gives its finding: custom message, rule id, severity, docs, and the schema as related information', async () => {
    const server = await started({ root: FIXTURE, settings: PMO_SETTINGS });
    const uri = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));
    const diagnostic = (await server.openAndWait(uri, NO_COST_CENTRE)).find((d) => d.code === 'pmo/cost-centre');
    assert.ok(diagnostic);
    assert.equal(diagnostic.message, COST_CENTRE_MESSAGE);
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.source, 'charter');
    assert.equal(diagnostic.codeDescription?.href, 'https://pmo.example.org/handbook/cost-centres');
    assert.deepEqual(diagnostic.range.start, { line: 0, character: 0 });
    assert.deepEqual(diagnostic.relatedInformation, [
      {
        location: { uri: fileUri(path.join(FIXTURE, '.pmo', 'project.schema.json')), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: 'Reported by the schema .pmo/project.schema.json (from the charter.schemas setting)',
      },
    ]);
  });

  it('names the schema and its source for the status bar, with something to open', async () => {
    const server = await started({ root: FIXTURE, settings: PMO_SETTINGS });
    const uri = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));
    await server.openAndWait(uri, NO_COST_CENTRE);
    const status = await server.connection.sendRequest(Requests.schemaStatus, { uri });
    assert.deepEqual(status.schemas, [
      {
        document: 0,
        label: '.pmo/project.schema.json',
        source: 'setting',
        sourceDescription: 'the charter.schemas setting',
        uri: fileUri(path.join(FIXTURE, '.pmo', 'project.schema.json')),
        openUri: fileUri(path.join(FIXTURE, '.pmo', 'project.schema.json')),
        state: 'ready',
      },
    ]);
    const other = fileUri(path.join(FIXTURE, 'elsewhere.charter.yaml'));
    await server.openAndWait(other, NO_COST_CENTRE);
    const builtin = await server.connection.sendRequest(Requests.schemaStatus, { uri: other });
    assert.deepEqual([builtin.schemas[0].label, builtin.schemas[0].source, builtin.schemas[0].openUri], ['built-in Project schema', 'builtin', fileUri(path.join(REPO, 'schemas', 'project.schema.json'))]);
  });

  it('a modeline wins over the setting; removing it brings the setting back', async () => {
    const dir = scratchWorkspace();
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ allOf: [{ $ref: 'https://charter.dev/schemas/v1/project.json' }], required: ['purpose'] }));
    const server = await started({ root: dir, settings: PMO_SETTINGS });
    const uri = fileUri(path.join(dir, 'projects', 'no-cost-centre.charter.yaml'));
    const first = await server.openAndWait(uri, `# yaml-language-server: $schema=../strict.json\n${NO_COST_CENTRE}`);
    assert.deepEqual(rules(first).filter((r) => /^(schema|pmo)\//.test(r)), ['schema/required']);
    const back = server.diagnostics(uri, has('pmo/cost-centre'));
    server.change(uri, 2, NO_COST_CENTRE);
    await back;
  });

  it('editing a watched schema file re-validates open documents within a second', async () => {
    const dir = scratchWorkspace();
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const server = await started({ root: dir, settings: PMO_SETTINGS });
    const uri = fileUri(path.join(dir, 'projects', 'bad-cost-centre.charter.yaml'));
    const before = await server.openAndWait(uri, fs.readFileSync(path.join(dir, 'projects', 'bad-cost-centre.charter.yaml'), 'utf8'));
    assert.ok(has('pmo/cost-centre-format')(before));
    const common = path.join(dir, '.pmo', 'common.schema.json');
    const watcher = server.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method && JSON.stringify(r.registerOptions).includes('common.schema.json'));
    assert.ok(watcher, `the server watches the schema files it reads: ${JSON.stringify(server.registrations)}`);

    fs.writeFileSync(common, fs.readFileSync(common, 'utf8').replace('^CC-[0-9]{4}$', '^(CC|cc)[- ][0-9]{4}$'));
    const after = server.diagnostics(uri, (ds) => !has('pmo/cost-centre-format')(ds), 1000);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(common), type: FileChangeType.Changed }] });
    await after;
  });

  it('changing charter.rules or charter.schemas re-validates within a second', async () => {
    const server = await started({ root: FIXTURE, settings: PMO_SETTINGS });
    const uri = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));
    await server.openAndWait(uri, NO_COST_CENTRE);
    const louder = server.diagnostics(uri, (ds) => ds.find((d) => d.code === 'pmo/cost-centre')?.severity === 1, 1000);
    server.changeSettings({ ...PMO_SETTINGS, rules: { 'pmo/cost-centre': 'error' } });
    await louder;
    const gone = server.diagnostics(uri, (ds) => !has('pmo/cost-centre')(ds), 1000);
    server.changeSettings({ ...PMO_SETTINGS, schemas: [] });
    await gone;
  });

  it('multi-root: each folder uses its own settings, relative URLs against its own folder', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-other-'));
    cleanup.push(() => fs.rmSync(other, { recursive: true, force: true }));
    fs.mkdirSync(path.join(other, '.pmo'));
    fs.mkdirSync(path.join(other, 'projects'));
    fs.writeFileSync(path.join(other, '.pmo', 'project.schema.json'), JSON.stringify({ allOf: [{ $ref: 'https://charter.dev/schemas/v1/project.json' }], required: ['purpose'], 'x-rule': 'other/purpose' }));
    const server = await started({
      root: FIXTURE,
      moreRoots: [other],
      settingsFor: (scopeUri) => (scopeUri.startsWith(fileUri(other)) ? { schemas: [{ fileMatch: ['projects/**'], url: '.pmo/project.schema.json' }] } : PMO_SETTINGS),
    });
    const inFixture = await server.openAndWait(fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml')), NO_COST_CENTRE);
    const inOther = await server.openAndWait(fileUri(path.join(other, 'projects', 'no-cost-centre.charter.yaml')), NO_COST_CENTRE);
    assert.ok(has('pmo/cost-centre')(inFixture) && !has('other/purpose')(inFixture), rules(inFixture).join());
    assert.ok(has('other/purpose')(inOther) && !has('pmo/cost-centre')(inOther), rules(inOther).join());
  });

  it('a broken schema: one schema/unavailable per document on line 1, one notification, other documents unaffected', async () => {
    const server = await started({ root: FIXTURE, settings: { ...PMO_SETTINGS, schemas: [{ fileMatch: ['projects/**'], url: '.pmo/missing.schema.json' }] } });
    const a = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));
    const b = fileUri(path.join(FIXTURE, 'projects', 'invoice-automation.charter.yaml'));
    const c = fileUri(path.join(FIXTURE, 'elsewhere.charter.yaml'));
    for (const uri of [a, b]) {
      const ds = await server.openAndWait(uri, NO_COST_CENTRE);
      const unavailable = ds.filter((d) => d.code === 'schema/unavailable');
      assert.equal(unavailable.length, 1);
      assert.equal(unavailable[0].range.start.line, 0);
      assert.equal(
        unavailable[0].message,
        'The schema .pmo/missing.schema.json (from the charter.schemas setting) cannot be used: the file does not exist. Fix the schema or the charter.schemas entry that points at it; until then this document is not checked against it.',
      );
    }
    assert.ok(!has('schema/unavailable')(await server.openAndWait(c, NO_COST_CENTRE)));
    assert.deepEqual(server.messages.map((m) => [m.type, m.message]), [
      [1, 'Charter: the schema .pmo/missing.schema.json cannot be used: the file does not exist. Documents that use it show a schema/unavailable finding on their first line.'],
    ]);
  });

  describe('remote schemas', () => {
    it('downloads over http, keeps working from the cache after the server goes away, and says so', async () => {
      const remote = await schemaServer(REMOTE_SCHEMA);
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cache-'));
      cleanup.push(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
      const settings = { schemas: [{ fileMatch: ['projects/**'], url: remote.url }] };
      const uri = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));

      const server = await started({ root: FIXTURE, settings, init: { schemaCacheDir: cacheDir } });
      const online = await server.openAndWait(uri, NO_COST_CENTRE);
      assert.deepEqual(online.filter((d) => d.code === 'pmo/cost-centre').map((d) => d.message), ['Name the costCentre.']);
      assert.equal(remote.hits(), 1);

      // Refresh while the server is up: a full download again, nothing cached to report.
      const refreshed = server.diagnostics(uri);
      assert.deepEqual(await server.connection.sendRequest(Requests.refreshSchemas), { refreshed: 1 });
      assert.ok(!has('schema/cached')(await refreshed));
      assert.equal(remote.hits(), 2);

      await remote.close();
      const offline = server.diagnostics(uri, has('schema/cached'));
      await server.connection.sendRequest(Requests.refreshSchemas);
      const ds = await offline;
      const cached = ds.find((d) => d.code === 'schema/cached')!;
      assert.equal(cached.severity, 3);
      assert.match(String(cached.message), /^The schema http:\/\/127\.0\.0\.1:\d+\/schemas\/project\.json \(from the charter\.schemas setting\) could not be downloaded \(nothing answers at 127\.0\.0\.1:\d+ \(connection refused\)\), so the copy saved on \d{4}-\d\d-\d\d \d\d:\d\d UTC is used\./);
      assert.ok(has('pmo/cost-centre')(ds), 'the cached schema still applies');

      // A new editor session, server still down: the disk cache carries over.
      await server.stop();
      const next = await started({ root: FIXTURE, settings, init: { schemaCacheDir: cacheDir } });
      const again = await next.openAndWait(uri, NO_COST_CENTRE);
      assert.ok(has('schema/cached')(again) && has('pmo/cost-centre')(again), rules(again).join());
      const status = await next.connection.sendRequest(Requests.schemaStatus, { uri });
      assert.equal(status.schemas[0].state, 'cached');
      assert.ok(status.schemas[0].openUri.startsWith(fileUri(cacheDir)), 'opens the cached copy');
    });

    it('server down and nothing cached: one schema/unavailable finding', async () => {
      const remote = await schemaServer(REMOTE_SCHEMA);
      await remote.close();
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cache-'));
      cleanup.push(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
      const server = await started({ root: FIXTURE, settings: { schemas: [{ fileMatch: ['projects/**'], url: remote.url }] }, init: { schemaCacheDir: cacheDir } });
      const ds = await server.openAndWait(fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml')), NO_COST_CENTRE);
      const unavailable = ds.filter((d) => d.code === 'schema/unavailable');
      assert.equal(unavailable.length, 1);
      assert.match(String(unavailable[0].message), /cannot be used: nothing answers at 127\.0\.0\.1:\d+ \(connection refused\), and no copy of it is cached\./);
    });

    it('a server that does not answer: gives up after the timeout', async () => {
      const remote = await schemaServer(REMOTE_SCHEMA);
      remote.hang();
      cleanup.push(() => remote.close());
      const server = await started({ root: FIXTURE, settings: { schemas: [{ fileMatch: ['projects/**'], url: remote.url }] }, env: { CHARTER_SCHEMA_TIMEOUT_MS: '300' } });
      const ds = await server.openAndWait(fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml')), NO_COST_CENTRE);
      assert.match(String(ds.find((d) => d.code === 'schema/unavailable')?.message ?? ''), /did not answer within 0\.3 s/);
    });

    it('untrusted workspace: no download, an info finding saying why, the built-in schema instead; trust turns it on', async () => {
      const remote = await schemaServer(REMOTE_SCHEMA);
      cleanup.push(() => remote.close());
      const server = await started({ root: FIXTURE, settings: { schemas: [{ fileMatch: ['projects/**'], url: remote.url }] }, init: { workspaceTrusted: false } });
      const uri = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));
      const ds = await server.openAndWait(uri, NO_COST_CENTRE.replace('status: proposed', 'status: propsed'));
      const untrusted = ds.find((d) => d.code === 'schema/untrusted');
      assert.equal(untrusted?.severity, 3);
      assert.match(String(untrusted?.message ?? ''), /was not loaded: this workspace is not trusted, and in Restricted Mode Charter downloads no schema\. The built-in Project schema applies instead until you trust the workspace\.$/);
      assert.ok(has('schema/enum')(ds), 'the built-in schema still checks');
      assert.equal(remote.hits(), 0);
      assert.equal(server.messages.length, 1);
      assert.equal(server.messages[0].type, 3);

      const trusted = server.diagnostics(uri, has('pmo/cost-centre'));
      void server.connection.sendNotification(Notifications.workspaceTrust, { trusted: true });
      assert.ok(!has('schema/untrusted')(await trusted));
      assert.equal(remote.hits(), 1);
    });

    it('Refresh Schemas re-checks the closed charters too, not only the open ones', async () => {
      const remote = await schemaServer(REMOTE_SCHEMA);
      cleanup.push(() => remote.close());
      const server = await started({ root: FIXTURE, settings: { schemas: [{ fileMatch: ['projects/**'], url: remote.url }] } });
      const uri = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));
      await server.connection.sendRequest(Requests.validateWorkspace); // every closed charter checked and published
      const closed = server.published.filter((p) => p.uri === uri).at(-1);
      assert.ok(closed && has('pmo/cost-centre')(closed.diagnostics), JSON.stringify(closed));
      await remote.close();
      const unavailable = server.diagnostics(uri, has('schema/unavailable'));
      await server.connection.sendRequest(Requests.refreshSchemas);
      assert.ok(!has('pmo/cost-centre')(await unavailable));
    });

    it('trusting the workspace re-checks the closed charters too, not only the open ones', async () => {
      const remote = await schemaServer(REMOTE_SCHEMA);
      cleanup.push(() => remote.close());
      const server = await started({ root: FIXTURE, settings: { schemas: [{ fileMatch: ['projects/**'], url: remote.url }] }, init: { workspaceTrusted: false } });
      const uri = fileUri(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'));
      await server.connection.sendRequest(Requests.validateWorkspace); // every closed charter checked and published
      const closed = server.published.filter((p) => p.uri === uri).at(-1);
      assert.ok(closed && has('schema/untrusted')(closed.diagnostics), JSON.stringify(closed));
      const trusted = server.diagnostics(uri, has('pmo/cost-centre'));
      void server.connection.sendNotification(Notifications.workspaceTrust, { trusted: true });
      assert.ok(!has('schema/untrusted')(await trusted));
    });
  });

  it('the editor and charter check report the same findings on the PMO workspace', async () => {
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json'], { cwd: FIXTURE, encoding: 'utf8' });
    const fromCli = JSON.parse(cli.stdout).findings as Array<{ file: string; rule: string; severity: string; message: string; range: unknown }>;
    assert.ok(fromCli.some((f) => f.rule === 'pmo/cost-centre'), cli.stdout);
    const server = await started({ root: FIXTURE, settings: PMO_SETTINGS });
    const severities = ['', 'error', 'warning', 'info', 'hint'];
    for (const name of ['invoice-automation', 'no-cost-centre', 'bad-cost-centre']) {
      const file = `projects/${name}.charter.yaml`;
      const ds = await server.openAndWait(fileUri(path.join(FIXTURE, file)), fs.readFileSync(path.join(FIXTURE, file), 'utf8'));
      const key = (f: { rule: unknown; severity: unknown; range: unknown; message: unknown }) => JSON.stringify([f.rule, f.severity, f.range, f.message]);
      assert.deepEqual(
        ds.map((d) => key({ rule: d.code, severity: severities[d.severity ?? 0], range: d.range, message: d.message })).sort(),
        fromCli.filter((f) => f.file === file).map(key).sort(),
        file,
      );
    }
  });
});
