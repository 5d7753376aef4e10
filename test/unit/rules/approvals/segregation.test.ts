import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'approvals/segregation';
const WAIVED = `${PROJECT}waivers:\n  - { rule: budget/contingency-band, reason: Fixed price, approver: jane.doe, date: 2027-05-01, expires: 2027-07-30 }\n`;

describe('approvals/segregation', () => {
  it('fires on the manager when the sponsor manages the project', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('manager: raj.patel', 'manager: jane.doe'));
    assert.deepEqual(underlined, ['jane.doe']);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /^jane\.doe is both sponsor and manager\./);
  });

  it("fires on a sponsor's approval given by someone else", async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('{ role: sponsor, person: jane.doe', '{ role: sponsor, person: raj.patel'));
    assert.deepEqual(underlined, ['raj.patel']);
    assert.match(findings[0].message, /in the sponsor's role but was given by raj\.patel, not by the sponsor, jane\.doe/);
  });

  it('fires on the approver of a waiver who manages the project', async () => {
    const { findings, underlined } = await check(RULE, WAIVED.replace('approver: jane.doe', 'approver: raj.patel'));
    assert.deepEqual(underlined, ['raj.patel']);
    assert.match(findings[0].message, /nobody approves their own exception/);
  });

  it("bounds a waiver's life by policy.maxWaiverDays (boundary: exactly the maximum is fine)", async () => {
    const policy = (days: number) => ({ settings: { policy: { maxWaiverDays: days } } });
    assert.deepEqual((await check(RULE, WAIVED, policy(90))).findings, []);
    const { findings, underlined } = await check(RULE, WAIVED, policy(89));
    assert.deepEqual(underlined, ['2027-07-30']);
    assert.equal(findings[0].message, 'This waiver of budget/contingency-band runs 90 days (2027-05-01 to 2027-07-30); the policy allows at most 89. Set an earlier expiry, and renew it when it ends if it is still needed.');
    // Without an approval date, the waiver's life counts from today.
    assert.equal((await check(RULE, WAIVED.replace(' date: 2027-05-01,', ''), policy(75))).findings.length, 1);
    assert.deepEqual((await check(RULE, WAIVED.replace(' date: 2027-05-01,', ''), policy(76))).findings, []);
  });

  it('is quiet on a well-governed charter', async () => {
    assert.deepEqual((await check(RULE, WAIVED)).findings, []);
  });
});
