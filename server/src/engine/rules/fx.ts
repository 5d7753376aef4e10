// Money across currencies. The policy names a base currency and the rate of each other currency to it
// (`fxRates: { asOf: 2027-01-31, GBP: 1.17, JPY: 0.0062 }`: one GBP is 1.17 of the base currency).
// Thresholds, caps and envelopes are compared in the base currency. Rates are read as exact decimals
// and amounts multiplied as scaled integers: no floating point touches money.
import { formatMoney, type Money } from './money';
import type { Policy } from './policy';
import type { Result } from '../utils/result';

/** The decimals a rate may have; more are a reason the rate cannot be used, not a silent rounding. */
const RATE_DECIMALS = 12;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

/** A rate as an exact decimal: `value / 10^12` units of the base currency for one unit. */
export type FxRate = bigint;

export interface FxPolicy {
  /** ISO 4217 code of the currency thresholds, caps and envelopes are compared in; undefined: each project's own. */
  baseCurrency?: string;
  /** Currency code -> rate to the base currency. */
  fxRates: Record<string, FxRate>;
  /** The day the rates were taken, `YYYY-MM-DD`, shown with converted amounts. */
  fxAsOf?: string;
}

export type Conversion = Result<{ amount: Money; currency: string; rate?: FxRate }>;

/**
 * Reads a rate: a positive number or decimal string with at most 12 decimals (`1.17`, `"0.0062"`).
 * Undefined for anything else (zero, negative, exponent notation, too many decimals).
 */
export function parseRate(value: unknown): FxRate | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    text = String(value);
  } else if (typeof value === 'string') text = value.trim();
  else return undefined;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m || (m[2] ?? '').length > RATE_DECIMALS) return undefined;
  const rate = BigInt(m[1]) * RATE_SCALE + BigInt((m[2] ?? '').padEnd(RATE_DECIMALS, '0'));
  return rate > 0n ? rate : undefined;
}

/**
 * `amount` of `currency` in the policy's base currency, rounded half up to the millionth (the precision
 * of Money). Without a base currency, amounts stay in their own currency (a single-currency PMO).
 * When it cannot convert, says why in a sentence a message can use.
 */
export function toBaseCurrency(amount: Money, currency: string | undefined, policy: FxPolicy | Policy): Conversion {
  const base = policy.baseCurrency;
  if (!currency) return { ok: false, reason: 'the budget names no currency' };
  if (!base || currency === base) return { ok: true, amount, currency };
  const rate = policy.fxRates[currency];
  if (rate === undefined) return { ok: false, reason: `the policy has no exchange rate from ${currency} to ${base} (policy.fxRates.${currency})` };
  return { ok: true, amount: (amount * rate + RATE_SCALE / 2n) / RATE_SCALE, currency: base, rate };
}

/**
 * The currency a set of amounts is compared in: their own when they share one, else the policy's base
 * currency; undefined when they differ and the policy names no base (then only like is compared with like).
 */
export function comparisonCurrency(currencies: Array<string | undefined>, policy: FxPolicy | Policy): string | undefined {
  const distinct = new Set(currencies);
  if (distinct.size === 1 && currencies[0]) return currencies[0];
  return policy.baseCurrency;
}

/**
 * `amount` of `from` expressed in `to`, where `to` is `from` itself or the base currency (what
 * `comparisonCurrency` picks); undefined when it cannot be converted.
 */
export function inCurrency(amount: Money, from: string | undefined, to: string, policy: FxPolicy | Policy): Money | undefined {
  if (from === to) return amount;
  if (to !== policy.baseCurrency) return undefined;
  const converted = toBaseCurrency(amount, from, policy);
  return converted.ok ? converted.amount : undefined;
}

/** Whether an amount in `from` can be compared with one in `to` under the policy. */
export function canCompare(from: string | undefined, to: string, policy: FxPolicy | Policy): boolean {
  if (from === to) return true;
  const base = policy.baseCurrency;
  const known = (c: string | undefined) => !!c && (c === base || policy.fxRates[c] !== undefined);
  return !!base && known(from) && known(to);
}

/** `1.17`: a rate for messages, without trailing zeros. */
export function formatRate(rate: FxRate): string {
  const whole = rate / RATE_SCALE;
  const fraction = (rate % RATE_SCALE).toString().padStart(RATE_DECIMALS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/**
 * An amount as messages show it: `30,000,000 JPY`, and when it was converted, both amounts
 * (`30,000,000 JPY = 186,000 EUR at 0.0062 as of 2027-01-31`).
 */
export function describeAmount(amount: Money, currency: string | undefined, policy: FxPolicy | Policy): string {
  const own = `${formatMoney(amount)}${currency ? ` ${currency}` : ''}`;
  const converted = toBaseCurrency(amount, currency, policy);
  if (!converted.ok || converted.rate === undefined) return own;
  return `${own} = ${formatMoney(converted.amount)} ${converted.currency} at ${formatRate(converted.rate)}${policy.fxAsOf ? ` as of ${policy.fxAsOf}` : ''}`;
}
