import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'status/missing-report';
const NO_REPORT = PROJECT.replace(/statusReport:\n(.*\n)*$/, '');

describe('status/missing-report', () => {
  it('fires on the status of a live project that started more than a cadence ago and never reported', async () => {
    const { findings, underlined } = await check(RULE, NO_REPORT);
    assert.deepEqual(underlined, ['active']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(
      findings[0].message,
      'This project is active and started on 2027-01-04, but has no status report; the first was due by 2027-02-04 (the policy asks for one every 31 days). Add a statusReport with asOf, rag and commentary.',
    );
  });

  it('waits one cadence after the start (boundary: quiet on the due day, fires the day after)', async () => {
    assert.deepEqual((await check(RULE, NO_REPORT, { settings: { asOf: '2027-02-04' } })).findings, []);
    assert.equal((await check(RULE, NO_REPORT, { settings: { asOf: '2027-02-05' } })).findings.length, 1);
  });

  it('asks only live projects, and is quiet with a report', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    for (const status of ['proposed', 'closed', 'cancelled']) assert.deepEqual((await check(RULE, NO_REPORT.replace('status: active', `status: ${status}`))).findings, [], status);
    for (const status of ['approved', 'on-hold']) assert.equal((await check(RULE, NO_REPORT.replace('status: active', `status: ${status}`))).findings.length, 1, status);
  });
});
