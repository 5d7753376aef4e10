import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'status/stale-report';

describe('status/stale-report', () => {
  it('fires on asOf when the report is older than the cadence', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('asOf: 2027-04-30', 'asOf: 2027-04-13'));
    assert.deepEqual(underlined, ['2027-04-13']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'The status report is 32 days old (as of 2027-04-13, today is 2027-05-15); the policy asks for one at least every 31 days. Write a new status report.');
  });

  it('accepts a report exactly one cadence old (boundary)', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('asOf: 2027-04-30', 'asOf: 2027-04-14'))).findings, []);
  });

  it('applies to live projects only (approved, active, on-hold by default; policy.liveStatuses)', async () => {
    const old = PROJECT.replace('asOf: 2027-04-30', 'asOf: 2026-01-01');
    for (const status of ['approved', 'on-hold']) assert.equal((await check(RULE, old.replace('status: active', `status: ${status}`))).findings.length, 1, status);
    for (const status of ['proposed', 'closed', 'cancelled']) {
      assert.deepEqual((await check(RULE, old.replace('status: active', `status: ${status}`))).findings, [], status);
    }
    const narrower = { settings: { policy: { liveStatuses: ['active'] } } };
    assert.deepEqual((await check(RULE, old.replace('status: active', 'status: on-hold'), narrower)).findings, []);
  });

  it('is quiet without a status report or its date', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace(/statusReport:\n(.*\n)*$/, ''))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('  asOf: 2027-04-30\n', ''))).findings, []);
  });

  it('uses the cadence of the portfolio policy, overridden by charter.policy', async () => {
    const portfolio = 'apiVersion: charter/v1\nkind: Portfolio\nid: p\ntitle: P\nobjectives: []\nfunding: []\npolicy:\n  reportingCadenceDays: 14\n';
    const files = { 'projects/fin-invoice.charter.yaml': PROJECT, 'portfolio.yaml': portfolio };
    assert.match((await check(RULE, files)).findings[0].message, /15 days old .* every 14 days/);
    assert.deepEqual((await check(RULE, files, { settings: { policy: { reportingCadenceDays: 15 } } })).findings, []);
  });
});
