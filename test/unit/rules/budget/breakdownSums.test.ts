import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'budget/breakdown-sums';

describe('budget/breakdown-sums', () => {
  it('fires on the approved amount when the breakdown adds up to less', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('amount: 350000', 'amount: 335000'));
    assert.deepEqual(underlined, ['850000']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(
      findings[0].message,
      'The budget breakdown adds up to 835,000 EUR, but the approved budget is 850,000 EUR (15,000 EUR is not broken down). Make the breakdown and the approved amount agree.',
    );
  });

  it('fires when the breakdown is over', async () => {
    const { findings } = await check(RULE, PROJECT.replace('amount: 350000', 'amount: 350001'));
    assert.match(findings[0].message, /\(the breakdown is 1 EUR over\)/);
  });

  it('adds decimal strings exactly, cent by cent (boundary)', async () => {
    const text = PROJECT.replace('approved: 850000', 'approved: "850000.30"').replace('amount: 500000', 'amount: "500000.10"').replace('amount: 350000', 'amount: "350000.20"');
    assert.deepEqual((await check(RULE, text)).findings, []);
    const off = await check(RULE, text.replace('"350000.20"', '"350000.19"'));
    assert.match(off.findings[0].message, /adds up to 850,000.29 EUR, but the approved budget is 850,000.30 EUR \(0.01 EUR is not broken down\)/);
  });

  it('is quiet without a breakdown, with an unreadable amount, or with a line in another currency', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace(/ {2}breakdown:\n( {4}- .*\n)*/, ''))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('amount: 350000', 'amount: lots'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('amount: 350000', 'amount: 1, currency: USD'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('  approved: 850000\n', ''))).findings, []);
  });

  it('can be made a warning with charter.rules', async () => {
    const { findings } = await check(RULE, PROJECT.replace('amount: 350000', 'amount: 1'), { settings: { rules: { 'budget/*': 'warning' } } });
    assert.equal(findings[0].severity, 'warning');
  });
});
