import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'allocation/outside-schedule';

describe('allocation/outside-schedule', () => {
  it('fires on a from before the start and a to after the end', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('from: 2027-01-04, to: 2027-12-17', 'from: 2027-01-03, to: 2027-12-18'));
    assert.deepEqual(underlined, ['2027-01-03', '2027-12-18']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, "raj.patel is booked from 2027-01-03, before the project starts on 2027-01-04. Start the allocation on or after 2027-01-04, or move the project's start.");
  });

  it('accepts allocations exactly on the schedule (boundary), inside it, or without dates', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('from: 2027-01-04, to: 2027-12-17', 'from: 2027-03-01, to: 2027-04-01'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace(', from: 2027-01-04, to: 2027-12-17', ''))).findings, []);
  });
});
