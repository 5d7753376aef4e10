import { strict as assert } from 'node:assert';
import { contextFor, optionProblem, run } from './helpers';

const POLICY = { baseCurrency: 'EUR', fxRates: { GBP: 1.17, USD: '0.92' } };

describe('rulesets: money and sum-equals', () => {
  it('compares in the amount\'s own currency, exactly', () => {
    const root = { budget: { currency: 'EUR', approved: 2000000 } };
    const ctx = contextFor(root, ['budget', 'approved']);
    assert.equal(run('money', 2000000, { above: 2000000 }, ctx), 'the amount 2,000,000 EUR is not above 2,000,000 EUR');
    assert.equal(run('money', 2000000, { atMost: 2000000 }, ctx), undefined);
    assert.equal(run('money', '2000000.01', { above: '2000000' }, ctx), undefined);
  });

  it('converts both sides to the base currency through the policy\'s rates', () => {
    const root = { budget: { currency: 'GBP', approved: 1800000 } };
    const ctx = contextFor(root, ['budget', 'approved'], { policy: POLICY });
    // 1,800,000 GBP x 1.17 = 2,106,000 EUR
    assert.equal(run('money', 1800000, { above: 2000000, currency: 'EUR' }, ctx), undefined);
    assert.equal(run('money', 1800000, { atMost: 2000000, currency: 'EUR' }, ctx), 'the amount 1,800,000 GBP is not at most 2,000,000 EUR (2,106,000 EUR against 2,000,000 EUR)');
    // USD limit: 2,500,000 USD x 0.92 = 2,300,000 EUR
    assert.equal(run('money', 1800000, { below: 2500000, currency: 'USD' }, ctx), undefined);
  });

  it('says when it cannot convert, instead of guessing', () => {
    const ctx = contextFor({ budget: { currency: 'JPY', approved: 1 } }, ['budget', 'approved'], { policy: POLICY });
    assert.match(run('money', 1, { above: 0, currency: 'EUR' }, ctx)!, /no exchange rate from JPY to EUR \(policy\.fxRates\.JPY\)/);
    const noBase = contextFor({ budget: { currency: 'GBP', approved: 1 } }, ['budget', 'approved'], { policy: {} });
    assert.match(run('money', 1, { above: 0, currency: 'EUR' }, noBase)!, /no baseCurrency/);
  });

  it('reads the currency from currencyPath when it is not beside the amount', () => {
    const root = { currency: 'GBP', spend: { total: 100 } };
    const ctx = contextFor(root, ['spend', 'total'], { policy: POLICY });
    assert.equal(run('money', 100, { above: 116, currency: 'EUR', currencyPath: '$.currency' }, ctx), undefined);
    assert.match(run('money', 100, { above: 118, currency: 'EUR', currencyPath: '$.currency' }, ctx)!, /not above/);
  });

  it('refuses limits that are not amounts and floats as limits', () => {
    assert.match(optionProblem('money', { above: 'lots' })!, /amount/);
    assert.match(optionProblem('money', { currency: 'euro', above: 1 })!, /ISO 4217/);
    assert.match(optionProblem('money', {})!, /give one of/);
  });

  it('sum-equals: item amounts add up to an amount or a path', () => {
    const root = { budget: { approved: 100, breakdown: [{ amount: 60 }, { amount: '40.00' }] } };
    const ctx = contextFor(root, ['budget', 'breakdown']);
    assert.equal(run('sum-equals', root.budget.breakdown, { field: 'amount', equals: '$.budget.approved' }, ctx), undefined);
    assert.equal(run('sum-equals', [{ amount: 60 }], { field: 'amount', equals: '$.budget.approved' }, ctx), 'the amounts add up to 60, not 100');
    assert.equal(run('sum-equals', [{ amount: 60 }], { field: 'amount', equals: 60 }, ctx), undefined);
    assert.equal(run('sum-equals', [{ cost: 60 }], { field: 'amount', equals: 60 }, ctx), 'an item has no amount in "amount"');
    assert.match(optionProblem('sum-equals', { field: 'amount', equals: 'x' })!, /equals/);
  });
});
