import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'approvals/required-for-status';
const NO_APPROVALS = PROJECT.replace('approvals:\n  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }\n', '');

describe('approvals/required-for-status', () => {
  it('fires on the status of an active project without approvals', async () => {
    const { findings, underlined } = await check(RULE, NO_APPROVALS);
    assert.deepEqual(underlined, ['active']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, "An active project needs a recorded approval. Add the sponsor's decision to approvals (role, person, decision: approved, date).");
  });

  it('fires when no approval says approved yet', async () => {
    const { findings } = await check(RULE, PROJECT.replace('decision: approved, date: 2026-12-01', 'decision: pending'));
    assert.match(findings[0].message, /none of its approvals says decision: approved/);
  });

  it('asks it of approved, active, on-hold and closed projects only', async () => {
    for (const status of ['approved', 'on-hold', 'closed']) assert.equal((await check(RULE, NO_APPROVALS.replace('status: active', `status: ${status}`))).findings.length, 1, status);
    for (const status of ['proposed', 'cancelled']) assert.deepEqual((await check(RULE, NO_APPROVALS.replace('status: active', `status: ${status}`))).findings, [], status);
  });

  it('is quiet with one approval among several decisions (boundary), and without a status', async () => {
    const mixed = PROJECT.replace('date: 2026-12-01 }\nphaseLog', 'date: 2026-12-01 }\n  - { role: board, decision: rejected }\nphaseLog');
    assert.deepEqual((await check(RULE, mixed)).findings, []);
    assert.deepEqual((await check(RULE, NO_APPROVALS.replace('status: active\n', ''))).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.equal((await check(RULE, NO_APPROVALS, { settings: { rules: { 'approvals/*': 'info' } } })).findings[0].severity, 'info');
  });
});
