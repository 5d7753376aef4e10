import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'budget/single-currency';

describe('budget/single-currency', () => {
  it("fires on a budget line's currency that is not the budget's", async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('amount: 350000 }', 'amount: 350000, currency: USD }'));
    assert.deepEqual(underlined, ['USD']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, 'This budget line is in USD, but the budget is in EUR. Keep one currency per budget: convert the amount to EUR.');
  });

  it("is quiet when lines repeat the budget's currency, or give none", async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('amount: 350000 }', 'amount: 350000, currency: EUR }'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
  });

  it('is quiet when the budget has no currency (the schema asks for one)', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('  currency: EUR\n', '').replace('amount: 350000 }', 'amount: 350000, currency: USD }'))).findings, []);
  });

  it('reports every foreign line (boundary: several)', async () => {
    const text = PROJECT.replace('amount: 500000 }', 'amount: 500000, currency: GBP }').replace('amount: 350000 }', 'amount: 350000, currency: USD }');
    assert.deepEqual((await check(RULE, text)).underlined, ['GBP', 'USD']);
  });

  it('honours charter.rules', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('amount: 350000 }', 'amount: 350000, currency: USD }'), { settings: { rules: { [RULE]: 'off' } } })).findings, []);
  });
});
