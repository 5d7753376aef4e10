import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'schedule/overdue-milestone';

describe('schedule/overdue-milestone', () => {
  it('fires on the date of a planned milestone that has passed', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('date: 2027-11-30', 'date: 2027-05-14'));
    assert.deepEqual(underlined, ['2027-05-14']);
    assert.equal(findings[0].message, 'Milestone "Live" was due on 2027-05-14 and is still planned (today is 2027-05-15). Mark it done or missed, or re-plan it with a new date.');
  });

  it('treats a milestone without a status as planned', async () => {
    const { underlined } = await check(RULE, PROJECT.replace('date: 2027-11-30, status: planned', 'date: 2027-04-01'));
    assert.deepEqual(underlined, ['2027-04-01']);
  });

  it('is quiet for a milestone due today (boundary), done or missed, or in a cancelled project', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('date: 2027-11-30', 'date: 2027-05-15'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('date: 2027-11-30, status: planned', 'date: 2027-04-01, status: missed'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('date: 2027-11-30', 'date: 2027-04-01').replace('status: active', 'status: cancelled'))).findings, []);
  });

  it('applies to live projects only: not to closed projects or proposals', async () => {
    const late = PROJECT.replace('date: 2027-11-30', 'date: 2027-04-01');
    for (const status of ['closed', 'proposed']) assert.deepEqual((await check(RULE, late.replace('status: active', `status: ${status}`))).findings, [], status);
    for (const status of ['approved', 'on-hold']) assert.equal((await check(RULE, late.replace('status: active', `status: ${status}`))).findings.length, 1, status);
  });

  it('is quiet for a milestone without a date', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace(', date: 2027-11-30', ''))).findings, []);
  });

  it('evaluates as of charter.asOf', async () => {
    assert.deepEqual((await check(RULE, PROJECT, { settings: { asOf: '2027-12-01' } })).underlined, ['2027-11-30']);
    assert.deepEqual((await check(RULE, PROJECT, { settings: { asOf: '2027-11-30' } })).findings, []);
  });
});
