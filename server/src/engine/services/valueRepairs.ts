// The common ways people misspell a value the schema rejects (`50%` for 50, `eur` for EUR, `€850k` or
// `1,500,000` for an amount), turned into the value they meant. A repair is offered only when exactly
// one reading passes the schema at that spot, so a fix made from it never guesses.
import type { DataPath } from '../utils/yamlNodes';

/** Longer values are not a spelling of a number or a code; they are left alone. */
const MAX_LENGTH = 40;
const CURRENCY_SIGNS = /^[€$£¥₹]|[€$£¥₹]$/g;
const MULTIPLIERS: Record<string, bigint> = { k: 1_000n, m: 1_000_000n, mn: 1_000_000n, bn: 1_000_000_000n };

/** What `value` was probably meant to be, each candidate a different value; the caller keeps those the schema accepts. */
export function candidateSpellings(value: unknown): unknown[] {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return [];
  const text = value.trim();
  const out: unknown[] = [];
  const percent = /^(\d{1,3})\s*%$/.exec(text);
  if (percent) out.push(Number(percent[1]));
  if (/^[A-Za-z]{2,4}$/.test(text) && text.toUpperCase() !== text) out.push(text.toUpperCase());
  const amount = plainAmount(text);
  if (amount !== undefined) out.push(...amount);
  return unique(out).filter((v) => v !== value);
}

/** `€850k` -> 850000, `1,500,000` -> 1500000, `850 000` -> 850000, `1,250.50` -> "1250.50"; undefined when it is not clearly one amount. */
function plainAmount(text: string): unknown[] | undefined {
  let t = text.replace(CURRENCY_SIGNS, '').replace(/^(EUR|USD|GBP|CHF)\s*|\s*(EUR|USD|GBP|CHF)$/i, '').trim();
  const marked = t !== text;
  let multiplier = 1n;
  const suffix = /^(.*\d)\s*(k|m|mn|bn)$/i.exec(t);
  if (suffix) {
    multiplier = MULTIPLIERS[suffix[2].toLowerCase()];
    t = suffix[1];
  }
  // Thousands grouped by commas, spaces (also no-break ones) or apostrophes, optionally with decimals after a point.
  let m = /^(\d{1,3}(?:[, \u00a0\u202f'](\d{3}))+)(?:\.(\d+))?$/.exec(t);
  let whole: string | undefined;
  let fraction = '';
  if (m && consistentSeparators(m[1])) {
    whole = m[1].replace(/\D/g, '');
    fraction = m[3] ?? '';
  } else if ((m = /^(\d{1,3}(?:\.\d{3}){2,})$/.exec(t))) {
    whole = m[1].replace(/\./g, ''); // 1.500.000: more than one point can only be grouping
  } else if ((multiplier !== 1n || marked) && (m = /^(\d+)(?:\.(\d+))?$/.exec(t))) {
    whole = m[1];
    fraction = m[2] ?? '';
  } else return undefined;
  if (multiplier !== 1n) {
    const scale = 10n ** BigInt(fraction.length);
    const scaled = (BigInt(whole) * scale + BigInt(fraction || '0')) * multiplier;
    if (scaled % scale !== 0n) return undefined;
    return [asAmount((scaled / scale).toString(), '')];
  }
  if (text === whole) return undefined;
  return [asAmount(whole, fraction)];
}

function consistentSeparators(grouped: string): boolean {
  return new Set(grouped.replace(/\d/g, '')).size === 1;
}

/** A whole amount as a number when it is exact in JavaScript, else (and for decimals) as a decimal string. */
function asAmount(whole: string, fraction: string): unknown {
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (fraction) return `${digits}.${fraction}`;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : digits;
}

function unique(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = `${typeof v}:${String(v)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The one value among `candidates` that `accepts`; undefined when none or several do. */
const SIGN_CURRENCY: Record<string, string> = { '€': 'EUR', '$': 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

/** The currency a written amount names (`€850k`, `USD 1,500,000`), to compare with the budget's; undefined when none. */
export function markedCurrency(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/\d/.test(value)) return undefined; // an amount, not a currency code
  const text = value.trim();
  const sign = /^[€$£¥₹]|[€$£¥₹]$/.exec(text);
  if (sign) return SIGN_CURRENCY[sign[0]];
  return /^(EUR|USD|GBP|CHF)\b|\b(EUR|USD|GBP|CHF)$/i.exec(text)?.slice(1).find(Boolean)?.toUpperCase();
}

export function onlyAccepted(candidates: unknown[], accepts: (candidate: unknown) => boolean): unknown {
  const accepted = candidates.filter(accepts);
  return accepted.length === 1 ? accepted[0] : undefined;
}

/** The YAML text for a repaired value: a number as digits, text plain when YAML reads it back as the same text, else in double quotes. */
export function yamlScalarText(value: unknown, quote?: '"' | "'"): string {
  if (typeof value === 'number') return String(value);
  const text = String(value);
  if (quote === "'") return `'${text.replace(/'/g, "''")}'`;
  if (quote === '"' || !/^[A-Za-z][A-Za-z0-9 ._/-]*$/.test(text) || /^(true|false|null|yes|no|on|off|y|n)$/i.test(text)) return JSON.stringify(text);
  return text;
}

/** A copy of `root` with `candidate` at `path`; undefined when the path is not there. */
export function replaceAt(root: unknown, path: DataPath, candidate: unknown): unknown {
  if (path.length === 0) return candidate;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: unknown = copy;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (node === null || typeof node !== 'object') return undefined;
  (node as Record<string | number, unknown>)[path[path.length - 1]] = candidate;
  return copy;
}
