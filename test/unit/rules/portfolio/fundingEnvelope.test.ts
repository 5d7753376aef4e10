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
    assert.equal(findings[0].message, 'The 2 committed projects drawing on fiscal year 2027 add up to 3,500,000 EUR, 500,000 EUR above the envelope of 3,000,000 EUR. Raise the envelope, or move or shrink a project.');
    assert.deepEqual(findings[0].related!.map((r) => r.message), ['a: 2,000,000 EUR in fiscal year 2027', 'b: 1,500,000 EUR in fiscal year 2027']);
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
    assert.equal(findings[0].message, "This project draws on fiscal year 2029, for which the portfolio has no funding envelope. Add one to the portfolio's funding, or check the start date and budget.phasing.");
    const usd = await check(RULE, { 'a.charter.yaml': project('a', 100).replace('currency: EUR', 'currency: USD'), 'portfolio.yaml': PORTFOLIO });
    assert.match(usd.findings[0].message, /is in USD, but the funding envelope for fiscal year 2027 is in EUR/);
  });

  it('is quiet without funding, for cancelled projects, and without a start or budget', async () => {
    const noFunding = PORTFOLIO.replace(/funding:\n {2}- .*\n/, 'funding: []\n');
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': project('a', 100, '2029-05-01'), 'portfolio.yaml': noFunding })).findings, []);
    assert.deepEqual((await check(RULE, { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 5000000).replace('status: active', 'status: cancelled') }, TARGET)).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': project('a', 100, '2020-05-01').replace('status: active', 'status: closed'), 'portfolio.yaml': PORTFOLIO })).findings, []);
    assert.deepEqual((await check(RULE, { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 5000000).replace('  start: 2027-02-01\n', '') }, TARGET)).findings, []);
  });

  it('counts only committed budgets: a proposal does not draw on an envelope', async () => {
    const files = { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 2000000), 'b.charter.yaml': project('b', 1500000).replace('status: active', 'status: proposed') };
    assert.deepEqual((await check(RULE, files, TARGET)).findings, []);
    assert.equal((await check(RULE, { ...files, 'b.charter.yaml': project('b', 1500000).replace('status: active', 'status: approved') }, TARGET)).findings.length, 1);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': project('a', 100, '2029-05-01').replace('status: active', 'status: proposed'), 'portfolio.yaml': PORTFOLIO })).findings, []);
  });

  it('spreads a phased multi-year budget over the fiscal years it names', async () => {
    const phased = (id: string) =>
      project(id, 3000000).replace('  contingency: 20000\n', '  contingency: 20000\n  phasing:\n    - { fiscalYear: 2027, amount: 1000000 }\n    - { fiscalYear: 2028, amount: 2000000 }\n');
    const twoYears = PORTFOLIO.replace('amount: 3000000 }', 'amount: 3000000 }\n  - { fiscalYear: 2028, currency: EUR, amount: 2500000 }');
    // 2027: 1,000,000 + 2,000,000 = 3,000,000 (exactly the envelope); 2028: 2,000,000 of 2,500,000.
    assert.deepEqual((await check(RULE, { 'portfolio.yaml': twoYears, 'a.charter.yaml': phased('a'), 'b.charter.yaml': project('b', 2000000) }, TARGET)).findings, []);
    // Without phasing, all 3,000,000 would have counted in 2027.
    assert.equal((await check(RULE, { 'portfolio.yaml': twoYears, 'a.charter.yaml': project('a', 3000000), 'b.charter.yaml': project('b', 2000000) }, TARGET)).findings.length, 1);
    const over = await check(RULE, { 'portfolio.yaml': twoYears, 'a.charter.yaml': phased('a'), 'b.charter.yaml': project('b', 600000, '2028-02-01') }, TARGET);
    assert.deepEqual(over.underlined, ['2500000']);
    // A year the phasing names without an envelope is flagged on the project.
    const onlyOne = await check(RULE, { 'a.charter.yaml': phased('a'), 'portfolio.yaml': PORTFOLIO });
    assert.match(onlyOne.findings[0].message, /draws on fiscal year 2028, for which the portfolio has no funding envelope/);
  });

  it('names fiscal years by their end year when the policy says so (US federal)', async () => {
    const october = { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 2000000, '2026-10-01'), 'b.charter.yaml': project('b', 1500000, '2027-09-30') };
    const federal = { policy: { fiscalYearStartMonth: 10, fiscalYearNaming: 'end' } };
    // October 2026 to September 2027 is FY 2027: both count against the 2027 envelope.
    assert.equal((await check(RULE, october, { ...TARGET, settings: federal })).findings.length, 1);
    // Named by its start, the same year is FY 2026, which has no envelope here.
    assert.deepEqual((await check(RULE, october, { ...TARGET, settings: { policy: { fiscalYearStartMonth: 10, fiscalYearNaming: 'start' } } })).findings, []);
  });

  it('compares across currencies in the base currency, and names what cannot be converted', async () => {
    const fx = { policy: { baseCurrency: 'EUR', fxRates: { asOf: '2027-01-31', GBP: 1.17, JPY: 0.0062 } } };
    // 2,000,000 EUR + 400,000,000 JPY (= 2,480,000 EUR) = 4,480,000 EUR > 3,000,000 EUR.
    const files = { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 2000000), 'b.charter.yaml': project('b', 400000000).replace('currency: EUR', 'currency: JPY') };
    const { findings } = await check(RULE, files, { ...TARGET, settings: fx });
    assert.match(findings[0].message, /add up to 4,480,000 EUR, 1,480,000 EUR above the envelope of 3,000,000 EUR/);
    assert.ok(findings[0].related!.some((r) => r.message === 'b: 400,000,000 JPY = 2,480,000 EUR at 0.0062 as of 2027-01-31 in fiscal year 2027'));
    // The JPY project itself fits an envelope it can be converted into.
    assert.deepEqual((await check(RULE, files, { target: 'b.charter.yaml', settings: fx })).findings, []);
  });

  it('honours charter.rules', async () => {
    const files = { 'portfolio.yaml': PORTFOLIO, 'a.charter.yaml': project('a', 5000000) };
    assert.equal((await check(RULE, files, { ...TARGET, settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
  });
});
