// Each project's performance as the tree, the dashboard and the reports show it: the metrics of
// metrics/performance.ts with their display text ("not enough data" when an input is missing), the
// forecasts beyond tolerance, the trend, and the figures in the base currency for roll-ups. Plain JSON:
// money is a decimal string, ratios are numbers cut to two decimals.
import { formatRatio, formatSignedMoney, moneyText, ratioValue, roundToCents, type Metric, type Ratio } from '../metrics/metricValues';
import { computePerformance, readPerformanceInputs } from '../metrics/performance';
import { readTolerances, toleranceBreaches } from '../metrics/tolerance';
import { computeTrend, snapshotsFromCharter, snapshotsFromVersions, type Trend } from '../metrics/trends';
import { isDict } from '../model/charterReader';
import { toBaseCurrency } from '../rules/fx';
import { parseMoney, type Money } from '../rules/money';
import type { Policy } from '../rules/policy';

export const NOT_ENOUGH_DATA = 'not enough data';

/** A metric for display: its value (money as a decimal string, ratios and days as numbers) and text. */
export interface MetricView {
  value: string | number | null;
  /** `-30,000 EUR`, `0.82`, `28 days`, or `not enough data`. */
  text: string;
  /** Why there is no value. */
  reason?: string;
}

export const METRIC_NAMES = ['cpi', 'spi', 'forecastVariance', 'costVariance', 'scheduleVariance', 'scheduleSlipDays', 'earnedValue', 'plannedValue', 'burnRate'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export type Dimension = 'schedule' | 'cost' | 'scope' | 'benefits' | 'resources';
export const DIMENSIONS: readonly Dimension[] = ['schedule', 'cost', 'scope', 'benefits', 'resources'];

export interface ProjectPerformance {
  currency?: string;
  measuredOn: string;
  approved?: string;
  requested?: string;
  actualToDate?: string;
  actualAsOf?: string;
  forecastAtCompletion?: string;
  forecastEnd?: string;
  percentComplete?: number;
  /** Approved, actual and forecast (approved where no forecast is given) in the policy's base currency; absent when they cannot be converted. */
  base?: { currency: string; approved?: string; actual?: string; forecast?: string };
  metrics: Record<MetricName, MetricView>;
  /** One clause per forecast beyond the charter's tolerances: an exception report is needed. */
  beyondTolerance: string[];
  confidence?: string;
  dimensions: Partial<Record<Dimension, 'green' | 'amber' | 'red'>>;
  trend: Trend;
}

/**
 * The performance of a Project value as of `asOf`. `pastVersions`: the file's earlier texts from git,
 * used for the trend when the charter keeps no `statusReports:` of its own.
 */
export function projectPerformance(value: unknown, asOf: string, policy: Policy, pastVersions?: string[]): ProjectPerformance {
  const root = isDict(value) ? value : {};
  const inputs = readPerformanceInputs(root);
  const m = computePerformance(inputs, asOf);
  const c = inputs.currency ? ` ${inputs.currency}` : '';
  const moneyView = (metric: Metric<Money>): MetricView =>
    metric.value === null ? notEnough(metric.reason) : { value: moneyText(metric.value), text: `${formatSignedMoney(roundToCents(metric.value))}${c}` };
  const ratioView = (metric: Metric<Ratio>): MetricView => (metric.value === null ? notEnough(metric.reason) : { value: ratioValue(metric.value), text: formatRatio(metric.value) });
  const slip = m.scheduleSlipDays;

  const report = isDict(root.statusReport) ? root.statusReport : {};
  const dimensionsValue = isDict(report.dimensions) ? report.dimensions : {};
  const dimensions: ProjectPerformance['dimensions'] = {};
  for (const d of DIMENSIONS) {
    const rag = dimensionsValue[d];
    if (rag === 'green' || rag === 'amber' || rag === 'red') dimensions[d] = rag;
  }

  const hasHistory = Array.isArray(root.statusReports) && root.statusReports.length > 0;
  const current = snapshotsFromCharter(root);
  let trend: Trend;
  if (hasHistory) trend = computeTrend(current, asOf, 'statusReports');
  else if (pastVersions && pastVersions.length > 0) trend = computeTrend(merge(current, snapshotsFromVersions(pastVersions)), asOf, 'git');
  else trend = computeTrend(current, asOf, 'current');

  const performance: ProjectPerformance = {
    currency: inputs.currency,
    measuredOn: m.measuredOn,
    approved: optionalMoney(inputs.approved),
    requested: optionalMoney(inputs.requested),
    actualToDate: optionalMoney(inputs.actualToDate),
    actualAsOf: inputs.actualAsOf,
    forecastAtCompletion: optionalMoney(inputs.forecastAtCompletion),
    forecastEnd: inputs.forecastEnd,
    percentComplete: inputs.percentComplete === undefined ? undefined : Number(inputs.percentComplete) / 1_000_000,
    base: inBase(inputs.approved, inputs.actualToDate, inputs.forecastAtCompletion ?? inputs.approved, inputs.currency, policy),
    metrics: {
      cpi: ratioView(m.cpi),
      spi: ratioView(m.spi),
      forecastVariance: moneyView(m.forecastVariance),
      costVariance: moneyView(m.costVariance),
      scheduleVariance: moneyView(m.scheduleVariance),
      scheduleSlipDays: slip.value === null ? notEnough(slip.reason) : { value: slip.value, text: `${slip.value} day${Math.abs(slip.value) === 1 ? '' : 's'}` },
      earnedValue: moneyView(m.earnedValue),
      plannedValue: moneyView(m.plannedValue),
      burnRate: moneyView(m.burnRatePer30Days),
    },
    beyondTolerance: toleranceBreaches(inputs, readTolerances(root)).map((b) => b.fact),
    confidence: typeof report.confidence === 'string' ? report.confidence : undefined,
    dimensions,
    trend,
  };
  return performance;
}

/** The charter's current snapshot wins over git's version of the same day. */
function merge(current: ReturnType<typeof snapshotsFromCharter>, past: ReturnType<typeof snapshotsFromVersions>) {
  const days = new Set(current.map((s) => s.asOf));
  return [...current, ...past.filter((s) => !days.has(s.asOf))].sort((a, b) => b.asOf.localeCompare(a.asOf));
}

function notEnough(reason: string): MetricView {
  return { value: null, text: NOT_ENOUGH_DATA, reason };
}

function optionalMoney(amount: Money | undefined): string | undefined {
  return amount === undefined ? undefined : moneyText(amount);
}

function inBase(approved: Money | undefined, actual: Money | undefined, forecast: Money | undefined, currency: string | undefined, policy: Policy): ProjectPerformance['base'] {
  const target = policy.baseCurrency ?? currency;
  if (!target) return undefined;
  const convert = (amount: Money | undefined) => {
    if (amount === undefined) return undefined;
    const converted = toBaseCurrency(amount, currency, policy);
    return converted.ok ? moneyText(converted.amount) : undefined;
  };
  const probe = approved ?? actual ?? forecast;
  if (probe !== undefined && convert(probe) === undefined) return undefined;
  return { currency: target, approved: convert(approved), actual: convert(actual), forecast: convert(forecast) };
}

/** What a group's live projects add up to, per currency (the base currency when the policy names one). */
export interface PerformanceRollup {
  currency: string;
  approved: string;
  actual: string;
  forecast: string;
  projects: number;
}

export function performanceRollup(projects: Array<{ live: boolean; performance?: ProjectPerformance }>): PerformanceRollup[] {
  const totals = new Map<string, { approved: Money; actual: Money; forecast: Money; projects: number }>();
  for (const p of projects) {
    const base = p.live ? p.performance?.base : undefined;
    if (!base) continue;
    const t = totals.get(base.currency) ?? { approved: 0n, actual: 0n, forecast: 0n, projects: 0 };
    t.approved += parseMoney(base.approved) ?? 0n;
    t.actual += parseMoney(base.actual) ?? 0n;
    t.forecast += parseMoney(base.forecast) ?? 0n;
    t.projects++;
    totals.set(base.currency, t);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, approved: moneyText(t.approved), actual: moneyText(t.actual), forecast: moneyText(t.forecast), projects: t.projects }));
}
