import { strict as assert } from 'node:assert';
import { addOffset, parseOffset } from '../../../server/src/engine/rulesets/functions/dates';
import { contextFor, optionProblem, run } from './helpers';

describe('rulesets: date', () => {
  const root = { schedule: { start: '2027-01-04', end: '2030-06-30' } };
  const ctx = contextFor(root, ['schedule', 'end'], { today: '2027-01-15' });

  it('compares with today, another date of the document or a fixed day', () => {
    assert.equal(run('date', '2027-01-16', { after: 'today' }, ctx), undefined);
    assert.equal(run('date', '2027-01-15', { after: 'today' }, ctx), '2027-01-15 is not after today (2027-01-15)');
    assert.equal(run('date', '2027-01-15', { onOrAfter: 'today' }, ctx), undefined);
    assert.equal(run('date', '2030-06-30', { after: '$.schedule.start' }, ctx), undefined);
    assert.equal(run('date', '2027-01-01', { before: '2027-01-01' }, ctx), '2027-01-01 is not before 2027-01-01');
  });

  it('applies an ISO 8601 offset', () => {
    assert.equal(run('date', '2030-06-30', { onOrBefore: '$.schedule.start', offset: 'P3Y' }, ctx), '2030-06-30 is not on or before 2030-01-04 (P3Y after $.schedule.start (2027-01-04))');
    assert.equal(run('date', '2027-02-10', { onOrBefore: 'today', offset: 'P30D' }, ctx), undefined);
    assert.equal(run('date', '2026-12-31', { onOrAfter: 'today', offset: '-P2W' }, ctx), '2026-12-31 is not on or after 2027-01-01 (-P2W before today (2027-01-15))');
    assert.equal(run('date', '2027-01-01', { onOrAfter: 'today', offset: '-P2W' }, ctx), undefined);
  });

  it('reads offsets and adds them without overflowing a month', () => {
    assert.deepEqual(parseOffset('P1Y6M'), { sign: 1, years: 1, months: 6, days: 0 });
    assert.deepEqual(parseOffset('-P2W3D'), { sign: -1, years: 0, months: 0, days: 17 });
    assert.equal(parseOffset('P'), undefined);
    assert.equal(parseOffset('PT1H'), undefined);
    assert.equal(addOffset('2027-01-31', parseOffset('P1M')!), '2027-02-28');
    assert.equal(addOffset('2027-03-01', parseOffset('-P1D')!), '2027-02-28');
    assert.equal(addOffset('2028-02-29', parseOffset('P1Y')!), '2029-02-28');
  });

  it('passes when the other date is missing; says so when the value is not a date', () => {
    assert.equal(run('date', '2027-01-01', { after: '$.schedule.missing' }, ctx), undefined);
    assert.equal(run('date', '31/12/2027', { after: 'today' }, ctx), '31/12/2027 is not a date written YYYY-MM-DD');
    assert.match(optionProblem('date', { after: 'tomorrow' })!, /today/);
    assert.match(optionProblem('date', { after: 'today', offset: '30 days' })!, /ISO 8601/);
  });
});
