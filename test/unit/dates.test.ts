import { strict as assert } from 'node:assert';
import { daysBetween, isIsoDate, normaliseDate, readDate, spokenDate, todayIso } from '../../server/src/engine/utils/dates';

describe('dates', () => {
  it('accepts only real ISO calendar days', () => {
    assert.equal(isIsoDate('2027-03-31'), true);
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2027-02-29'), false);
    assert.equal(isIsoDate('2027-13-01'), false);
    assert.equal(isIsoDate('2027-3-31'), false);
  });

  it('normalises the dates people type, day first for slashes', () => {
    assert.equal(normaliseDate('31/03/2027'), '2027-03-31');
    assert.equal(normaliseDate('1.4.2027'), '2027-04-01');
    assert.equal(normaliseDate('2027/3/5'), '2027-03-05');
    assert.equal(normaliseDate('2027-3-5'), '2027-03-05');
    assert.equal(normaliseDate('31/02/2027'), undefined);
    assert.equal(normaliseDate('March 31'), undefined);
  });

  it('reads a date people type: one reading is unambiguous, two are offered, none is not a date', () => {
    assert.deepEqual(readDate('31/03/2027'), ['2027-03-31']);
    assert.deepEqual(readDate('03/13/2027'), ['2027-03-13']);
    assert.deepEqual(readDate('31 March 2027'), ['2027-03-31']);
    assert.deepEqual(readDate('March 31, 2027'), ['2027-03-31']);
    assert.deepEqual(readDate('3 Sept 2027'), ['2027-09-03']);
    assert.deepEqual(readDate('12.03.2027'), ['2027-03-12']);
    assert.deepEqual(readDate('03/03/2027'), ['2027-03-03']);
    assert.deepEqual(readDate('12/03/2027'), ['2027-03-12', '2027-12-03']);
    assert.deepEqual(readDate('31/02/2027'), []);
    assert.deepEqual(readDate('Smarch 3 2027'), []);
  });

  it('normalises only a date with one reading, and says a reading in words', () => {
    assert.equal(normaliseDate('12/03/2027'), undefined);
    assert.equal(normaliseDate('31 March 2027'), '2027-03-31');
    assert.equal(spokenDate('2027-12-03'), '3 December 2027');
  });

  it('counts days and formats today', () => {
    assert.equal(daysBetween('2027-01-01', '2027-03-01'), 59);
    assert.equal(daysBetween('2027-03-01', '2027-01-01'), -59);
    assert.equal(todayIso(new Date(2027, 4, 15, 23, 30)), '2027-05-15');
  });

  it("takes today from the user's local calendar, not from UTC", () => {
    const saved = process.env.TZ;
    try {
      // Noon UTC on 15 May is already 16 May in Kiribati (UTC+14)...
      process.env.TZ = 'Pacific/Kiritimati';
      assert.equal(todayIso(new Date(Date.UTC(2027, 4, 15, 12, 0))), '2027-05-16');
      // ...and 05:00 UTC on 16 May is still 15 May in Hawaii (UTC-10).
      process.env.TZ = 'Pacific/Honolulu';
      assert.equal(todayIso(new Date(Date.UTC(2027, 4, 16, 5, 0))), '2027-05-15');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
