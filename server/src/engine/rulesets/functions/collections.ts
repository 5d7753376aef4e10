// `count` and `unique`: how many items a list has (optionally those matching a condition), and whether
// its items (or one field of each) are all different.
import { isRecord } from '../jsonPath';
import type { Check, RulesetFunction } from '../rulesetTypes';
import { isWholeNumber, show, unknownOptions } from './options';

export const count: RulesetFunction = {
  name: 'count',
  checkOptions: (options) => {
    const unknown = unknownOptions(options, ['min', 'max', 'where']);
    if (unknown) return unknown;
    if (options.min === undefined && options.max === undefined) return 'give "min", "max" or both';
    for (const key of ['min', 'max']) if (options[key] !== undefined && !isWholeNumber(options[key])) return `"${key}" is a whole number of 0 or more`;
    return undefined;
  },
  evaluate: (value, options, context) => {
    if (value !== undefined && value !== null && !Array.isArray(value) && !isRecord(value)) return `${show(value)} is not a list`;
    const items = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : isRecord(value) ? Object.entries(value) : [];
    const where = options.where as Check[] | undefined;
    const n = where ? items.filter(([key, item]) => where.every((check) => context.holds(check, item, context.root, [...context.at, key]))).length : items.length;
    const what = where ? 'matching items' : 'items';
    if (isWholeNumber(options.min) && n < options.min) return `it has ${n} ${what}, fewer than ${options.min}`;
    if (isWholeNumber(options.max) && n > options.max) return `it has ${n} ${what}, more than ${options.max}`;
    return undefined;
  },
};

export const unique: RulesetFunction = {
  name: 'unique',
  checkOptions: (options) =>
    unknownOptions(options, ['field']) ?? (options.field === undefined || (typeof options.field === 'string' && /^[A-Za-z_][\w-]*$/.test(options.field)) ? undefined : '"field" is the key compared in each item, such as "id"'),
  evaluate: (value, options) => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return `${show(value)} is not a list`;
    const field = options.field as string | undefined;
    const seen = new Set<string>();
    for (const item of value) {
      const v = field ? (isRecord(item) ? item[field] : undefined) : item;
      if (v === undefined) continue;
      const key = JSON.stringify(v);
      if (seen.has(key)) return `${field ? `${field} ` : ''}"${show(v)}" appears more than once`;
      seen.add(key);
    }
    return undefined;
  },
};
