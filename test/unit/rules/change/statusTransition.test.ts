import { strict as assert } from 'node:assert';
import { checkChange, policyPortfolio, PROJECT } from './changeHarness';

const RULE = 'change/status-transition';
const withStatus = (status: string) => PROJECT.replace('status: active', `status: ${status}`);

describe('change/status-transition', () => {
  it('fires on a closed project reopened, quoting both statuses and what the policy allows', async () => {
    const { underlined, messages, findings, atBase } = await checkChange(RULE, withStatus('closed'), withStatus('active'));
    assert.deepEqual(underlined, ['active']);
    assert.deepEqual(messages, ['Status moved closed -> active, which the policy does not allow (the policy allows no move from closed). Set a status the policy allows; if this move is right for every project, the PMO adds it to policy.allowedTransitions.']);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(atBase, ['closed']);
    // Reported once: change/unrecorded leaves a forbidden move to this rule.
    assert.deepEqual((await checkChange('change/unrecorded', withStatus('closed'), withStatus('active'))).findings, []);
  });

  it('fires on cancelled -> anything and proposed -> closed by default, not on active -> on-hold', async () => {
    assert.equal((await checkChange(RULE, withStatus('cancelled'), withStatus('proposed'))).findings.length, 1);
    assert.match((await checkChange(RULE, withStatus('proposed'), withStatus('closed'))).messages[0], /from proposed the policy allows approved, on-hold, cancelled/);
    assert.deepEqual((await checkChange(RULE, withStatus('active'), withStatus('on-hold'))).findings, []);
    assert.deepEqual((await checkChange(RULE, withStatus('active'), withStatus('active'))).findings, []);
  });

  it("follows the policy's allowedTransitions", async () => {
    const portfolio = policyPortfolio('  allowedTransitions:\n    closed: [active]\n    active: [closed]\n');
    assert.deepEqual((await checkChange(RULE, withStatus('closed'), withStatus('active'), { portfolio })).findings, []);
    assert.equal((await checkChange(RULE, withStatus('active'), withStatus('on-hold'), { portfolio })).findings.length, 1);
  });
});
