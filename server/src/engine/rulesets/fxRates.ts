// Converting amounts to the policy's base currency for ruleset money checks: `policy.baseCurrency` and
// `policy.fxRates` (`{ GBP: 1.17 }`: one GBP is 1.17 of the base currency). Rates are exact decimals and
// products are scaled integers: no floating point touches money.
import { isRecord } from './jsonPath';

const RATE_DECIMALS = 12;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

export interface FxTable {
  base?: string;
  rates: Map<string, bigint>;
}

export function fxTableFrom(rawPolicy: unknown): FxTable {
  const policy = isRecord(rawPolicy) ? rawPolicy : {};
  const base = typeof policy.baseCurrency === 'string' && /^[A-Z]{3}$/.test(policy.baseCurrency) ? policy.baseCurrency : undefined;
  const rates = new Map<string, bigint>();
  if (isRecord(policy.fxRates)) {
    for (const [currency, raw] of Object.entries(policy.fxRates)) {
      const rate = parseRate(raw);
      if (/^[A-Z]{3}$/.test(currency) && rate !== undefined) rates.set(currency, rate);
    }
  }
  return { base, rates };
}

function parseRate(value: unknown): bigint | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) && value > 0 ? String(value) : typeof value === 'string' ? value.trim() : '';
  const m = /^(\d+)(?:\.(\d{1,12}))?$/.exec(text);
  if (!m) return undefined;
  const rate = BigInt(m[1]) * RATE_SCALE + BigInt((m[2] ?? '').padEnd(RATE_DECIMALS, '0'));
  return rate > 0n ? rate : undefined;
}

/** The amount in the base currency (rounded half up to the millionth); a phrase when it cannot be converted. */
export function toBaseCurrency(table: FxTable, amount: bigint, currency: string | undefined): { amount: bigint; currency: string } | string {
  if (!currency) return 'the amount names no currency';
  if (!table.base || currency === table.base) return { amount, currency };
  const rate = table.rates.get(currency);
  if (rate === undefined) return `the policy has no exchange rate from ${currency} to ${table.base} (policy.fxRates.${currency})`;
  return { amount: (amount * rate + RATE_SCALE / 2n) / RATE_SCALE, currency: table.base };
}
