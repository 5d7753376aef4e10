import { strict as assert } from 'node:assert';
import { check, otherProject, PORTFOLIO } from '../harness';

const RULE = 'portfolio/funding-envelope';
const TARGET = { target: 'portfolio.yaml' };
const project = (id: string, approved: number, start = '2027-02-01') =>
  otherProject(id).replace('approved: 200000', `approved: ${approved}`).replace('start: 2027-02-01', `start: ${start}`);

describe('portfolio/funding-envelope', () => {
  it("fires on the envelope's amount when the projects starting that year add up to more", async () => {
    const files = { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 2000000), 'b.charter.yaml': project('b', 1500000) };
    const { findings, underlined } = await check(RULE, files, TARGET);
    assert.deepEqual(underlined, ['3000000']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, 'The 2 projects starting in fiscal year 2027 add up to 3,500,000 EUR, 500,000 EUR above the envelope of 3,000,000 EUR. Raise the envelope, or move or shrink a project.');
    assert.deepEqual(findings[0].related!.map((r) => r.message), ['a: 2,000,000 EUR, starting 2027-02-01', 'b: 1,500,000 EUR, starting 2027-02-01']);
  });

  it('accepts exactly the envelope (boundary), and counts a project in the year its schedule starts', async () => {
    assert.deepEqual((await check(RULE, { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 3000000) }, TARGET)).findings, []);
    const spread = { 'portfolio.yaml': PORTFOLIO.replace('amount: 3000000 }', 'amount: 3000000 }\n  - { fiscalYear: 2028, currency: EUR, amount: 3000000 }'), 'a.charter.yaml': project('a', 2000000), 'b.charter.yaml': project('b', 2000000, '2028-01-03') };
    assert.deepEqual((await check(RULE, spread, TARGET)).findings, []);
  });

  it('follows the fiscal year start month of the policy (charter.policy overrides it)', async () => {
    const files = { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 2000000, '2027-05-03'), 'b.charter.yaml': project('b', 1500000, '2028-03-01') };
    assert.deepEqual((await check(RULE, files, TARGET)).findings, []);
    // With fiscal years starting in April, March 2028 belongs to fiscal year 2027.
    assert.equal((await check(RULE, files, { ...TARGET, settings: { policy: { fiscalYearStartMonth: 4 } } })).findings.length, 1);
  });

  it('on a project: fires on the start date when its fiscal year has no envelope', async () => {
    const files = { 'a.charter.yaml': project('a', 100, '2029-05-01'), 'portfolio.yaml': PORTFOLIO };
    const { findings, underlined } = await check(RULE, files);
    assert.deepEqual(underlined, ['2029-05-01']);
    assert.equal(findings[0].message, "This project starts in fiscal year 2029, for which the portfolio has no funding envelope. Add one to the portfolio's funding, or check the start date.");
    const usd = await check(RULE, { 'a.charter.yaml': project('a', 100).replace('currency: EUR', 'currency: USD'), 'portfolio.yaml': PORTFOLIO });
    assert.match(usd.findings[0].message, /is in USD, but the funding envelope for fiscal year 2027 is in EUR/);
  });

  it('is quiet without funding, for cancelled projects, and without a start or budget', async () => {
    const noFunding = PORTFOLIO.replace(/funding:\n  - .*\n/, 'funding: []\n');
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': project('a', 100, '2029-05-01'), 'portfolio.yaml': noFunding })).findings, []);
    assert.deepEqual((await check(RULE, { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 5000000).replace('status: active', 'status: cancelled') }, TARGET)).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': project('a', 100, '2020-05-01').replace('status: active', 'status: closed'), 'portfolio.yaml': PORTFOLIO })).findings, []);
    assert.deepEqual((await check(RULE, { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 5000000).replace('  start: 2027-02-01\n', '') }, TARGET)).findings, []);
  });

  it('honours charter.rules', async () => {
    const files = { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 5000000) };
    assert.equal((await check(RULE, files, { ...TARGET, settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
  });
});
