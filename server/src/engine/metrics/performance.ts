// How a project performs against its plan: variances, schedule slip and earned value, as pure
// functions of the charter's own figures (docs/metrics.md gives every formula). Money stays exact
// (millionths as bigint); a metric whose inputs are missing is `null` with the reason, never a guess.
import { isDict } from '../model/charterReader';
import { parseMoney, type Money } from '../rules/money';
import { daysBetween, isIsoDate } from '../utils/dates';
import { known, unknown, type Metric, type Ratio } from './metricValues';

const SCALE = 1_000_000n;
const HUNDRED = 100n * SCALE;

export interface PerformanceInputs {
  currency?: string;
  /** Budget at completion (BAC): the approved budget. */
  approved?: Money;
  requested?: Money;
  /** Actual cost (AC). */
  actualToDate?: Money;
  actualAsOf?: string;
  /** Estimate at completion (EAC). */
  forecastAtCompletion?: Money;
  start?: string;
  end?: string;
  forecastEnd?: string;
  /** Percent complete in millionths of a percent (exact, `62.5` -> 62_500_000n). */
  percentComplete?: Money;
  progressAsOf?: string;
  /** Milestones with a date and a positive weight (millionths), for milestone-weighted planned value. */
  weightedMilestones: Array<{ date: string; weight: Money }>;
}

/** Reads the inputs from a Project document's value; anything malformed is left out (the schema reports it). */
export function readPerformanceInputs(project: unknown): PerformanceInputs {
  const root = isDict(project) ? project : {};
  const budget = isDict(root.budget) ? root.budget : {};
  const schedule = isDict(root.schedule) ? root.schedule : {};
  const progress = isDict(root.progress) ? root.progress : {};
  const date = (v: unknown) => (typeof v === 'string' && isIsoDate(v) ? v : undefined);
  const percent = typeof progress.percentComplete === 'number' && progress.percentComplete <= 100 ? parseMoney(progress.percentComplete) : undefined;
  const milestones = Array.isArray(root.milestones) ? root.milestones : [];
  return {
    currency: typeof budget.currency === 'string' ? budget.currency : undefined,
    approved: parseMoney(budget.approved),
    requested: parseMoney(budget.requested),
    actualToDate: parseMoney(budget.actualToDate),
    actualAsOf: date(budget.actualAsOf),
    forecastAtCompletion: parseMoney(budget.forecastAtCompletion),
    start: date(schedule.start),
    end: date(schedule.end),
    forecastEnd: date(schedule.forecastEnd),
    percentComplete: percent,
    progressAsOf: date(progress.asOf),
    weightedMilestones: milestones.flatMap((m) => {
      if (!isDict(m)) return [];
      const d = date(m.date);
      const weight = typeof m.weight === 'number' ? parseMoney(m.weight) : undefined;
      return d && weight !== undefined && weight > 0n ? [{ date: d, weight }] : [];
    }),
  };
}

export interface PerformanceMetrics {
  currency?: string;
  /** The day earned and planned value are measured on: progress.asOf, else actualAsOf, else today. */
  measuredOn: string;
  /** Actual cost to date (AC), as written. */
  actualCost: Metric<Money>;
  /** Estimate at completion minus approved budget, positive when over (an overrun). */
  forecastOverrun: Metric<Money>;
  /** Approved budget minus estimate at completion (VAC): negative when the forecast is over budget. */
  forecastVariance: Metric<Money>;
  /** Approved budget minus actual cost to date: what is left to spend. */
  budgetRemaining: Metric<Money>;
  /** Forecast end minus planned end, in days: positive is late. */
  scheduleSlipDays: Metric<number>;
  earnedValue: Metric<Money>;
  plannedValue: Metric<Money>;
  /** How planned value was spread: a straight line from start to end, or the milestones' weights. */
  plannedValueBasis: 'linear' | 'milestones';
  /** EV - AC: negative when the work done cost more than planned. */
  costVariance: Metric<Money>;
  /** EV - PV: negative when less work is done than planned by now. */
  scheduleVariance: Metric<Money>;
  /** EV / AC. */
  cpi: Metric<Ratio>;
  /** EV / PV. */
  spi: Metric<Ratio>;
  /** Actual cost per 30 days since the start: AC x 30 / days from start to actualAsOf. */
  burnRatePer30Days: Metric<Money>;
}

export function computePerformance(inputs: PerformanceInputs, today: string): PerformanceMetrics {
  const { approved, actualToDate: ac, forecastAtCompletion: eac } = inputs;
  const measuredOn = inputs.progressAsOf ?? inputs.actualAsOf ?? today;
  const noBudget = 'there is no approved budget (budget.approved)';
  const noActuals = 'there are no actuals (budget.actualToDate)';
  const noForecast = 'there is no forecast (budget.forecastAtCompletion)';
  const noProgress = 'there is no percent complete (progress.percentComplete)';

  const forecastOverrun = approved === undefined ? unknown<Money>(noBudget) : eac === undefined ? unknown<Money>(noForecast) : known(eac - approved);
  const forecastVariance = forecastOverrun.value === null ? unknown<Money>(forecastOverrun.reason) : known(-forecastOverrun.value);
  const budgetRemaining = approved === undefined ? unknown<Money>(noBudget) : ac === undefined ? unknown<Money>(noActuals) : known(approved - ac);

  let scheduleSlipDays: Metric<number>;
  if (!inputs.end) scheduleSlipDays = unknown('there is no planned end (schedule.end)');
  else if (!inputs.forecastEnd) scheduleSlipDays = unknown('there is no forecast end (schedule.forecastEnd)');
  else scheduleSlipDays = known(daysBetween(inputs.end, inputs.forecastEnd));

  const earnedValue: Metric<Money> =
    approved === undefined ? unknown(noBudget) : inputs.percentComplete === undefined ? unknown(noProgress) : known(divideRounded(approved * inputs.percentComplete, HUNDRED));

  const planned = plannedValue(inputs, measuredOn);
  const costVariance = combine(earnedValue, ac === undefined ? unknown<Money>(noActuals) : known(ac), (ev, a) => ev - a);
  const scheduleVariance = combine(earnedValue, planned.value, (ev, pv) => ev - pv);

  let cpi: Metric<Ratio>;
  if (earnedValue.value === null) cpi = unknown(earnedValue.reason);
  else if (ac === undefined) cpi = unknown(noActuals);
  else if (ac === 0n) cpi = unknown('nothing has been spent yet (budget.actualToDate is 0)');
  else cpi = known({ numerator: earnedValue.value, denominator: ac });

  let spi: Metric<Ratio>;
  if (earnedValue.value === null) spi = unknown(earnedValue.reason);
  else if (planned.value.value === null) spi = unknown(planned.value.reason);
  else if (planned.value.value === 0n) spi = unknown(`no work was planned by ${measuredOn}`);
  else spi = known({ numerator: earnedValue.value, denominator: planned.value.value });

  let burnRatePer30Days: Metric<Money>;
  if (ac === undefined) burnRatePer30Days = unknown(noActuals);
  else if (!inputs.start) burnRatePer30Days = unknown('there is no start date (schedule.start)');
  else if (!inputs.actualAsOf) burnRatePer30Days = unknown('the actuals have no date (budget.actualAsOf)');
  else {
    const days = daysBetween(inputs.start, inputs.actualAsOf);
    burnRatePer30Days = days <= 0 ? unknown('the actuals are dated on or before the start') : known(divideRounded(ac * 30n, BigInt(days)));
  }

  return {
    currency: inputs.currency,
    measuredOn,
    actualCost: ac === undefined ? unknown(noActuals) : known(ac),
    forecastOverrun,
    forecastVariance,
    budgetRemaining,
    scheduleSlipDays,
    earnedValue,
    plannedValue: planned.value,
    plannedValueBasis: planned.basis,
    costVariance,
    scheduleVariance,
    cpi,
    spi,
    burnRatePer30Days,
  };
}

/**
 * Planned value on `day`: BAC x the share of the plan due by then. With weighted milestones, the share
 * is the weight of the milestones dated on or before the day over the total weight; else the share of
 * the days from start to end that have passed (0 before the start, 1 after the end).
 */
function plannedValue(inputs: PerformanceInputs, day: string): { value: Metric<Money>; basis: 'linear' | 'milestones' } {
  const { approved, start, end, weightedMilestones } = inputs;
  if (weightedMilestones.length > 0) {
    if (approved === undefined) return { value: unknown('there is no approved budget (budget.approved)'), basis: 'milestones' };
    const total = weightedMilestones.reduce((sum, m) => sum + m.weight, 0n);
    const due = weightedMilestones.filter((m) => m.date <= day).reduce((sum, m) => sum + m.weight, 0n);
    return { value: known(divideRounded(approved * due, total)), basis: 'milestones' };
  }
  if (approved === undefined) return { value: unknown('there is no approved budget (budget.approved)'), basis: 'linear' };
  if (!start || !end) return { value: unknown('the schedule has no start or end'), basis: 'linear' };
  const length = daysBetween(start, end);
  if (length <= 0) return { value: unknown('the schedule ends on or before its start'), basis: 'linear' };
  const elapsed = Math.min(Math.max(daysBetween(start, day), 0), length);
  return { value: known(divideRounded(approved * BigInt(elapsed), BigInt(length))), basis: 'linear' };
}

function combine(a: Metric<Money>, b: Metric<Money>, f: (x: Money, y: Money) => Money): Metric<Money> {
  if (a.value === null) return unknown(a.reason);
  if (b.value === null) return unknown(b.reason);
  return known(f(a.value, b.value));
}

/** `n / d` for non-negative `n` and positive `d`, rounded half up to the millionth. */
function divideRounded(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

