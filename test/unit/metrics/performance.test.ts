import { strict as assert } from 'node:assert';
import { computePerformance, readPerformanceInputs } from '../../../server/src/engine/metrics/performance';
import { compareRatio, formatRatio, moneyText, ratioValue, type Metric } from '../../../server/src/engine/metrics/metricValues';
import type { Money } from '../../../server/src/engine/rules/money';

/** Invoice automation, hand-calculated in the comments. */
const PROJECT = {
  schedule: { start: '2027-01-04', end: '2027-12-17', forecastEnd: '2028-01-14' },
  budget: { currency: 'EUR', approved: 850000, actualToDate: 310000, actualAsOf: '2027-04-30', forecastAtCompletion: 880000 },
  progress: { percentComplete: 30, asOf: '2027-04-30' },
  milestones: [{ id: 'm-a', date: '2027-03-01' }],
};

const money = (m: Metric<Money>) => (m.value === null ? `null: ${m.reason}` : moneyText(m.value));

describe('performance metrics', () => {
  it('match a hand calculation: variances, slip, EV, linear PV, CPI, SPI, burn rate', () => {
    const m = computePerformance(readPerformanceInputs(PROJECT), '2027-05-15');
    assert.equal(m.measuredOn, '2027-04-30');
    assert.equal(m.currency, 'EUR');
    // 880,000 - 850,000
    assert.equal(money(m.forecastOverrun), '30000');
    assert.equal(money(m.forecastVariance), '-30000');
    assert.equal(money(m.budgetRemaining), '540000');
    // 2027-12-17 -> 2028-01-14
    assert.deepEqual(m.scheduleSlipDays, { value: 28 });
    // 30% x 850,000
    assert.equal(money(m.earnedValue), '255000');
    // 850,000 x 116 / 347 days (2027-01-04 -> 04-30 of 2027-01-04 -> 12-17) = 284,149.8559077...
    assert.equal(m.plannedValueBasis, 'linear');
    assert.equal(money(m.plannedValue), '284149.855908');
    assert.equal(money(m.costVariance), '-55000');
    assert.equal(money(m.scheduleVariance), '-29149.855908');
    // 255,000 / 310,000 = 0.8225...; 255,000 / 284,149.855908 = 0.8974...
    assert.equal(m.cpi.value && formatRatio(m.cpi.value), '0.82');
    assert.equal(m.spi.value && formatRatio(m.spi.value), '0.89');
    assert.equal(m.spi.value && compareRatio(m.spi.value, 0.9), -1);
    // 310,000 x 30 / 116 days = 80,172.4137931...
    assert.equal(money(m.burnRatePer30Days), '80172.413793');
  });

  it('spreads planned value over weighted milestones when they carry weights', () => {
    const weighted = {
      ...PROJECT,
      milestones: [
        { id: 'm-a', date: '2027-03-01', weight: 1 },
        { id: 'm-b', date: '2027-06-30', weight: 2 },
        { id: 'm-c', date: '2027-11-30', weight: 1 },
        { id: 'm-unweighted', date: '2027-04-01' },
      ],
    };
    const m = computePerformance(readPerformanceInputs(weighted), '2027-05-15');
    // 1 of 4 weight due by 2027-04-30: 850,000 / 4
    assert.equal(m.plannedValueBasis, 'milestones');
    assert.equal(money(m.plannedValue), '212500');
    // 255,000 / 212,500
    assert.equal(m.spi.value && formatRatio(m.spi.value), '1.20');
    // A milestone due on the measuring day counts (boundary).
    const onTheDay = { ...weighted, progress: { percentComplete: 30, asOf: '2027-06-30' } };
    assert.equal(money(computePerformance(readPerformanceInputs(onTheDay), '2027-07-01').plannedValue), '637500');
  });

  it('clamps linear planned value to the schedule: nothing before the start, all of it after the end', () => {
    const before = { ...PROJECT, progress: { percentComplete: 0, asOf: '2026-12-01' } };
    const b = computePerformance(readPerformanceInputs(before), '2026-12-01');
    assert.equal(money(b.plannedValue), '0');
    assert.equal(b.spi.reason, 'no work was planned by 2026-12-01');
    const after = { ...PROJECT, progress: { percentComplete: 90, asOf: '2028-02-01' } };
    assert.equal(money(computePerformance(readPerformanceInputs(after), '2028-02-01').plannedValue), '850000');
  });

  it('keeps decimal amounts and percentages exact', () => {
    const exact = { ...PROJECT, budget: { ...PROJECT.budget, approved: '1000.10', actualToDate: '0.30' }, progress: { percentComplete: 12.5, asOf: '2027-04-30' } };
    const m = computePerformance(readPerformanceInputs(exact), '2027-05-15');
    // 12.5% of 1,000.10 = 125.0125
    assert.equal(money(m.earnedValue), '125.0125');
    assert.equal(money(m.costVariance), '124.7125');
  });

  it('says "not enough data" with a reason instead of a number when inputs are missing', () => {
    const m = computePerformance(readPerformanceInputs({ schedule: { start: '2027-01-04', end: '2027-12-17' }, budget: { currency: 'EUR', approved: 850000 } }), '2027-05-15');
    assert.equal(m.measuredOn, '2027-05-15');
    assert.deepEqual(m.forecastOverrun, { value: null, reason: 'there is no forecast (budget.forecastAtCompletion)' });
    assert.deepEqual(m.scheduleSlipDays, { value: null, reason: 'there is no forecast end (schedule.forecastEnd)' });
    assert.deepEqual(m.earnedValue, { value: null, reason: 'there is no percent complete (progress.percentComplete)' });
    assert.deepEqual(m.cpi, { value: null, reason: 'there is no percent complete (progress.percentComplete)' });
    assert.deepEqual(m.burnRatePer30Days, { value: null, reason: 'there are no actuals (budget.actualToDate)' });
    // Planned value needs only the plan: 850,000 x 131 / 347 days on today, 2027-05-15.
    assert.equal(money(m.plannedValue), '320893.371758');
    const spentNothing = computePerformance(readPerformanceInputs({ ...PROJECT, budget: { ...PROJECT.budget, actualToDate: 0 } }), '2027-05-15');
    assert.equal(spentNothing.cpi.reason, 'nothing has been spent yet (budget.actualToDate is 0)');
    const empty = computePerformance(readPerformanceInputs('not a mapping'), '2027-05-15');
    assert.equal(empty.plannedValue.reason, 'there is no approved budget (budget.approved)');
    // Floats as money, impossible percentages and broken dates are not read.
    const hostile = computePerformance(readPerformanceInputs({ ...PROJECT, budget: { approved: -5, actualToDate: 'lots' }, progress: { percentComplete: 400 }, schedule: { end: '2027-02-30' } }), '2027-05-15');
    assert.deepEqual([hostile.earnedValue.value, hostile.costVariance.value, hostile.scheduleSlipDays.value], [null, null, null]);
  });
});

describe('metric values', () => {
  it('cuts ratios rather than rounding them up past a threshold', () => {
    assert.equal(ratioValue({ numerator: 8996n, denominator: 10000n }), 0.89);
    assert.equal(ratioValue({ numerator: -3n, denominator: 2n }), -1.5);
    assert.equal(compareRatio({ numerator: 9n, denominator: 10n }, 0.9), 0);
    assert.equal(compareRatio({ numerator: 9n, denominator: 10n }, '0.91'), -1);
    assert.equal(compareRatio({ numerator: 9n, denominator: 10n }, 'x'), undefined);
  });

  it('writes signed money', () => {
    assert.equal(moneyText(-12500500000n), '-12500.50');
    assert.equal(moneyText(0n), '0');
  });
});
