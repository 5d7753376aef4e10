// `pattern`, `enum`, `length`: the form of a value.
import { linearRegExp, type LinearRegExp } from '../../schema/linearRegExp';
import type { RulesetFunction } from '../rulesetTypes';
import { isWholeNumber, show, sizeOf, unknownOptions } from './options';
import { fail, succeed, type Result } from '../../utils/result';

/** A pattern is a short expression; a value longer than this is checked on its first part only. */
const MAX_PATTERN_LENGTH = 1000;
const MAX_SUBJECT_LENGTH = 10_000;

/**
 * Patterns run on the same linear-time engine as schema patterns (`schema/linearRegExp.ts`), so a
 * ruleset cannot hang the editor with a catastrophic backtracking pattern, and a pattern means the same
 * in a ruleset as in a schema. What that engine cannot run is refused when the ruleset loads.
 */
function compilePattern(source: string): Result<{ re: LinearRegExp }> {
  if (source.length > MAX_PATTERN_LENGTH) return fail(`the pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  try {
    return succeed({ re: linearRegExp(source, 'u') });
  } catch (e) {
    return fail((e as Error).message); // names the pattern and why: lookaround, backreferences, or what the engine cannot read
  }
}

export const pattern: RulesetFunction = {
  name: 'pattern',
  checkOptions: (options) => {
    const unknown = unknownOptions(options, ['match', 'notMatch']);
    if (unknown) return unknown;
    if (options.match === undefined && options.notMatch === undefined) return 'give "match" or "notMatch" (a regular expression)';
    for (const key of ['match', 'notMatch'] as const) {
      const source = options[key];
      if (source === undefined) continue;
      if (typeof source !== 'string') return `"${key}" is a regular expression written as a text`;
      const compiled = compilePattern(source);
      if (!compiled.ok) return compiled.reason;
    }
    return undefined;
  },
  evaluate: (value, options) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return `${show(value)} is not a text`;
    const subject = String(value).slice(0, MAX_SUBJECT_LENGTH);
    if (typeof options.match === 'string') {
      const compiled = compilePattern(options.match);
      if (compiled.ok && !compiled.re.test(subject)) return `"${show(value)}" does not match ${options.match}`;
    }
    if (typeof options.notMatch === 'string') {
      const compiled = compilePattern(options.notMatch);
      if (compiled.ok && compiled.re.test(subject)) return `"${show(value)}" matches ${options.notMatch}, which is not allowed`;
    }
    return undefined;
  },
};

export const enumeration: RulesetFunction = {
  name: 'enum',
  checkOptions: (options) => unknownOptions(options, ['values']) ?? (Array.isArray(options.values) && options.values.length > 0 ? undefined : '"values" is a non-empty list'),
  evaluate: (value, options) => {
    if (value === undefined) return undefined;
    const values = options.values as unknown[];
    return values.some((v) => v === value) ? undefined : `"${show(value)}" is not one of ${values.map((v) => show(v)).join(', ')}`;
  },
};

/** Characters of a text, items of a list, keys of a mapping. */
export const length: RulesetFunction = {
  name: 'length',
  checkOptions: (options) => {
    const unknown = unknownOptions(options, ['min', 'max']);
    if (unknown) return unknown;
    if (options.min === undefined && options.max === undefined) return 'give "min", "max" or both';
    for (const key of ['min', 'max']) if (options[key] !== undefined && !isWholeNumber(options[key])) return `"${key}" is a whole number of 0 or more`;
    return undefined;
  },
  evaluate: (value, options) => {
    if (value === undefined || value === null) return undefined;
    const size = sizeOf(value);
    if (size === undefined) return `${show(value)} has no length`;
    const unit = typeof value === 'string' ? 'characters' : Array.isArray(value) ? 'items' : 'entries';
    if (isWholeNumber(options.min) && size < options.min) return `it has ${size} ${unit}, fewer than ${options.min}`;
    if (isWholeNumber(options.max) && size > options.max) return `it has ${size} ${unit}, more than ${options.max}`;
    return undefined;
  },
};
