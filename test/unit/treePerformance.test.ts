import * as assert from 'node:assert/strict';
import { buildTree, decimal, allNodes } from '../../client/src/portfolio/treeItems';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { buildPortfolio } from '../../server/src/engine/portfolio/portfolioModel';
import type { PortfolioResult } from '../../server/src/protocol';
import { service } from '../support/engine';

const INVOICE = `apiVersion: charter/v1
kind: Project
id: invoice
title: Invoice
status: active
programme: fin
authority: { budgetTolerancePercent: 5 }
schedule: { start: 2027-01-04, end: 2027-12-17, forecastEnd: 2027-12-31 }
budget: { currency: GBP, approved: "100000.50", actualToDate: 20000, actualAsOf: 2027-04-30, forecastAtCompletion: 110000 }
progress: { percentComplete: 30, asOf: 2027-04-30 }
statusReport: { asOf: 2027-04-30, rag: red, confidence: amber-red }
statusReports: [{ asOf: 2027-03-31, rag: amber }]
`;
const PORTFOLIO = 'apiVersion: charter/v1\nkind: Portfolio\nid: g\ntitle: G\npolicy:\n  baseCurrency: EUR\n  fxRates: { GBP: 1.17 }\n';

function tree() {
  const sources = [
    ['invoice.charter.yaml', INVOICE],
    ['portfolio.yaml', PORTFOLIO],
  ].map(([relativePath, text]) => {
    const uri = `file:///tree-perf/${relativePath}`;
    service().forget(uri);
    return { file: service().parse(uri, text, 1), relativePath };
  });
  const portfolio = buildPortfolio(sources, { asOf: '2027-05-15' });
  const result: PortfolioResult = { portfolio, groupBy: 'programme', groups: groupPortfolio(portfolio, 'programme') } as PortfolioResult;
  return buildTree(result);
}

describe('tree: performance', () => {
  it('shows the metrics and the trend in the project tooltip, and an arrow for a worsening RAG', () => {
    const project = allNodes(tree()).find((n) => n.kind === 'project')!;
    assert.equal(project.label, 'Invoice ↓');
    const tip = project.tooltip ?? '';
    assert.match(tip, /- Actual to date: 20,000 GBP \(as of 2027-04-30\)/);
    assert.match(tip, /- Forecast at completion: 110,000 GBP/);
    // EV = 30% x 100,000.50 = 30,000.15; CPI = 30,000.15 / 20,000 = 1.50
    assert.match(tip, /- CPI 1\.50 · SPI /);
    assert.match(tip, /- Forecast variance: -9,999\.50 GBP · schedule slip: 14 days/);
    assert.match(tip, /\*\*Beyond tolerance\*\*: the forecast at completion, 110,000 GBP, is 9,999\.50 GBP \(10%\) over/);
    assert.match(tip, /- Trend: Red for 15 days; amber -&gt; red since last report/);
  });

  it('rolls the programme up in the base currency', () => {
    const group = tree()[0];
    // 100,000.50 x 1.17 = 117,000.585; 20,000 x 1.17 = 23,400; 110,000 x 1.17 = 128,700
    assert.match(group.tooltip ?? '', /Live: approved 117,000\.59, actual 23,400, forecast 128,700 EUR/);
  });

  it('rounds decimal money to the cent exactly', () => {
    assert.equal(decimal('1234567.5'), '1,234,567.50');
    assert.equal(decimal('0.995'), '1');
    assert.equal(decimal('-9999.5'), '-9,999.50');
    assert.equal(decimal('-0.001'), '0');
    assert.equal(decimal('NaN'), '-');
  });
});
