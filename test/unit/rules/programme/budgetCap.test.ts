import { strict as assert } from 'node:assert';
import { check, otherProject, PROGRAMME, PROJECT, ROOT } from '../harness';

const RULE = 'programme/budget-cap';
const TARGET = { target: 'finance.programme.yaml' };
const project = (id: string, approved: number, extra = '') => otherProject(id).replace('approved: 200000', `approved: ${approved}`) + extra;

describe('programme/budget-cap', () => {
  it("fires on the programme's cap when its projects add up to more, listing them", async () => {
    const files = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000) };
    const { findings, underlined } = await check(RULE, files, TARGET);
    assert.deepEqual(underlined, ['2000000']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(
      findings[0].message,
      "The 2 projects of finance add up to 2,050,000 EUR, 50,000 EUR above its cap of 2,000,000 EUR. Raise the cap, or bring a project's budget down.",
    );
    assert.deepEqual(
      findings[0].related!.map((r) => [r.uri, r.message]),
      [
        [`${ROOT}a.charter.yaml`, 'fin-invoice: 850,000 EUR'],
        [`${ROOT}b.charter.yaml`, 'b: 1,200,000 EUR'],
      ],
    );
  });

  it('accepts projects adding up to exactly the cap (boundary)', async () => {
    const files = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1150000) };
    assert.deepEqual((await check(RULE, files, TARGET)).findings, []);
  });

  it('leaves out cancelled projects and those of other programmes; says when currencies differ', async () => {
    const cancelled = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000).replace('status: active', 'status: cancelled') };
    assert.deepEqual((await check(RULE, cancelled, TARGET)).findings, []);
    const elsewhere = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000).replace('programme: finance', 'programme: other') };
    assert.deepEqual((await check(RULE, elsewhere, TARGET)).findings, []);
    const usd = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000), 'c.charter.yaml': project('c', 5).replace('currency: EUR', 'currency: USD') };
    assert.match((await check(RULE, usd, TARGET)).findings[0].message, /\(1 in other currencies not counted: set policy.baseCurrency and policy.fxRates to count them\.\)/);
  });

  it('counts a project in another currency in the base currency, showing both amounts', async () => {
    const fx = { settings: { policy: { baseCurrency: 'EUR', fxRates: { asOf: '2027-01-31', GBP: 1.17, JPY: '0.0062' } } } };
    // 850,000 EUR + 1,000,000 GBP (= 1,170,000 EUR) = 2,020,000 EUR, above the 2,000,000 EUR cap.
    const gbp = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1000000).replace('currency: EUR', 'currency: GBP') };
    const { findings } = await check(RULE, gbp, { ...TARGET, ...fx });
    assert.equal(findings[0].message, "The 2 projects of finance add up to 2,020,000 EUR, 20,000 EUR above its cap of 2,000,000 EUR. Raise the cap, or bring a project's budget down.");
    assert.deepEqual(findings[0].related!.map((r) => r.message), ['fin-invoice: 850,000 EUR', 'b: 1,000,000 GBP = 1,170,000 EUR at 1.17 as of 2027-01-31']);
    // Boundary: 982,905.98 GBP is 1,149,999.9966 EUR, still under the remaining 1,150,000.
    const under = { ...gbp, 'b.charter.yaml': project('b', 1000000).replace('currency: EUR', 'currency: GBP').replace('approved: 1000000', 'approved: "982905.98"') };
    assert.deepEqual((await check(RULE, under, { ...TARGET, ...fx })).findings, []);
    // Without a rate the project is not silently dropped: the message names it, and budget/fx-rate flags its currency.
    const chf = { ...gbp, 'b.charter.yaml': project('b', 1200000), 'c.charter.yaml': project('c', 5).replace('currency: EUR', 'currency: CHF') };
    assert.match((await check(RULE, chf, { ...TARGET, ...fx })).findings[0].message, /\(1 cannot be converted to EUR: see budget\/fx-rate\.\)/);
    assert.deepEqual((await check('budget/fx-rate', chf, { target: 'c.charter.yaml', ...fx })).underlined, ['CHF']);
  });

  it('is quiet without a cap or without member projects', async () => {
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': PROGRAMME.replace('  cap: 2000000\n', ''), 'b.charter.yaml': project('b', 9000000) }, TARGET)).findings, []);
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': PROGRAMME }, TARGET)).findings, []);
  });

  it('honours charter.rules', async () => {
    const files = { 'finance.programme.yaml': PROGRAMME, 'b.charter.yaml': project('b', 3000000) };
    assert.equal((await check(RULE, files, { ...TARGET, settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
  });
});
