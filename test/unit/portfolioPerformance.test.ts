import * as assert from 'node:assert/strict';
import { buildPortfolio, type PortfolioSource } from '../../server/src/engine/portfolio/portfolioModel';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { NOT_ENOUGH_DATA, performanceRollup, projectPerformance } from '../../server/src/engine/portfolio/portfolioPerformance';
import { resolvePolicy } from '../../server/src/engine/rules/policy';
import { service } from '../support/engine';

function inline(relativePath: string, text: string): PortfolioSource {
  const uri = `file:///perf/${relativePath}`;
  service().forget(uri);
  return { file: service().parse(uri, text, 1), relativePath };
}

const project = (id: string, currency: string, extra: string) => `apiVersion: charter/v1
kind: Project
id: ${id}
title: ${id}
status: active
programme: fin
schedule: { start: 2027-01-04, end: 2027-12-17, forecastEnd: 2028-01-14 }
authority: { budgetTolerancePercent: 5, scheduleToleranceDays: 10 }
${extra.replace('CUR', currency)}
`;

const INVOICE = project('invoice', 'EUR', `budget: { currency: CUR, approved: 850000, actualToDate: 310000, actualAsOf: 2027-04-30, forecastAtCompletion: 880000 }
progress: { percentComplete: 30, asOf: 2027-04-30 }
statusReport: { asOf: 2027-04-30, rag: amber, confidence: amber-red, dimensions: { cost: red, schedule: amber, colour: blue } }`);
const LONDON = project('london', 'GBP', 'budget: { currency: CUR, approved: "100000.50", actualToDate: 20000 }');
const PORTFOLIO = 'apiVersion: charter/v1\nkind: Portfolio\nid: g\ntitle: G\npolicy:\n  baseCurrency: EUR\n  fxRates: { asOf: 2027-01-31, GBP: 1.17 }\n';

describe('portfolio performance', () => {
  const policy = resolvePolicy({ baseCurrency: 'EUR', fxRates: { GBP: 1.17 } });

  it('shows the hand-calculated metrics with their text, and the breaches of tolerance', () => {
    const p = projectPerformance(parse(INVOICE), '2027-05-15', policy);
    assert.deepEqual(p.metrics.cpi, { value: 0.82, text: '0.82' });
    assert.deepEqual(p.metrics.spi, { value: 0.89, text: '0.89' });
    assert.deepEqual(p.metrics.forecastVariance, { value: '-30000', text: '-30,000 EUR' });
    assert.deepEqual(p.metrics.costVariance, { value: '-55000', text: '-55,000 EUR' });
    assert.deepEqual(p.metrics.plannedValue, { value: '284149.855908', text: '284,149.86 EUR' });
    assert.deepEqual(p.metrics.scheduleSlipDays, { value: 28, text: '28 days' });
    assert.deepEqual(p.metrics.burnRate, { value: '80172.413793', text: '80,172.41 EUR' });
    assert.equal(p.percentComplete, 30);
    // 880,000 is 3.5% over: within 5%; 28 days is beyond 10.
    assert.deepEqual(p.beyondTolerance, ['the forecast end, 2028-01-14, is 28 days after the planned end 2027-12-17, beyond the 10-day tolerance']);
    assert.deepEqual(p.dimensions, { cost: 'red', schedule: 'amber' });
    assert.equal(p.confidence, 'amber-red');
    assert.equal(p.trend.source, 'current');
  });

  it('says "not enough data", with the reason, where inputs are missing', () => {
    const p = projectPerformance(parse(LONDON), '2027-05-15', policy);
    assert.deepEqual(p.metrics.cpi, { value: null, text: NOT_ENOUGH_DATA, reason: 'there is no percent complete (progress.percentComplete)' });
    assert.equal(p.metrics.forecastVariance.text, NOT_ENOUGH_DATA);
    assert.equal(JSON.stringify(p).includes('NaN'), false);
  });

  it('rolls approved, actual and forecast up in the base currency, exactly', () => {
    const portfolio = buildPortfolio([inline('a.charter.yaml', INVOICE), inline('b.charter.yaml', LONDON), inline('portfolio.yaml', PORTFOLIO)], { asOf: '2027-05-15' });
    // 100,000.50 GBP x 1.17 = 117,000.585 EUR; 20,000 GBP = 23,400 EUR; no forecast: the approved budget.
    assert.deepEqual(portfolio.summary.performance, [{ currency: 'EUR', approved: '967000.585', actual: '333400', forecast: '997000.585', projects: 2 }]);
    const fin = groupPortfolio(portfolio, 'programme').find((g) => g.key === 'fin');
    assert.deepEqual(fin?.rollup.performance, portfolio.summary.performance);
    // Without rates, each currency stays apart; a project that is not live does not count.
    const apart = buildPortfolio([inline('a.charter.yaml', INVOICE), inline('b.charter.yaml', LONDON), inline('c.charter.yaml', LONDON.replace('id: london', 'id: gone').replace('status: active', 'status: closed'))], { asOf: '2027-05-15' });
    assert.deepEqual(apart.summary.performance?.map((r) => [r.currency, r.approved, r.projects]), [['EUR', '850000', 1], ['GBP', '100000.50', 1]]);
  });

  it('takes the trend from git history when the charter keeps none, and from statusReports when it does', () => {
    const old = INVOICE.replace('asOf: 2027-04-30, rag: amber', 'asOf: 2027-03-31, rag: green').replace('forecastEnd: 2028-01-14', 'forecastEnd: 2027-12-17');
    const viaGit = buildPortfolio([inline('a.charter.yaml', INVOICE)], { asOf: '2027-05-15', history: { 'a.charter.yaml': [INVOICE, old] } });
    assert.deepEqual(viaGit.projects[0].performance?.trend.phrases, ['Amber for 15 days', 'green -> amber since last report', 'forecast end moved once']);
    assert.equal(viaGit.projects[0].performance?.trend.source, 'git');
    const kept = INVOICE + 'statusReports:\n  - { asOf: 2027-03-31, rag: red }\n';
    const viaList = buildPortfolio([inline('a.charter.yaml', kept)], { asOf: '2027-05-15', history: { 'a.charter.yaml': [old] } });
    assert.equal(viaList.projects[0].performance?.trend.source, 'statusReports');
    assert.deepEqual(viaList.projects[0].performance?.trend.phrases.slice(0, 2), ['Amber for 15 days', 'red -> amber since last report']);
  });

  it('rolls up nothing for projects without performance', () => {
    assert.deepEqual(performanceRollup([{ live: true }]), []);
  });
});

function parse(text: string): unknown {
  return inline('x.charter.yaml', text).file.documents[0].value;
}
