import { strict as assert } from 'node:assert';
import { checkChange, policyPortfolio, PROJECT } from './changeHarness';

const RULE = 'change/beyond-tolerance';
const RAISED = PROJECT.replace('approved: 850000', 'approved: 1190000').replace('contingency: 60000', 'contingency: 84000').replace('{ category: opex, amount: 350000 }', '{ category: opex, amount: 690000 }');
const SLIPPED = PROJECT.replace('end: 2027-12-17', 'end: 2028-06-17');
const record = (kind: string, decision: string, by = 'jane.doe') => `changes:\n  - { id: cr-1, date: 2027-05-10, summary: Re-plan, kind: ${kind}, decision: ${decision}, decidedBy: ${by} }\n`;

describe('change/beyond-tolerance', () => {
  it('fires on a budget raised beyond the default 10 % tolerance with no approved record, and on nothing else', async () => {
    const { underlined, messages, findings, atBase } = await checkChange(RULE, PROJECT, RAISED);
    assert.deepEqual(underlined, ['1190000']);
    assert.deepEqual(messages, [
      'Approved budget changed 850,000 -> 1,190,000 EUR (+40 %), beyond the 10 % tolerance, and no change record of kind budget is approved by the sponsor (jane.doe). Escalate: record the decision in changes with decision: approved and decidedBy.',
    ]);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(atBase, ['850000']);
    // Reported once: change/unrecorded leaves a change beyond tolerance to this rule.
    assert.deepEqual((await checkChange('change/unrecorded', PROJECT, RAISED)).underlined, ['84000']);
  });

  it('fires on an end date slipped beyond the tolerance, with the day count', async () => {
    const { underlined, messages } = await checkChange(RULE, PROJECT, SLIPPED);
    assert.deepEqual(underlined, ['2028-06-17']);
    assert.match(messages[0], /^End date moved 2027-12-17 -> 2028-06-17 \(\+183 days\), beyond the 30-day tolerance/);
  });

  it("is quiet with a record approved by the sponsor, not with one proposed or decided by someone else", async () => {
    assert.deepEqual((await checkChange(RULE, PROJECT, RAISED + record('budget', 'approved'))).findings, []);
    assert.deepEqual((await checkChange('*', PROJECT, SLIPPED + record('[budget, schedule]', 'approved'))).findings, []);
    const proposed = await checkChange(RULE, PROJECT, RAISED + record('budget', 'proposed'));
    assert.match(proposed.messages[0], /the change record of kind budget is not approved by the sponsor \(jane\.doe\)/);
    assert.equal((await checkChange(RULE, PROJECT, RAISED + record('budget', 'approved', 'raj.patel'))).findings.length, 1);
  });

  it("reads the charter's authority tolerances before the policy's, and the policy's approver roles", async () => {
    const wide = (text: string) => text.replace('manager: raj.patel\n', 'manager: raj.patel\nauthority: { budgetTolerancePercent: 50, scheduleToleranceDays: 200 }\n');
    assert.deepEqual((await checkChange(RULE, wide(PROJECT), wide(RAISED))).findings, []);
    assert.deepEqual((await checkChange(RULE, wide(PROJECT), wide(SLIPPED))).findings, []);
    assert.deepEqual((await checkChange('change/unrecorded', wide(PROJECT), wide(SLIPPED))).underlined, ['2028-06-17']);
    const narrow = policyPortfolio('  changeControl: { budgetTolerancePercent: 1, approverRoles: [steering-committee] }\n');
    const small = PROJECT.replace('approved: 850000', 'approved: 870000');
    assert.deepEqual((await checkChange(RULE, PROJECT, small, { portfolio: narrow })).messages.map((m) => m.split(', beyond')[1]), [
      ' the 1 % tolerance, and no change record of kind budget is approved by the steering-committee. Escalate: record the decision in changes with decision: approved and decidedBy.',
    ]);
    const board = small.replace('approvals:\n', 'approvals:\n  - { role: steering-committee, person: li.wei, decision: approved, date: 2026-12-01 }\n');
    const base = PROJECT.replace('approvals:\n', 'approvals:\n  - { role: steering-committee, person: li.wei, decision: approved, date: 2026-12-01 }\n');
    assert.deepEqual((await checkChange(RULE, base, board + record('budget', 'approved', 'li.wei'), { portfolio: narrow })).findings, []);
    assert.equal((await checkChange(RULE, base, board + record('budget', 'approved', 'jane.doe'), { portfolio: narrow })).findings.length, 1);
  });

  it('counts a budget cut beyond tolerance too', async () => {
    const cut = PROJECT.replace('approved: 850000', 'approved: 500000');
    assert.match((await checkChange(RULE, PROJECT, cut)).messages[0], /^Approved budget changed 850,000 -> 500,000 EUR \(-41\.2 %\)/);
  });

  it("judges a budget whose currency changed in the policy's base currency, and not at all without one", async () => {
    const portfolio = policyPortfolio('  baseCurrency: EUR\n  fxRates: { GBP: 1.17 }\n');
    // 850,000 EUR -> 800,000 GBP = 936,000 EUR: +10.1 %, beyond 10 %.
    const toGbp = (amount: string) => PROJECT.replace('currency: EUR', 'currency: GBP').replace('approved: 850000', `approved: ${amount}`);
    const beyond = await checkChange(RULE, PROJECT, toGbp('800000'), { portfolio });
    assert.deepEqual(beyond.messages.map((m) => m.split(', beyond')[0]), ['Approved budget changed 850,000 EUR -> 800,000 GBP']);
    // 850,000 EUR -> 780,000 GBP = 912,600 EUR: +7.4 %, within.
    assert.deepEqual((await checkChange(RULE, PROJECT, toGbp('780000'), { portfolio })).findings, []);
    // No base currency: the amounts cannot be compared, so change/unrecorded asks for a record instead.
    assert.deepEqual((await checkChange(RULE, PROJECT, toGbp('800000'))).findings, []);
    assert.deepEqual((await checkChange('change/unrecorded', PROJECT, toGbp('800000'))).messages.map((m) => m.split(' with ')[0]), [
      'Budget currency changed EUR -> GBP',
      'Approved budget changed 850,000 EUR -> 800,000 GBP',
      'Contingency changed 60,000 EUR -> 60,000 GBP',
    ]);
  });
});
