// The values metrics are made of: signed amounts of money and exact ratios. Variances go negative, so
// they need a sign money.ts (amounts in a charter are never negative) does not give them. Ratios keep
// numerator and denominator so a threshold is compared exactly, and are rounded only to be shown.
import { formatMoney, parseMoney, type Money } from '../rules/money';

/** A metric's value, or `null` with the reason it could not be computed ("not enough data"). */
export type Metric<T> = { value: T; reason?: undefined } | { value: null; reason: string };

export function known<T>(value: T): Metric<T> {
  return { value };
}

export function unknown<T>(reason: string): Metric<T> {
  return { value: null, reason };
}

/** `numerator / denominator`, both in millionths; the denominator is never zero. */
export interface Ratio {
  numerator: Money;
  denominator: Money;
}

/** `-12,500.50` for a negative amount, `12,500.50` otherwise. */
export function formatSignedMoney(amount: Money): string {
  return amount < 0n ? `-${formatMoney(-amount)}` : formatMoney(amount);
}

/** An amount rounded half up (away from zero) to the cent, for what people read; sums stay exact. */
export function roundToCents(amount: Money): Money {
  const CENT = 10_000n;
  const magnitude = ((amount < 0n ? -amount : amount) + CENT / 2n) / CENT * CENT;
  return amount < 0n ? -magnitude : magnitude;
}

/** A signed amount as a plain decimal string without grouping (`-12500.5`), for JSON and CSV. */
export function moneyText(amount: Money): string {
  return formatSignedMoney(amount).replace(/,/g, '');
}

/**
 * The ratio cut (not rounded) to `decimals` places, as a number for charts and JSON: a CPI of 0.8996
 * shows as 0.89, so a ratio below a threshold never shows as equal to it.
 */
export function ratioValue(ratio: Ratio, decimals = 2): number {
  const scale = 10n ** BigInt(decimals);
  const negative = ratio.numerator < 0n !== ratio.denominator < 0n;
  const cut = (abs(ratio.numerator) * scale) / abs(ratio.denominator);
  return (negative ? -1 : 1) * (Number(cut) / Number(scale));
}

/** `0.89`: a ratio for messages, always with two decimals. */
export function formatRatio(ratio: Ratio): string {
  return ratioValue(ratio).toFixed(2);
}

/**
 * Compares a ratio exactly with a threshold written as a number or decimal string (`0.9`): -1, 0 or 1.
 * or already read as millionths (a policy threshold). Undefined when it is not a non-negative decimal.
 */
export function compareRatio(ratio: Ratio, threshold: unknown): -1 | 0 | 1 | undefined {
  const t = typeof threshold === 'bigint' ? threshold : parseMoney(threshold);
  if (t === undefined) return undefined;
  // numerator / denominator vs t / 10^6, with the denominator positive.
  const SCALE = 1_000_000n;
  const sign = ratio.denominator < 0n ? -1n : 1n;
  const left = ratio.numerator * sign * SCALE;
  const right = t * abs(ratio.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}
