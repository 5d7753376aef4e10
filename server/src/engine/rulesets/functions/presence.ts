// `defined`, `undefined`, `truthy`: whether a field is there, absent, or filled in.
import type { RulesetFunction } from '../rulesetTypes';
import { unknownOptions } from './options';

export const defined: RulesetFunction = {
  name: 'defined',
  checkOptions: (options) => unknownOptions(options, []),
  evaluate: (value) => (value === undefined || value === null ? 'it is missing' : undefined),
};

export const notDefined: RulesetFunction = {
  name: 'undefined',
  checkOptions: (options) => unknownOptions(options, []),
  evaluate: (value) => (value === undefined ? undefined : 'it is present'),
};

/** Filled in: not missing, null, false, 0, an empty text, an empty list or an empty mapping. */
export const truthy: RulesetFunction = {
  name: 'truthy',
  checkOptions: (options) => unknownOptions(options, []),
  evaluate: (value) => {
    if (value === undefined || value === null) return 'it is missing';
    if (value === false || value === 0) return `it is ${String(value)}`;
    if (typeof value === 'string' && value.trim() === '') return 'it is empty';
    if (Array.isArray(value) && value.length === 0) return 'it is an empty list';
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return 'it is empty';
    return undefined;
  },
};
