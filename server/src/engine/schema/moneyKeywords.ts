// `moneyMinimum` / `moneyMaximum`: bounds for amounts that a charter may write as a number (`5500000`)
// or a decimal string (`"5500000.00"`). JSON Schema's `minimum` ignores strings, so a PMO threshold
// written with it lets `"5500000.00"` through; these compare both forms exactly, as scaled integers.
import type Ajv from 'ajv';
import { formatMoney, parseMoney } from '../rules/money';

const MONEY_KEYWORDS = ['moneyMinimum', 'moneyMaximum'] as const;
export type MoneyKeyword = (typeof MONEY_KEYWORDS)[number];

/** The bound itself: a non-negative number or decimal string, checked when the schema is compiled. */
const BOUND_SCHEMA = {
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' },
  ],
};

export function addMoneyKeywords(ajv: Ajv): void {
  for (const keyword of MONEY_KEYWORDS) {
    ajv.addKeyword({
      keyword,
      schemaType: ['number', 'string'],
      metaSchema: BOUND_SCHEMA,
      errors: true,
      compile(bound: number | string, parentSchema: Record<string, unknown>) {
        const limit = parseMoney(bound);
        const check = (data: unknown): boolean => {
          // Not an amount at all: `type`/`pattern` say so; a bound has nothing to compare.
          const amount = parseMoney(data);
          if (amount === undefined || limit === undefined) return true;
          const ok = keyword === 'moneyMinimum' ? amount >= limit : amount <= limit;
          // parentSchema carries x-rule / x-severity / x-docs; ajv adds it only for its own keywords.
          if (!ok) check.errors = [{ keyword, parentSchema, params: { limit: formatMoney(limit), comparison: keyword === 'moneyMinimum' ? '>=' : '<=' } }];
          return ok;
        };
        check.errors = null as unknown;
        return check as never;
      },
    });
  }
}
