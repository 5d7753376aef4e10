// `date`: a date before or after today, another date in the document or a fixed day, with an offset.
import { isIsoDate } from '../../utils/dates';
import { parseJsonPath, valueAt } from '../jsonPath';
import type { FunctionContext, FunctionOptions, RulesetFunction } from '../rulesetTypes';
import { show, unknownOptions } from './options';

const COMPARISONS = ['before', 'after', 'onOrBefore', 'onOrAfter'] as const;
type Comparison = (typeof COMPARISONS)[number];
const WORDS: Record<Comparison, string> = { before: 'before', after: 'after', onOrBefore: 'on or before', onOrAfter: 'on or after' };

export interface Offset {
  sign: 1 | -1;
  years: number;
  months: number;
  days: number;
}

/** An ISO 8601 duration in years, months, weeks and days, optionally negative: `P30D`, `-P2W`, `P1Y6M`. */
export function parseOffset(text: string): Offset | undefined {
  const m = /^(-)?P(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,5})W)?(?:(\d{1,6})D)?$/.exec(text);
  if (!m || text.replace(/^-/, '') === 'P') return undefined;
  return { sign: m[1] ? -1 : 1, years: Number(m[2] ?? 0), months: Number(m[3] ?? 0), days: Number(m[4] ?? 0) * 7 + Number(m[5] ?? 0) };
}

/** Adds an offset to an ISO date; months past the end of a shorter month stop at its last day. */
export function addOffset(iso: string, offset: Offset): string {
  const [y, mo, d] = iso.split('-').map(Number);
  const totalMonths = y * 12 + (mo - 1) + offset.sign * (offset.years * 12 + offset.months);
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const base = Date.UTC(year, month, Math.min(d, lastDay));
  const shifted = new Date(base + offset.sign * offset.days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/** `today`, a path into the document, or a fixed `YYYY-MM-DD`. */
function reference(spec: string, context: FunctionContext): string | undefined {
  if (spec === 'today') return context.today;
  if (spec.startsWith('$')) {
    const parsed = parseJsonPath(spec);
    const v = parsed.ok ? valueAt(parsed.path, context.root) : undefined;
    return typeof v === 'string' && isIsoDate(v) ? v : undefined;
  }
  return isIsoDate(spec) ? spec : undefined;
}

function checkReference(spec: unknown): boolean {
  return typeof spec === 'string' && (spec === 'today' || isIsoDate(spec) || (spec.startsWith('$') && parseJsonPath(spec).ok));
}

export const date: RulesetFunction = {
  name: 'date',
  checkOptions: (options: FunctionOptions) => {
    const unknown = unknownOptions(options, [...COMPARISONS, 'offset']);
    if (unknown) return unknown;
    const given = COMPARISONS.filter((c) => options[c] !== undefined);
    if (given.length === 0) return `give one of ${COMPARISONS.join(', ')}: "today", a path such as "$.schedule.end", or a date`;
    for (const c of given) if (!checkReference(options[c])) return `"${c}" is "today", a path such as "$.schedule.end", or a date written YYYY-MM-DD`;
    if (options.offset !== undefined && (typeof options.offset !== 'string' || !parseOffset(options.offset))) return '"offset" is an ISO 8601 duration such as P30D, P2W, P6M or -P1Y';
    return undefined;
  },
  evaluate: (value, options, context) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !isIsoDate(value)) return `${show(value)} is not a date written YYYY-MM-DD`;
    const offset = typeof options.offset === 'string' ? parseOffset(options.offset) : undefined;
    for (const comparison of COMPARISONS) {
      const spec = options[comparison];
      if (typeof spec !== 'string') continue;
      const base = reference(spec, context);
      if (base === undefined) continue; // the other date is missing or malformed: the schema says so
      const limit = offset ? addOffset(base, offset) : base;
      const ok =
        comparison === 'before' ? value < limit : comparison === 'after' ? value > limit : comparison === 'onOrBefore' ? value <= limit : value >= limit;
      if (!ok) {
        const what = spec === 'today' ? `today (${context.today})` : spec.startsWith('$') ? `${spec} (${base})` : base;
        return `${value} is not ${WORDS[comparison]} ${offset ? `${limit} (${options.offset as string} ${offset.sign < 0 ? 'before' : 'after'} ${what})` : what}`;
      }
    }
    return undefined;
  },
};
