// The function library a ruleset may call: fixed, pure, documented in docs/rulesets.md. A ruleset names
// functions; it never brings its own.
import type { RulesetFunction } from '../rulesetTypes';
import { count, unique } from './collections';
import { date } from './dates';
import { money, sumEquals } from './money';
import { defined, notDefined, truthy } from './presence';
import { enumeration, length, pattern } from './text';
import { portfolio, references } from './workspace';

export const FUNCTIONS: ReadonlyMap<string, RulesetFunction> = new Map(
  [defined, notDefined, truthy, pattern, enumeration, length, money, date, count, unique, sumEquals, references, portfolio].map((f) => [f.name, f]),
);

/** Functions whose options hold a nested condition (`where`), read as a check when the ruleset loads. */
export const NESTED_CONDITION = new Set(['count', 'portfolio']);
