import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'schedule/past-end';

describe('schedule/past-end', () => {
  it('fires on the end date of a live project after it', async () => {
    const { findings, underlined } = await check(RULE, PROJECT, { settings: { asOf: '2027-12-18' } });
    assert.deepEqual(underlined, ['2027-12-17']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, "This project is still active but was scheduled to end on 2027-12-17 (today is 2027-12-18). Close it (status: closed) or re-plan the end date with the sponsor's agreement.");
  });

  it('is quiet on the end day itself (boundary), before it, and for projects that are not live', async () => {
    assert.deepEqual((await check(RULE, PROJECT, { settings: { asOf: '2027-12-17' } })).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    for (const status of ['proposed', 'closed', 'cancelled']) {
      assert.deepEqual((await check(RULE, PROJECT.replace('status: active', `status: ${status}`), { settings: { asOf: '2028-01-10' } })).findings, [], status);
    }
  });
});
