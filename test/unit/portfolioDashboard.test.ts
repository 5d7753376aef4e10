import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dashboardHtml } from '../../client/src/dashboard/dashboardHtml';
import { dashboardBody, dashboardCss } from '../../server/src/engine/portfolio/dashboardPage';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { buildPortfolio } from '../../server/src/engine/portfolio/portfolioModel';
import type { PortfolioResult } from '../../server/src/protocol';
import { fileUri, REPO, service } from '../support/engine';

const EXAMPLES = path.join(REPO, 'examples');

function result(): PortfolioResult {
  const files = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
  const portfolio = buildPortfolio(
    files.map((f) => ({ file: service().parse(fileUri(path.join(EXAMPLES, f)), fs.readFileSync(path.join(EXAMPLES, f), 'utf8')), relativePath: f.split(path.sep).join('/') })),
    { asOf: '2026-12-01' },
  );
  return { portfolio, groupBy: 'programme', groups: groupPortfolio(portfolio, 'programme') };
}

describe('portfolio dashboard page', () => {
  /** What the server sends (`charter/report` with format `dashboard`), in the client's webview shell. */
  const page = (r: PortfolioResult) => ({ body: dashboardBody(r), css: dashboardCss() });
  const html = dashboardHtml(page(result()), { nonce: 'abc123', cspSource: 'vscode-webview://x' });

  it('has a strict content-security policy: nothing by default, style and script by nonce only', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123';/);
    assert.match(csp, /style-src vscode-webview:\/\/x 'nonce-abc123';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) assert.match(tag, /nonce="abc123"/, tag);
  });

  it('loads nothing remote and styles from the theme', () => {
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /<link|<img|@import|\bsrc=/i);
    assert.match(html, /var\(--vscode-charts-red\)/);
    assert.match(html, /var\(--vscode-editor-background\)/);
  });

  it('shows the RAG summary, the timeline with today marked, budgets against caps, dependencies and findings', () => {
    assert.match(html, /<svg class="chart rag-summary"/);
    assert.match(html, /<svg class="chart gantt"[\s\S]*<line class="today"[^>]*\/><text class="today-label"[^>]*>2026-12-01</);
    assert.match(html, /<svg class="chart budget"[\s\S]*Digital customer/);
    assert.match(html, /<svg class="chart dependencies"/);
    assert.match(html, /<section id="findings">/);
  });

  it('marks each project with what a click needs to open its charter', () => {
    const uri = fileUri(path.join(EXAMPLES, 'projects', 'fin-erp-upgrade.charter.yaml'));
    assert.ok(html.includes(`data-project="fin-erp-upgrade" data-uri="${uri}" data-line="2" data-character="4"`));
    assert.match(html, /vscode\.postMessage\(\{ type: 'open'/);
  });

  it('says so when there is no project', () => {
    const empty = buildPortfolio([], { asOf: '2026-12-01' });
    assert.match(dashboardHtml(page({ portfolio: empty, groupBy: 'programme', groups: [] }), { nonce: 'n', cspSource: 's' }), /No project charters/);
  });
});
