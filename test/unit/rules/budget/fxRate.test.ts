import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'budget/fx-rate';
const FX = { settings: { policy: { baseCurrency: 'EUR', fxRates: { asOf: '2027-01-31', GBP: 1.17 } } } };

describe('budget/fx-rate', () => {
  it('fires on a budget currency without a rate to the base currency', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('currency: EUR', 'currency: JPY'), FX);
    assert.deepEqual(underlined, ['JPY']);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /^JPY has no exchange rate to EUR in policy\.fxRates/);
  });

  it('is quiet for the base currency, a currency with a rate, and without a base currency', async () => {
    assert.deepEqual((await check(RULE, PROJECT, FX)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('currency: EUR', 'currency: GBP'), FX)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('currency: EUR', 'currency: JPY'))).findings, []);
  });

  it("checks a portfolio's envelopes", async () => {
    const portfolio = 'apiVersion: charter/v1\nkind: Portfolio\nid: p\ntitle: P\nfunding:\n  - { fiscalYear: 2027, currency: USD, amount: 100 }\npolicy:\n  baseCurrency: EUR\n';
    assert.deepEqual((await check(RULE, { 'portfolio.yaml': portfolio })).underlined, ['USD']);
  });
});
