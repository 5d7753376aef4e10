// `money` and `sum-equals`: amounts compared exactly, across currencies through the policy's rates.
import { formatMoney, parseMoney, type Money } from '../../rules/money';
import { checkedPath, isRecord, parseJsonPath, valueAt, valueAtData } from '../jsonPath';
import type { FunctionContext, FunctionOptions, RulesetFunction } from '../rulesetTypes';
import { show, unknownOptions } from './options';

const COMPARISONS = ['above', 'atLeast', 'below', 'atMost'] as const;
type Comparison = (typeof COMPARISONS)[number];
const WORDS: Record<Comparison, string> = { above: 'above', atLeast: 'at least', below: 'below', atMost: 'at most' };

/** Whether `amount` stands in `comparison` to `limit`. */
function compares(amount: Money, comparison: Comparison, limit: Money): boolean {
  switch (comparison) {
    case 'above':
      return amount > limit;
    case 'atLeast':
      return amount >= limit;
    case 'below':
      return amount < limit;
    case 'atMost':
      return amount <= limit;
  }
}

/** Checks `above`/`atLeast`/`below`/`atMost` and `currency` options, shared by `money` and `portfolio`. */
export function checkLimits(options: FunctionOptions, allowed: readonly string[], requireOne = true): string | undefined {
  const unknown = unknownOptions(options, allowed);
  if (unknown) return unknown;
  const given = COMPARISONS.filter((c) => options[c] !== undefined);
  if (requireOne && given.length === 0) return `give one of ${COMPARISONS.join(', ')}`;
  for (const c of given) if (parseMoney(options[c]) === undefined) return `"${c}" is an amount: a whole number or a decimal text such as "2000000.00"`;
  if (options.currency !== undefined && (typeof options.currency !== 'string' || !/^[A-Z]{3}$/.test(options.currency))) return '"currency" is an ISO 4217 code such as EUR';
  return undefined;
}

/**
 * The first limit the amount breaks, as a phrase, or undefined. Both sides are converted to the
 * base currency when their currencies differ.
 */
export function breakLimits(amount: Money, currency: string | undefined, options: FunctionOptions, context: FunctionContext, what: string): string | undefined {
  for (const comparison of COMPARISONS) {
    if (options[comparison] === undefined) continue;
    const limit = parseMoney(options[comparison])!;
    const limitCurrency = typeof options.currency === 'string' ? options.currency : currency;
    let left = amount;
    let right = limit;
    let converted = '';
    if (limitCurrency !== currency) {
      const a = context.toBase(amount, currency);
      const b = context.toBase(limit, limitCurrency);
      const problem = !a.ok ? a.reason : !b.ok ? b.reason : a.currency !== b.currency ? 'the policy names no baseCurrency to convert both to' : undefined;
      if (problem || !a.ok || !b.ok) return `${what} in ${currency ?? 'no currency'} cannot be compared with ${formatMoney(limit)} ${limitCurrency}: ${problem}`;
      left = a.amount;
      right = b.amount;
      converted = ` (${formatMoney(left)} ${a.currency} against ${formatMoney(right)} ${b.currency})`;
    }
    if (!compares(left, comparison, right)) {
      return `${what} ${formatMoney(amount)}${currency ? ` ${currency}` : ''} is not ${WORDS[comparison]} ${formatMoney(limit)}${limitCurrency ? ` ${limitCurrency}` : ''}${converted}`;
    }
  }
  return undefined;
}

/** The currency of an amount: `currencyPath` when given, else a `currency` beside it, else `$.budget.currency`. */
function currencyOf(options: FunctionOptions, context: FunctionContext): string | undefined {
  if (typeof options.currencyPath === 'string') {
    const parsed = parseJsonPath(options.currencyPath);
    const v = parsed.ok ? valueAt(parsed.path, context.root) : undefined;
    return typeof v === 'string' ? v : undefined;
  }
  const parent = valueAtData(context.root, context.at.slice(0, -1));
  if (isRecord(parent) && typeof parent.currency === 'string') return parent.currency;
  const budget = isRecord(context.root) && isRecord(context.root.budget) ? context.root.budget : undefined;
  return typeof budget?.currency === 'string' ? budget.currency : undefined;
}

export const money: RulesetFunction = {
  name: 'money',
  checkOptions: (options) => {
    if (options.currencyPath !== undefined && (typeof options.currencyPath !== 'string' || !parseJsonPath(options.currencyPath).ok)) return '"currencyPath" is a path such as "$.budget.currency"';
    return checkLimits(options, [...COMPARISONS, 'currency', 'currencyPath']);
  },
  evaluate: (value, options, context) => {
    if (value === undefined || value === null) return undefined;
    const amount = parseMoney(value);
    if (amount === undefined) return `${show(value)} is not an amount`;
    return breakLimits(amount, currencyOf(options, context), options, context, 'the amount');
  },
};

export const sumEquals: RulesetFunction = {
  name: 'sum-equals',
  checkOptions: (options) => {
    const unknown = unknownOptions(options, ['field', 'equals']);
    if (unknown) return unknown;
    if (typeof options.field !== 'string' || !/^[A-Za-z_][\w-]*$/.test(options.field)) return '"field" is the key of the amount in each item, such as "amount"';
    if (typeof options.equals === 'string' && options.equals.startsWith('$')) return !parseJsonPath(options.equals).ok ? '"equals" is an amount or a path such as "$.budget.approved"' : undefined;
    return parseMoney(options.equals) === undefined ? '"equals" is an amount or a path such as "$.budget.approved"' : undefined;
  },
  evaluate: (value, options, context) => {
    if (!Array.isArray(value)) return value === undefined ? undefined : `${show(value)} is not a list`;
    let target: unknown = options.equals;
    if (typeof target === 'string' && target.startsWith('$')) target = valueAt(checkedPath(target), context.root);
    const expected = parseMoney(target);
    if (expected === undefined) return undefined; // nothing to compare with: the schema reports a missing or bad amount
    let total = 0n;
    for (const item of value) {
      const amount = parseMoney(isRecord(item) ? item[options.field as string] : undefined);
      if (amount === undefined) return `an item has no amount in "${String(options.field)}"`;
      total += amount;
    }
    return total === expected ? undefined : `the ${String(options.field)}s add up to ${formatMoney(total)}, not ${formatMoney(expected)}`;
  },
};
