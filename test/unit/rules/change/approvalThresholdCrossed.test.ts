import { strict as assert } from 'node:assert';
import { checkChange, policyPortfolio, PROJECT } from './changeHarness';

const RULE = 'change/approval-threshold-crossed';
const BASE = PROJECT.replace('approved: 850000', 'approved: 200000').replace('contingency: 60000', 'contingency: 20000');
const HEAD = BASE.replace('approved: 200000', 'approved: 300000');
const NEW_APPROVAL = (date: string, decision = 'approved') => HEAD.replace('approvals:\n', `approvals:\n  - { role: sponsor, person: jane.doe, decision: ${decision}, date: ${date} }\n`);

describe('change/approval-threshold-crossed', () => {
  it('fires when the budget crosses a threshold it was below on the base and the only approval is the old one', async () => {
    const { underlined, messages, findings, atBase } = await checkChange(RULE, BASE, HEAD);
    assert.deepEqual(underlined, ['300000']);
    assert.deepEqual(messages, [
      "Approved budget rose 200,000 -> 300,000 EUR, past the 250,000 EUR threshold it was below on main, so it needs a new approval by the sponsor. Add the sponsor's approval of the new amount to approvals, dated after the base's approvals.",
    ]);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(atBase, ['200000']);
  });

  it('is quiet with a new approval dated after the base, not with one dated before it or pending', async () => {
    assert.deepEqual((await checkChange(RULE, BASE, NEW_APPROVAL('2027-05-10'))).findings, []);
    assert.equal((await checkChange(RULE, BASE, NEW_APPROVAL('2026-11-01'))).findings.length, 1);
    assert.equal((await checkChange(RULE, BASE, NEW_APPROVAL('2027-05-10', 'pending'))).findings.length, 1);
  });

  it('is quiet when the budget was above the threshold already, or stays below it, or falls', async () => {
    assert.deepEqual((await checkChange(RULE, PROJECT, PROJECT.replace('approved: 850000', 'approved: 900000'))).findings, []);
    assert.deepEqual((await checkChange(RULE, BASE, BASE.replace('approved: 200000', 'approved: 240000'))).findings, []);
    assert.deepEqual((await checkChange(RULE, HEAD, BASE)).findings, []);
  });

  it('checks every threshold of the policy', async () => {
    const portfolio = policyPortfolio('  approvalThresholds:\n    - { above: 250000, role: sponsor }\n    - { above: 800000, role: steering-committee }\n');
    const { messages } = await checkChange(RULE, PROJECT.replace('approved: 850000', 'approved: 700000'), PROJECT, { portfolio });
    assert.deepEqual(messages.map((m) => m.split(', so ')[0]), ['Approved budget rose 700,000 -> 850,000 EUR, past the 800,000 EUR threshold it was below on main']);
  });

  it("compares in the policy's base currency: a GBP budget crosses a EUR threshold once converted", async () => {
    const portfolio = policyPortfolio('  baseCurrency: EUR\n  fxRates: { asOf: 2027-01-31, GBP: 1.17 }\n');
    const gbp = (text: string) => text.replace('currency: EUR', 'currency: GBP');
    // 200,000 GBP = 234,000 EUR is below 250,000 EUR; 220,000 GBP = 257,400 EUR is above.
    const { messages } = await checkChange(RULE, gbp(BASE), gbp(BASE.replace('approved: 200000', 'approved: 220000')), { portfolio });
    assert.deepEqual(messages.map((m) => m.split(', so ')[0]), [
      'Approved budget rose 200,000 GBP = 234,000 EUR at 1.17 as of 2027-01-31 -> 220,000 GBP = 257,400 EUR at 1.17 as of 2027-01-31, past the 250,000 EUR threshold it was below on main',
    ]);
    // 210,000 GBP = 245,700 EUR stays below.
    assert.deepEqual((await checkChange(RULE, gbp(BASE), gbp(BASE.replace('approved: 200000', 'approved: 210000')), { portfolio })).findings, []);
    // Without a rate, budget/fx-rate speaks, not this rule.
    assert.deepEqual((await checkChange(RULE, gbp(BASE), gbp(HEAD), { portfolio: policyPortfolio('  baseCurrency: EUR\n') })).findings, []);
  });
});
