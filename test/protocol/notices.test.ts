// What the server says beyond a charter's own findings, over stdio: the settings file, charter-like
// files outside the globs, clients without workspace/configuration, and no findings from half an index.
// Needs `npm run build` (dist/server.js).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Requests } from '../../server/src/protocol';
import { VALID_PROJECT } from '../support/engine';
import { startServer, type ServerSession } from '../support/lspClient';

describe('protocol: nothing silently ignored', function () {
  this.timeout(60_000);
  let root: string;
  let server: ServerSession | undefined;
  const uri = (relative: string) => URI.file(path.join(root, relative)).toString();
  function write(files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
  }

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-notices-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes findings on .vscode/settings.json, with ranges in the JSON, and updates them when it changes', async () => {
    const settingsText = '{\n  // PMO settings\n  "charter.rules": { "budget/aproval-threshold": "error" },\n  "charter.asOf": "2027-1-15"\n}\n';
    write({ '.vscode/settings.json': settingsText, 'p.charter.yaml': VALID_PROJECT });
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-01-15' } });
    const diagnostics = await server.diagnostics(uri('.vscode/settings.json'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range]),
      [
        ['settings/unknown-rule', DiagnosticSeverity.Warning, { start: { line: 2, character: 21 }, end: { line: 2, character: 47 } }],
        ['settings/invalid-value', DiagnosticSeverity.Warning, { start: { line: 3, character: 18 }, end: { line: 3, character: 29 } }],
      ],
    );
    assert.match(String(diagnostics[0].message), /Did you mean "budget\/approval-threshold"\?/);
    // Fixed on disk; the editor announces a configuration change.
    fs.writeFileSync(path.join(root, '.vscode', 'settings.json'), '{ "charter.asOf": "2027-01-15" }\n');
    const cleared = server.diagnostics(uri('.vscode/settings.json'), (p) => p.diagnostics.length === 0);
    server.changeSettings({ asOf: '2027-01-15' });
    await cleared;
  });

  it('gives a YAML file with apiVersion: charter/v1 outside the globs an info finding on that line', async () => {
    write({ 'projects/invoice.yaml': VALID_PROJECT, 'p.charter.yaml': VALID_PROJECT.replace('fin-invoice-automation', 'other'), 'ci.yaml': 'on: push\n' });
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-01-15' } });
    const [finding, ...rest] = await server.diagnostics(uri('projects/invoice.yaml'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(rest, []);
    assert.equal(finding.code, 'files/not-included');
    assert.equal(finding.severity, DiagnosticSeverity.Information);
    assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } });
    assert.match(String(finding.message), /is not checked.*Rename it to invoice\.charter\.yaml .* or add "projects\/invoice\.yaml" to charter\.files\.include\./);
    await server.connection.sendRequest(Requests.validateWorkspace);
    assert.ok(!server.published.some((p) => p.uri === uri('ci.yaml')), 'a YAML file that is not a charter gets nothing');
  });

  it('an open YAML file outside the globs shows both its own findings and the notice, whichever is published last', async () => {
    const text = 'apiVersion: charter/v1\nkind: Project\n';
    write({ 'plans/draft.yaml': text, 'p.charter.yaml': VALID_PROJECT });
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-01-15' } });
    const both = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.some((d) => d.code === 'files/not-included') && p.diagnostics.some((d) => d.code === 'schema/required');
    const opened = server.diagnostics(uri('plans/draft.yaml'), both);
    server.open(uri('plans/draft.yaml'), text);
    await opened;
    // The notices are refreshed on a configuration change, the findings on an edit: neither wipes the other.
    server.changeSettings({ asOf: '2027-01-16' });
    await server.connection.sendRequest(Requests.validateWorkspace);
    server.change(uri('plans/draft.yaml'), 2, [{ text: `${text}id: draft\n` }]);
    const last = await server.diagnostics(uri('plans/draft.yaml'), (p) => p.version === 2);
    assert.ok(both({ diagnostics: last }), JSON.stringify(last));
    assert.ok(server.published.filter((p) => p.uri === uri('plans/draft.yaml')).slice(-1).every(both));
  });

  it('reads the folder .vscode/settings.json itself when the client does not support workspace/configuration', async () => {
    write({ '.vscode/settings.json': '{ "charter.asOf": "2027-01-15", "charter.rules": { "text/no-placeholders": "error" } }', 'p.charter.yaml': VALID_PROJECT });
    server = await startServer({ rootUri: URI.file(root).toString(), configuration: false });
    const text = VALID_PROJECT.replace('title: Invoice automation', 'title: TBD');
    const diagnostics = await server.openAndWait(uri('p.charter.yaml'), text);
    const placeholder = diagnostics.find((d) => d.code === 'text/no-placeholders');
    assert.ok(placeholder, JSON.stringify(diagnostics));
    assert.equal(placeholder.severity, DiagnosticSeverity.Error);
    // asOf 2027-01-15 from the file: nothing is overdue or stale as of then.
    assert.deepEqual(diagnostics.map((d) => d.code), ['text/no-placeholders']);
  });

  // Reading a pipe waits for a writer forever: the settings fallback and the settings notices both read the file.
  for (const configuration of [false, true]) {
    it(`keeps answering when .vscode/settings.json is a pipe (workspace/configuration ${configuration ? 'supported' : 'not supported'})`, async () => {
      write({ 'p.charter.yaml': VALID_PROJECT });
      fs.mkdirSync(path.join(root, '.vscode'));
      assert.equal(spawnSync('mkfifo', [path.join(root, '.vscode', 'settings.json')]).status, 0, 'mkfifo');
      server = await startServer({ rootUri: URI.file(root).toString(), configuration, settings: { asOf: '2027-01-15' } });
      const result = await server.connection.sendRequest(Requests.validateWorkspace);
      assert.equal(result.files, 1);
      const diagnostics = await server.openAndWait(uri('p.charter.yaml'), VALID_PROJECT.replace('title: Invoice automation', 'title: TBD'));
      assert.ok(diagnostics.some((d) => d.code === 'text/no-placeholders'), JSON.stringify(diagnostics));
    });
  }

  it('publishes no cross-file finding for a just-opened file before the workspace index is complete', async () => {
    // Many charters ahead of the portfolio (files are indexed in path order), whose policy allows the opened project's phase.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`aa/filler-${String(i).padStart(3, '0')}.charter.yaml`] = `apiVersion: charter/v1\nkind: Project\nid: filler-${i}\n`;
    write({
      ...files,
      'zz/portfolio.yaml': 'apiVersion: charter/v1\nkind: Portfolio\nid: acme\ntitle: Acme\npolicy:\n  phases: [discovery, build]\n',
      'zz/people.yaml': 'apiVersion: charter/v1\nkind: People\npeople:\n  - { id: jane.doe, name: Jane Doe }\n  - { id: raj.patel, name: Raj Patel }\n',
    });
    const project = VALID_PROJECT.replace('status: active', 'status: active\nphase: discovery');
    write({ 'p.charter.yaml': project });
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-01-15' } });
    server.open(uri('p.charter.yaml'), project);
    const result = (await server.connection.sendRequest(Requests.validateWorkspace));
    assert.ok(result.files >= 303);
    const mine = server.published.filter((p) => p.uri === uri('p.charter.yaml'));
    assert.ok(mine.length > 0);
    for (const published of mine) assert.deepEqual(published.diagnostics.map((d) => d.code), [], 'every publication for the open file is the complete one');
  });
});
