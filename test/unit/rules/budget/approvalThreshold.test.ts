import { strict as assert } from 'node:assert';
import { applyEdits, check, PROJECT } from '../harness';

const RULE = 'budget/approval-threshold';
const NO_APPROVALS = PROJECT.replace('approvals:\n  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }\n', '');
const PORTFOLIO = `apiVersion: charter/v1
kind: Portfolio
id: p
title: P
objectives: []
funding: []
policy:
  approvalThresholds:
    - { above: 250000, role: sponsor }
    - { above: 800000, role: steering-committee }
`;

describe('budget/approval-threshold', () => {
  it('fires on the approved amount when the matching approval is missing', async () => {
    const { findings, underlined } = await check(RULE, NO_APPROVALS);
    assert.deepEqual(underlined, ['850000']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, "The approved budget (850,000 EUR) is above 250,000 EUR, so the policy needs an approval by the sponsor. Add the sponsor's approval to approvals.");
  });

  it('adds the approver row in the style of the list, or the list itself', async () => {
    const withSteering = { 'a.charter.yaml': PROJECT, 'portfolio.yaml': PORTFOLIO };
    const { findings, uri, text } = await check(RULE, withSteering);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fixes![0].title, "Add the steering-committee's approval (decision: pending)");
    assert.equal(findings[0].fixes![0].safe, false, 'a pending approval is a placeholder: a suggestion, never applied by fix-all');
    const fixed = applyEdits(text, findings[0].fixes![0].edits[uri]);
    assert.ok(fixed.includes('decision: approved, date: 2026-12-01 }\n  - { role: steering-committee, decision: pending }\nphaseLog:'), fixed);

    const block = PROJECT.replace('  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }\n', '  - role: sponsor # the CFO\n    person: jane.doe\n    decision: approved\n');
    const blockResult = await check(RULE, { 'a.charter.yaml': block, 'portfolio.yaml': PORTFOLIO });
    const blockFixed = applyEdits(block, blockResult.findings[0].fixes![0].edits[blockResult.uri]);
    assert.ok(blockFixed.includes('    decision: approved\n  - role: steering-committee\n    decision: pending\nphaseLog:'), blockFixed);

    const none = await check(RULE, NO_APPROVALS);
    const noneFixed = applyEdits(NO_APPROVALS, none.findings[0].fixes![0].edits[none.uri]);
    assert.ok(noneFixed.endsWith('  recoveryPlan: Run onboarding and migration in parallel.\napprovals:\n  - { role: sponsor, person: jane.doe, decision: pending }\n'), noneFixed);
  });

  it('accepts a pending request while the project is proposed, but not once it is active', async () => {
    const pending = PROJECT.replace('decision: approved, date: 2026-12-01', 'decision: pending');
    assert.deepEqual((await check(RULE, pending.replace('status: active', 'status: proposed'))).findings, []);
    const active = await check(RULE, pending);
    assert.equal(active.findings[0].message, "The approved budget (850,000 EUR) is above 250,000 EUR, so the policy needs an approval by the sponsor; the one in approvals is pending. Record the sponsor's decision once it is taken.");
    assert.equal(active.findings[0].fixes, undefined);
    assert.equal((await check(RULE, PROJECT.replace('decision: approved, date: 2026-12-01', 'decision: rejected').replace('status: active', 'status: proposed'))).findings.length, 1);
  });

  it('needs nothing at or below the threshold (boundary)', async () => {
    assert.deepEqual((await check(RULE, NO_APPROVALS.replace('approved: 850000', 'approved: 250000'))).findings, []);
    assert.equal((await check(RULE, NO_APPROVALS.replace('approved: 850000', 'approved: "250000.01"'))).findings.length, 1);
  });

  it('compares a budget in another currency with thresholds in the base currency, showing both amounts', async () => {
    const fx = { settings: { policy: { baseCurrency: 'EUR', fxRates: { asOf: '2027-01-31', JPY: 0.0062 } } } };
    const jpy = (amount: string) => NO_APPROVALS.replace('currency: EUR', 'currency: JPY').replace('approved: 850000', `approved: ${amount}`);
    // 30,000,000 JPY is 186,000 EUR: under the 250,000 EUR threshold, whatever its face value.
    assert.deepEqual((await check(RULE, jpy('30000000'), fx)).findings, []);
    // 50,000,000 JPY is 310,000 EUR: above it.
    const { findings } = await check(RULE, jpy('50000000'), fx);
    assert.equal(findings[0].message, "The approved budget (50,000,000 JPY = 310,000 EUR at 0.0062 as of 2027-01-31) is above 250,000 EUR, so the policy needs an approval by the sponsor. Add the sponsor's approval to approvals.");
    // Boundary: 40,322,580 JPY is 249,999.996 EUR, not above; one more yen is 250,000.0022 EUR, above.
    assert.deepEqual((await check(RULE, jpy('40322580'), fx)).findings, []);
    assert.equal((await check(RULE, jpy('40322581'), fx)).findings.length, 1);
    // Without a rate, budget/fx-rate reports the currency instead of this rule guessing.
    assert.deepEqual((await check(RULE, jpy('50000000'), { settings: { policy: { baseCurrency: 'EUR' } } })).findings, []);
  });

  it('is quiet without an approved amount', async () => {
    assert.deepEqual((await check(RULE, NO_APPROVALS.replace('  approved: 850000\n', ''))).findings, []);
  });

  it('reads thresholds from the portfolio, and charter.policy over them', async () => {
    assert.equal((await check(RULE, { 'a.charter.yaml': PROJECT, 'portfolio.yaml': PORTFOLIO })).findings.length, 1);
    const raised = await check(RULE, { 'a.charter.yaml': PROJECT, 'portfolio.yaml': PORTFOLIO }, { settings: { policy: { approvalThresholds: [{ above: 1000000, role: 'board' }] } } });
    assert.deepEqual(raised.findings, []);
  });
});
