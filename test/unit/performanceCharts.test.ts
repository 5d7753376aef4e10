import * as assert from 'node:assert/strict';
import { capacityByMonth, capacityHeatMap, cpiSpiScatterSvg, monthsFrom, moneyDisplay, performanceSection, placeLabels, programmeMoneySvg, ragTrendSvg, strategicAlignmentTable } from '../../server/src/engine/portfolio/performanceCharts';
import { buildPortfolio, type PortfolioSource } from '../../server/src/engine/portfolio/portfolioModel';
import { portfolioPageBody } from '../../server/src/engine/portfolio/portfolioPage';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { service } from '../support/engine';

function inline(relativePath: string, text: string): PortfolioSource {
  const uri = `file:///charts/${relativePath}`;
  service().forget(uri);
  return { file: service().parse(uri, text, 1), relativePath };
}

const INVOICE = `apiVersion: charter/v1
kind: Project
id: invoice
title: Invoice <automation>
status: active
programme: fin
schedule: { start: 2027-01-04, end: 2027-12-17 }
budget: { currency: EUR, approved: 850000, actualToDate: 310000, actualAsOf: 2027-04-30, forecastAtCompletion: 880000 }
progress: { percentComplete: 30, asOf: 2027-04-30 }
objectives: [{ id: o1, statement: s, strategicObjective: so-cost }]
allocations:
  - { person: raj, percent: 60, from: 2027-05-01, to: 2027-06-30 }
statusReport: { asOf: 2027-04-30, rag: amber }
statusReports: [{ asOf: 2027-03-31, rag: green }]
`;
const LEDGER = `apiVersion: charter/v1
kind: Project
id: ledger
title: Ledger
status: active
programme: fin
schedule: { start: 2027-02-01, end: 2027-08-31 }
budget: { currency: EUR, approved: 100000 }
allocations:
  - { person: raj, percent: 50, from: 2027-06-01, to: 2027-07-31 }
  - { person: li, percent: 20 }
`;
const PEOPLE = 'apiVersion: charter/v1\nkind: People\npeople:\n  - { id: raj, name: Raj <Patel>, capacityPercent: 100 }\n  - { id: li, name: Li, capacityPercent: 80 }\n';
const PORTFOLIO = 'apiVersion: charter/v1\nkind: Portfolio\nid: g\ntitle: G\nobjectives:\n  - { id: so-cost, title: Cut cost }\n  - { id: so-growth, title: Grow }\n';

const portfolio = buildPortfolio(
  [inline('projects/invoice.charter.yaml', INVOICE), inline('projects/ledger.charter.yaml', LEDGER), inline('people.yaml', PEOPLE), inline('portfolio.yaml', PORTFOLIO)],
  { asOf: '2027-05-15' },
);

describe('performance charts', () => {
  it('plots CPI against SPI for live projects, and lists those without enough data', () => {
    const svg = cpiSpiScatterSvg(portfolio);
    // CPI 0.82 (255,000 / 310,000), SPI 0.89 (255,000 / 284,149.86): bottom-left quadrant.
    assert.match(svg, /<title>Invoice &lt;automation&gt; \(invoice\): CPI 0\.82, SPI 0\.89<\/title>/);
    assert.match(svg, /behind, over cost/);
    assert.match(svg, /Not enough data \(no percent complete, actuals or plan\) for: ledger\./);
    // x = 40 + (0.89 - 0.5) x 320 = 164.8; y = 40 + (1 - 0.32) x 320 = 257.6
    assert.match(svg, /cx="164\.8" cy="257\.6"/);
  });

  it('keeps the labels of projects with close CPI and SPI apart, with a leader line to the moved one', () => {
    const twin = (id: string, actual: number) => inline(`projects/${id}.charter.yaml`, INVOICE.replace('id: invoice', `id: ${id}`).replace('actualToDate: 310000', `actualToDate: ${actual}`));
    // CPI 255,000 / 310,000 = 0.82 and 255,000 / 311,000 = 0.81: dots 3.2 px apart, labels would overlap.
    const close = buildPortfolio([twin('twin-a', 310000), twin('twin-b', 311000)], { asOf: '2027-05-15' });
    const svg = cpiSpiScatterSvg(close);
    const baselines = [...svg.matchAll(/<text class="node-label" x="[\d.]+" y="([\d.]+)">twin-[ab]<\/text>/g)].map((m) => Number(m[1]));
    assert.equal(baselines.length, 2);
    assert.ok(Math.abs(baselines[0] - baselines[1]) >= 13, `labels at ${baselines.join(' and ')} overlap`);
    assert.equal((svg.match(/<line class="leader"/g) ?? []).length, 1);
    // Labels far apart stay beside their dots; one with no room within reach stays put.
    assert.deepEqual(placeLabels([{ x: 100, y: 100, text: 'a' }, { x: 100, y: 200, text: 'b' }]), [104, 204]);
    const crowd = placeLabels(Array.from({ length: 9 }, () => ({ x: 50, y: 100, text: 'same' })));
    assert.deepEqual(crowd, [104, 117, 91, 130, 78, 143, 65, 104, 104]);
  });

  it('draws approved, actual and forecast per programme with exact amounts', () => {
    const svg = programmeMoneySvg(portfolio);
    assert.match(svg, /approved 950,000 EUR/);
    assert.match(svg, /actual 310,000 EUR/);
    // 880,000 forecast + ledger's approved 100,000 (no forecast of its own)
    assert.match(svg, /forecast 980,000 EUR/);
  });

  it('draws RAG over time for projects with history', () => {
    const svg = ragTrendSvg(portfolio);
    assert.match(svg, /<title>2027-03-31: green<\/title>/);
    assert.match(svg, /green -&gt; amber since last report/);
    assert.doesNotMatch(svg, />ledger</);
  });

  it('books people per month and marks the over-booked cells', () => {
    assert.deepEqual(monthsFrom('2027-11-20', 3), ['2027-11', '2027-12', '2028-01']);
    const load = capacityByMonth(portfolio, ['2027-05', '2027-06', '2027-07', '2027-08', '2027-09']);
    // Raj: 60 in May-June (invoice) + 50 in June-July (ledger); Li: 20 over the ledger's schedule to August.
    assert.deepEqual(load.get('raj'), [60, 110, 50, 0, 0]);
    assert.deepEqual(load.get('li'), [20, 20, 20, 20, 0]);
    const html = capacityHeatMap(portfolio);
    assert.match(html, /title="Raj &lt;Patel&gt;, 2027-06: 110% of 100% \(over-booked\)"><strong>110!<\/strong>/);
    assert.equal((html.match(/over-booked/g) ?? []).length, 1);
  });

  it('shows each strategic objective with its live projects and money, and the ones with none', () => {
    const html = strategicAlignmentTable(portfolio);
    assert.match(html, /<code>so-cost<\/code> Cut cost<\/td><td class="num">1<\/td><td>invoice<\/td><td class="num">850,000 EUR<\/td>/);
    assert.match(html, /<code>so-growth<\/code> Grow<\/td><td class="num rag-red-text">0 \(none\)/);
  });

  it('is part of the dashboard and the HTML report, and never renders NaN', () => {
    const body = portfolioPageBody(portfolio, groupPortfolio(portfolio, 'programme'));
    assert.match(body, /<section id="performance"><h2>Performance<\/h2>/);
    assert.equal(performanceSection(portfolio).includes('NaN'), false);
    const empty = buildPortfolio([inline('x.charter.yaml', 'apiVersion: charter/v1\nkind: Project\nid: x\nstatus: active\nbudget: { approved: "lots" }\n')], { asOf: '2027-05-15' });
    const section = performanceSection(empty);
    assert.equal(section.includes('NaN'), false);
    assert.match(section, /No live project has the percent complete and actuals CPI and SPI need/);
    assert.equal(moneyDisplay('-30000.005', 'EUR'), '-30,000.01 EUR');
    assert.equal(moneyDisplay(undefined), '-');
  });
});
