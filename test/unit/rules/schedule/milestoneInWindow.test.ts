import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'schedule/milestone-in-window';

describe('schedule/milestone-in-window', () => {
  it('fires on the date of a milestone after the end', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('date: 2027-11-30', 'date: 2028-01-31'));
    assert.deepEqual(underlined, ['2028-01-31']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'Milestone "Live" (2028-01-31) is after the project ends (2027-12-17). Move the milestone, or the schedule\'s end.');
  });

  it('fires on a milestone before the start', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('date: 2027-03-01', 'date: 2026-12-01'));
    assert.deepEqual(underlined, ['2026-12-01']);
    assert.match(findings[0].message, /before the project starts \(2027-01-04\)/);
  });

  it('accepts milestones on the first and the last day (boundaries)', async () => {
    const text = PROJECT.replace('date: 2027-03-01', 'date: 2027-01-04').replace('date: 2027-11-30', 'date: 2027-12-17');
    assert.deepEqual((await check(RULE, text)).findings, []);
  });

  it('is quiet without a schedule end or a milestone date, and leaves a reversed schedule to start-before-end', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('  end: 2027-12-17\n', '').replace('date: 2027-11-30', 'date: 2028-01-31'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace(', date: 2027-11-30', ''))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('end: 2027-12-17', 'end: 2026-01-01'))).findings, []);
  });

  it('names the milestone by id when it has no name', async () => {
    const { findings } = await check(RULE, PROJECT.replace('name: Live, date: 2027-11-30', 'date: 2028-02-01'));
    assert.match(findings[0].message, /^Milestone m-live \(2028-02-01\)/);
  });

  it('can be raised to an error with charter.rules', async () => {
    const { findings } = await check(RULE, PROJECT.replace('date: 2027-11-30', 'date: 2028-01-31'), { settings: { rules: { [RULE]: 'error' } } });
    assert.equal(findings[0].severity, 'error');
  });
});
