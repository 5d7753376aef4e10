import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'schedule/done-in-future';

describe('schedule/done-in-future', () => {
  it('fires on the date of a done milestone after today', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('date: 2027-11-30, status: planned', 'date: 2027-11-30, status: done'));
    assert.deepEqual(underlined, ['2027-11-30']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, 'Milestone "Live" is marked done but dated 2027-11-30, after today (2027-05-15). Write the day it was actually reached, or mark it planned.');
  });

  it('accepts a milestone done today (boundary), planned future milestones and done past ones', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('date: 2027-11-30, status: planned', 'date: 2027-05-15, status: done'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
  });
});
