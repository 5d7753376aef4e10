// `charter/portfolio` over LSP: the whole workspace's portfolio, and `charter/portfolioChanged` after an
// edit. Needs `npm run build` (dist/server.js).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Notifications, Requests, type PortfolioParams, type PortfolioResult } from '../../server/src/protocol';
import { REPO } from '../support/engine';
import { startServer, type ServerSession } from '../support/lspClient';

describe('protocol: charter/portfolio', function () {
  this.timeout(30_000);
  let root: string;
  let server: ServerSession;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-portfolio-'));
    fs.cpSync(path.join(REPO, 'examples'), root, { recursive: true });
    server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2026-12-01' } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const ask = (params: PortfolioParams = {}) => server.connection.sendRequest(Requests.portfolio, params);

  async function until(accept: (r: PortfolioResult) => boolean, params: PortfolioParams = {}): Promise<PortfolioResult> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const result = await ask(params);
      if (accept(result)) return result;
      if (Date.now() > deadline) throw new Error(`portfolio never matched; last: ${JSON.stringify(result.portfolio.summary)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('answers with every project of the workspace, grouped by programme, findings counted', async () => {
    const result = await until((r) => r.portfolio.projects.length === 15 && r.portfolio.summary.findingCounts.errors > 0);
    assert.equal(result.groupBy, 'programme');
    assert.equal(result.portfolio.asOf, '2026-12-01');
    assert.deepEqual(result.groups.map((g) => [g.key, g.rollup.count, g.rollup.worstRag]), [
      ['digital-customer', 5, 'red'],
      ['finance-transformation', 5, 'amber'],
      ['operational-resilience', 4, 'amber'],
      ['', 1, undefined],
    ]);
    const loyalty = result.portfolio.projects.find((p) => p.id === 'dc-loyalty-programme')!;
    assert.ok(loyalty.findingCounts.errors >= 2);
    assert.equal(loyalty.location.uri, URI.file(path.join(root, 'needs-attention', 'dc-loyalty-programme.charter.yaml')).toString());
  });

  it('groups and filters as asked', async () => {
    const result = await ask({ groupBy: 'status', filter: { hasFindings: true } });
    assert.equal(result.groupBy, 'status');
    assert.deepEqual(result.groups.flatMap((g) => g.projectIds).sort(), ['dc-loyalty-programme', 'fin-procurement-portal', 'ops-network-refresh']);
  });

  it('announces a change and answers with the edited RAG', async () => {
    const file = path.join(root, 'projects', 'dc-identity.charter.yaml');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    const changed = new Promise<void>((resolve) => server.connection.onNotification(Notifications.portfolioChanged, () => resolve()));
    server.open(uri, text);
    server.change(uri, 2, [{ text: text.replace(/rag: green/, 'rag: red') }]);
    await changed;
    const result = await until((r) => r.portfolio.projects.find((p) => p.id === 'dc-identity')?.rag === 'red');
    assert.equal(result.portfolio.summary.rag.red, 3);
  });

  it('renders the same portfolio as a report (charter/report) and as the dashboard page', async () => {
    await until((r) => r.portfolio.projects.length === 15);
    const md = await server.connection.sendRequest(Requests.report, { format: 'md' });
    assert.match(md.content, /```mermaid\ngantt/);
    assert.match(md.content, /dc-loyalty-programme|Customer loyalty programme/);
    const csv = await server.connection.sendRequest(Requests.report, { format: 'csv', groupBy: 'rag' });
    assert.equal(csv.content.trim().split('\n').length, 16, 'a header and one row per project');
    const page = await server.connection.sendRequest(Requests.report, { format: 'dashboard' });
    assert.match(page.content, /<svg class="chart gantt"/);
    assert.match(page.css ?? '', /var\(--vscode-charts-red\)/);
    await assert.rejects(server.connection.sendRequest(Requests.report.method, { format: 'pdf' }), /Unknown report format "pdf"/);
  });
});

describe('protocol: dashboard counts', function () {
  this.timeout(30_000);

  it('counts the same errors and warnings as charter check, programme and people files included', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-counts-'));
    const files: Record<string, string> = {
      'p.charter.yaml': 'apiVersion: charter/v1\nkind: Project\nid: p\ntitle: P\nstatus: active\nsponsor: ana\nmanager: ana\nstatusReport:\n  asOf: 2027-01-10\n  rag: purple\n  commentary: Hm.\n',
      'ops.programme.yaml': 'apiVersion: charter/v1\nkind: Programme\nid: ops\ntitle: Ops\nowner: nobody-at-all\nbudget:\n  currency: EUR\n  cap: lots\n',
      'people.yaml': 'apiVersion: charter/v1\nkind: People\npeople:\n  - { id: ana, name: Ana, capacityPercent: "a lot" }\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
    const server = await startServer({ rootUri: URI.file(root).toString(), settings: { asOf: '2027-01-15' } });
    try {
      await server.connection.sendRequest(Requests.validateWorkspace);
      const result = await server.connection.sendRequest(Requests.portfolio, {});
      const check = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', '--as-of', '2027-01-15'], { cwd: root, encoding: 'utf8' });
      const summary = (JSON.parse(check.stdout) as { summary: { errors: number; warnings: number } }).summary;
      assert.ok(summary.errors > result.portfolio.projects[0].findingCounts.errors, 'the programme and people files have errors of their own');
      assert.equal(result.portfolio.summary.findingCounts.errors, summary.errors);
      assert.equal(result.portfolio.summary.findingCounts.warnings, summary.warnings);
      assert.deepEqual(result.portfolio.summary.rag, { green: 0, amber: 0, red: 0, none: 0, invalid: 1 });
    } finally {
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
