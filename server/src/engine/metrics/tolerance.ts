// Whether a project's forecasts are beyond the tolerances its charter gives the manager
// (`authority.budgetTolerancePercent`, `authority.scheduleToleranceDays`). Beyond them the manager may
// not carry on alone: an exception report to the sponsor is needed. Without a tolerance the manager has
// none: any forecast over the approved budget or past the planned end is beyond it.
import { isDict } from '../model/charterReader';
import { comparePercent, formatMoney, type Money } from '../rules/money';
import { daysBetween } from '../utils/dates';
import type { PerformanceInputs } from './performance';

export interface ToleranceBreach {
  dimension: 'cost' | 'schedule';
  /** Where the forecast is written, to put a finding on. */
  path: ['budget', 'forecastAtCompletion'] | ['schedule', 'forecastEnd'];
  /** A clause of fact: "the forecast at completion, 950,000 EUR, is 100,000 EUR (11.8%) over the approved 850,000 EUR, beyond the 5% tolerance". */
  fact: string;
}

export interface Tolerances {
  budgetPercent?: number;
  scheduleDays?: number;
}

export function readTolerances(project: unknown): Tolerances {
  const authority = isDict(project) && isDict(project.authority) ? project.authority : {};
  const percent = authority.budgetTolerancePercent;
  const days = authority.scheduleToleranceDays;
  return {
    budgetPercent: typeof percent === 'number' && Number.isFinite(percent) && percent >= 0 ? percent : undefined,
    scheduleDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : undefined,
  };
}

/** The forecasts beyond tolerance; a forecast exactly at the tolerance is within it. */
export function toleranceBreaches(inputs: PerformanceInputs, tolerances: Tolerances): ToleranceBreach[] {
  const breaches: ToleranceBreach[] = [];
  const { approved, forecastAtCompletion: eac, currency } = inputs;
  if (approved !== undefined && eac !== undefined && eac > approved) {
    const overrun: Money = eac - approved;
    const tolerance = tolerances.budgetPercent ?? 0;
    const beyond = approved === 0n || comparePercent(overrun, approved, tolerance) > 0;
    if (beyond) {
      const c = currency ? ` ${currency}` : '';
      const share = approved === 0n ? '' : ` (${percentText(overrun, approved)}%)`;
      breaches.push({
        dimension: 'cost',
        path: ['budget', 'forecastAtCompletion'],
        fact: `the forecast at completion, ${formatMoney(eac)}${c}, is ${formatMoney(overrun)}${c}${share} over the approved ${formatMoney(approved)}${c}, ${toleranceText(tolerances.budgetPercent, '%', 'authority.budgetTolerancePercent')}`,
      });
    }
  }
  if (inputs.end && inputs.forecastEnd) {
    const slip = daysBetween(inputs.end, inputs.forecastEnd);
    if (slip > (tolerances.scheduleDays ?? 0)) {
      breaches.push({
        dimension: 'schedule',
        path: ['schedule', 'forecastEnd'],
        fact: `the forecast end, ${inputs.forecastEnd}, is ${slip} day${slip === 1 ? '' : 's'} after the planned end ${inputs.end}, ${toleranceText(tolerances.scheduleDays, '-day', 'authority.scheduleToleranceDays')}`,
      });
    }
  }
  return breaches;
}

function toleranceText(value: number | undefined, unit: string, key: string): string {
  return value === undefined ? `and the charter sets no tolerance (${key})` : `beyond the ${value}${unit} tolerance`;
}

/** `11.8`: one decimal, rounded up, so a share just over a tolerance never shows as equal to it. */
function percentText(part: Money, whole: Money): string {
  const tenths = (part * 1000n + whole - 1n) / whole;
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}
