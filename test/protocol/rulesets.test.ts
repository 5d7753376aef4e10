// PMO rulesets and templates through the bundled server over stdio, driven by a plain LSP client (what
// Neovim or any other editor does): the same findings as charter check, templates on request, live
// reload of a ruleset file, and a broken ruleset.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { Requests } from '../../server/src/protocol';
import { fileUri, REPO } from '../support/engine';
import { startServer, type ServerSession } from '../support/lspClient';

const EXAMPLE = path.join(REPO, 'test/fixtures/pmo-rulesets');
const PAYROLL = 'projects/fin-uk-payroll.charter.yaml';

/** The `charter.*` keys of the example's .vscode/settings.json, as an editor hands them to the server. */
function exampleSettings(root: string): Record<string, unknown> {
  const raw = parseJsonc(fs.readFileSync(path.join(root, '.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^charter\./, ''), v]));
}

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-pmo-lsp-'));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

const pmo = (ds: Diagnostic[]) => ds.filter((d) => String(d.code).startsWith('pmo/') || String(d.code).startsWith('ruleset/'));

describe('protocol: PMO rulesets and templates', function () {
  this.timeout(60_000);
  const servers: ServerSession[] = [];
  const start = async (root: string) => {
    const server = await startServer({ rootUri: fileUri(root), settings: exampleSettings(root) });
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('publishes the same ruleset findings as charter check: rule id, range, message, docs link', async () => {
    const server = await start(EXAMPLE);
    const uri = fileUri(path.join(EXAMPLE, PAYROLL));
    const diagnostics = await server.diagnostics(uri, (p) => pmo(p.diagnostics).length >= 8, 20_000);
    server.open(uri, fs.readFileSync(path.join(EXAMPLE, PAYROLL), 'utf8'));
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'check', PAYROLL, '--format', 'json'], { cwd: EXAMPLE, encoding: 'utf8' });
    const expected = (JSON.parse(cli.stdout) as { findings: Array<{ rule: string; message: string; range: unknown; docs: string }> }).findings.filter((f) => f.rule.startsWith('pmo/'));
    const key = (rule: string, range: unknown, message: string) => `${rule} ${JSON.stringify(range)} ${message}`;
    assert.deepEqual(pmo(diagnostics).map((d) => key(String(d.code), d.range, String(d.message))).sort(), expected.map((f) => key(f.rule, f.range, f.message)).sort());
    const link = pmo(diagnostics).find((d) => d.code === 'pmo/business-case-link')!;
    assert.equal(link.codeDescription?.href, 'https://pmo.acme.example/rules/business-case-link');
    assert.equal(link.severity, 1);
  });

  it('offers the ruleset\'s templates and renders one', async () => {
    const server = await start(EXAMPLE);
    const folderUri = fileUri(EXAMPLE);
    const templates = await server.connection.sendRequest(Requests.templates, { folderUri });
    assert.deepEqual(templates.map((t) => [t.name, t.tiers]), [['standard', ['standard']], ['major', ['major']]]);
    const rendered = await server.connection.sendRequest(Requests.renderTemplate, { folderUri, name: 'major', id: 'fin-new', title: 'New: "one"', programme: 'finance' });
    assert.match(rendered.text, /^id: fin-new\ntitle: "New: \\"one\\""\n/m);
    assert.match(rendered.text, /^programme: finance$/m);
    assert.match(rendered.text, /^manager: <manager>$/m);
  });

  it('reloads a ruleset file when it changes on disk, and reports a broken one', async () => {
    const root = scratch();
    const server = await start(root);
    const uri = fileUri(path.join(root, PAYROLL));
    server.open(uri, fs.readFileSync(path.join(root, PAYROLL), 'utf8'));
    await server.diagnostics(uri, (p) => pmo(p.diagnostics).some((d) => d.code === 'pmo/unique-risk-titles'), 20_000);
    const ruleset = path.join(root, 'pmo/acme.ruleset.yaml');
    assert.ok(server.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method && JSON.stringify(r.registerOptions).includes('acme.ruleset.yaml')), 'the server watches the ruleset file');

    fs.writeFileSync(ruleset, fs.readFileSync(ruleset, 'utf8').replace('id: pmo/unique-risk-titles', 'id: pmo/distinct-risk-titles'));
    const renamed = server.diagnostics(uri, (p) => pmo(p.diagnostics).some((d) => d.code === 'pmo/distinct-risk-titles'), 10_000);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(ruleset), type: FileChangeType.Changed }] });
    await renamed;

    fs.writeFileSync(ruleset, 'rules: [');
    const broken = server.diagnostics(uri, (p) => pmo(p.diagnostics).some((d) => d.code === 'ruleset/unavailable'), 10_000);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(ruleset), type: FileChangeType.Changed }] });
    const diagnostics = await broken;
    assert.deepEqual(pmo(diagnostics).map((d) => d.code), ['ruleset/unavailable']);
    assert.match(String(diagnostics.find((d) => d.code === "ruleset/unavailable")!.message), /The ruleset pmo\/acme\.ruleset\.yaml \(from the charter\.rulesets setting\) cannot be used: it is not valid YAML/);
    // The schema and the built-in rules keep working: a typo in status is still reported.
    const typo = fs.readFileSync(path.join(root, PAYROLL), 'utf8').replace('status: approved', 'status: aproved');
    const withTypo = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'schema/enum') && pmo(p.diagnostics).some((d) => d.code === 'ruleset/unavailable'), 10_000);
    server.change(uri, 2, [{ text: typo }]);
    await withTypo;
    assert.ok(server.messages.some((m) => /the ruleset pmo\/acme\.ruleset\.yaml cannot be used/.test(m.message)), JSON.stringify(server.messages));
  });
});
