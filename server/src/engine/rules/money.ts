// Money without floats: amounts are whole numbers or decimal strings (the schemas' `$defs/money`), so sums and
// comparisons are done on scaled integers and never lose a cent.

/** An amount in millionths of the currency unit. */
export type Money = bigint;

const DECIMALS = 6;
const SCALE = 10n ** BigInt(DECIMALS);

/** Reads an integer, a decimal string (`"4.10"`) or a plain number; undefined for anything else. */
export function parseMoney(value: unknown): Money | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    text = Number.isInteger(value) ? BigInt(value).toString() : String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').slice(0, DECIMALS).padEnd(DECIMALS, '0');
  return BigInt(m[1]) * SCALE + BigInt(fraction);
}

/** `1234567.5` -> `1,234,567.50`; whole amounts without decimals. */
export function formatMoney(amount: Money): string {
  const whole = amount / SCALE;
  const fraction = amount % SCALE;
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (fraction === 0n) return grouped;
  const cents = fraction.toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${grouped}.${cents.length < 2 ? cents.padEnd(2, '0') : cents}`;
}

export function sumMoney(amounts: Iterable<Money>): Money {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

/** `part / whole x 100`, compared exactly with a percentage that may have decimals: -1, 0 or 1. */
export function comparePercent(part: Money, whole: Money, percent: number): number {
  const p = parseMoney(percent);
  if (p === undefined || whole === 0n) return 0;
  const left = part * 100n * SCALE;
  const right = p * whole;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A percentage for messages, with at most one decimal: `7.1`. */
export function percentOf(part: Money, whole: Money): string {
  if (whole === 0n) return '0';
  const tenths = (part * 1000n + whole / 2n) / whole;
  const text = (Number(tenths) / 10).toFixed(1);
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}
