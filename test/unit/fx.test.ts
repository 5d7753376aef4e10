import { strict as assert } from 'node:assert';
import { canCompare, comparisonCurrency, describeAmount, formatRate, inCurrency, parseRate, toBaseCurrency } from '../../server/src/engine/rules/fx';
import { parseMoney } from '../../server/src/engine/rules/money';
import { fiscalYearOf, resolvePolicy } from '../../server/src/engine/rules/policy';

const policy = resolvePolicy({ baseCurrency: 'EUR', fxRates: { asOf: '2027-01-31', GBP: 1.17, JPY: 0.0062, USD: '0.923456789012' } });
const m = (v: string | number) => parseMoney(v)!;

describe('fx: money in a base currency', () => {
  it('converts exactly, on scaled integers: no floating-point error', () => {
    const jpy = toBaseCurrency(m(30000000), 'JPY', policy);
    assert.deepEqual(jpy, { ok: true, amount: m(186000), currency: 'EUR', rate: parseRate(0.0062) });
    const gbp = toBaseCurrency(m('0.10'), 'GBP', policy);
    assert.ok(gbp.ok && gbp.amount === m('0.117'));
    // 12 decimals of a rate are kept: 1,000,000 USD x 0.923456789012 = 923,456.789012 EUR, to the millionth.
    const usd = toBaseCurrency(m(1000000), 'USD', policy);
    assert.ok(usd.ok && usd.amount === m('923456.789012'));
    // Rounded half up at the millionth: 1 USD x 0.923456789012 = 0.923456|789012 -> 0.923457.
    const one = toBaseCurrency(m(1), 'USD', policy);
    assert.ok(one.ok && one.amount === m('0.923457'));
  });

  it('leaves the base currency alone, and every currency alone without a base', () => {
    assert.deepEqual(toBaseCurrency(m(5), 'EUR', policy), { ok: true, amount: m(5), currency: 'EUR' });
    assert.deepEqual(toBaseCurrency(m(5), 'JPY', resolvePolicy()), { ok: true, amount: m(5), currency: 'JPY' });
  });

  it('says why it cannot convert: no rate, no currency', () => {
    assert.deepEqual(toBaseCurrency(m(5), 'CHF', policy), { ok: false, reason: 'the policy has no exchange rate from CHF to EUR (policy.fxRates.CHF)' });
    assert.deepEqual(toBaseCurrency(m(5), undefined, policy), { ok: false, reason: 'the budget names no currency' });
  });

  it('reads rates as exact decimals and refuses what it cannot read exactly', () => {
    assert.equal(formatRate(parseRate('1.17')!), '1.17');
    assert.equal(formatRate(parseRate(2)!), '2');
    for (const bad of [0, -1, '1e-7', '0.0000000000001', 'abc', null]) assert.equal(parseRate(bad), undefined, String(bad));
    // A policy ignores rates it cannot read and keys that are not currency codes.
    assert.deepEqual(Object.keys(resolvePolicy({ fxRates: { GBP: 'x', usd: 1, CHF: 1.05 } }).fxRates), ['CHF']);
  });

  it('shows both amounts in messages', () => {
    assert.equal(describeAmount(m(30000000), 'JPY', policy), '30,000,000 JPY = 186,000 EUR at 0.0062 as of 2027-01-31');
    assert.equal(describeAmount(m(5), 'EUR', policy), '5 EUR');
  });

  it('compares like with like, else in the base currency', () => {
    assert.equal(comparisonCurrency(['GBP', 'GBP'], policy), 'GBP');
    assert.equal(comparisonCurrency(['GBP', 'JPY'], policy), 'EUR');
    assert.equal(comparisonCurrency(['GBP', 'JPY'], resolvePolicy()), undefined);
    assert.equal(inCurrency(m(100), 'GBP', 'EUR', policy), m(117));
    assert.equal(inCurrency(m(100), 'GBP', 'GBP', policy), m(100));
    assert.equal(inCurrency(m(100), 'GBP', 'JPY', policy), undefined, 'only ever into the base currency');
    assert.equal(inCurrency(m(100), 'CHF', 'EUR', policy), undefined);
    assert.ok(canCompare('GBP', 'JPY', policy));
    assert.ok(!canCompare('GBP', 'CHF', policy));
    assert.ok(!canCompare('GBP', 'EUR', resolvePolicy()));
  });
});

describe('fiscal years', () => {
  it('names a fiscal year by the calendar year it starts in (default)', () => {
    assert.equal(fiscalYearOf('2027-03-31', 4), 2026);
    assert.equal(fiscalYearOf('2027-04-01', 4), 2027);
    assert.equal(fiscalYearOf('2027-06-30', 1), 2027);
  });

  it('or by the year it ends in (US federal: October 2026 to September 2027 is FY 2027)', () => {
    assert.equal(fiscalYearOf('2026-09-30', 10, 'end'), 2026);
    assert.equal(fiscalYearOf('2026-10-01', 10, 'end'), 2027);
    assert.equal(fiscalYearOf('2027-09-30', 10, 'end'), 2027);
    // A calendar fiscal year starts and ends in the same year: both namings agree.
    assert.equal(fiscalYearOf('2027-06-30', 1, 'end'), 2027);
  });
});
