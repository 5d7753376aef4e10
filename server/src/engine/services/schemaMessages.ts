// Words for the parts of a charter that findings talk about.
import type { ParsedDocument } from '../parser/charterParser';
import type { DataPath } from '../utils/yamlNodes';

/** `status`, `budget.approved`, `each item of tags`, `milestones item 2 date` -> reads naturally in a sentence. */
export function describeField(path: DataPath): string {
  if (path.length === 0) return 'The document';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const owner = path[path.length - 2];
    return typeof owner === 'string' ? `Item ${last + 1} of ${owner}` : `Item ${last + 1}`;
  }
  return last;
}

/** Names the mapping a missing property belongs to. */
export function describeOwner(path: DataPath, doc: ParsedDocument): string {
  if (path.length === 0) {
    const kind = (doc.value as { kind?: unknown } | null)?.kind;
    return typeof kind === 'string' && /^[A-Za-z]+$/.test(kind) ? `This ${kind.toLowerCase()}` : 'This document';
  }
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const owner = path[path.length - 2];
    return typeof owner === 'string' ? `Item ${last + 1} of ${owner}` : `Item ${last + 1}`;
  }
  return `"${last}"`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'empty',
};

export function describeType(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value} with decimals`;
  if (typeof value === 'boolean') return String(value);
  const text = String(value);
  return `"${text.length > 40 ? text.slice(0, 37) + '...' : text}"`;
}

export function listExpected(keys: string[]): string {
  if (keys.length === 0) return 'no properties';
  const shown = keys.slice(0, 12);
  return shown.join(', ') + (keys.length > shown.length ? ', ...' : '');
}

/** Schema text quoted in a message is cut here: a hostile schema cannot flood the problems panel. */
const MAX_QUOTED = 200;

export function clip(text: string, max = MAX_QUOTED): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * A `pattern` failure in words: what the value should look like (the schema's description of it) and an
 * example, never the regular expression itself. `schemas` are the failing subschema, then the others
 * that apply at the spot (a property's own words before its `$ref`'s).
 */
export function patternMessage(path: DataPath, data: unknown, pattern: string, schemas: unknown[]): string {
  const objects = schemas.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
  const field = describeField(path);
  const placeholder = typeof data === 'string' && PLACEHOLDER_VALUE.test(data);
  const example = objects
    .flatMap((s) => (Array.isArray(s.examples) ? s.examples : []))
    .find((e) => (typeof e === 'string' || typeof e === 'number') && String(e).length <= MAX_QUOTED);
  // A description that spells out the regex itself would put it in front of the user after all.
  const description = objects
    .map((s) => s.description)
    .find((d): d is string => typeof d === 'string' && d.trim() !== '' && !d.includes(pattern) && !looksLikeRegex(d));
  let message = placeholder
    ? `${field} is still a placeholder (${describeValue(data)}). Write the real value.`
    : `${field} ${describeValue(data)} is not written the expected way.`;
  if (description) message += ` ${clip(sentence(description))}`;
  if (example !== undefined && !description?.includes(String(example))) message += ` For example: ${clip(String(example))}.`;
  if (!description && example === undefined) message += ` Check how your organisation writes ${field}: the schema does not describe it.`;
  return message;
}

/** A value that only stands in for one: `<manager>`, `TBD`, `TODO`, `...`. */
const PLACEHOLDER_VALUE = /^\s*(<[^<>]*>|TBD|TBC|TBA|TODO|FIXME|\.\.\.|…|\?+)\s*$/i;

function looksLikeRegex(text: string): boolean {
  return /\^\[|\[[^\]]*\]\{|\\d|\(\?:|\$\s*$/.test(text);
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The message of a keyword that bounds a number, a length or a list; undefined for any other keyword. */
export function limitMessage(keyword: string, field: string, params: Record<string, unknown>): string | undefined {
  const limit = String(params.limit);
  const items = `item${Number(params.limit) === 1 ? '' : 's'}`;
  switch (keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };
      return `${field} must be ${words[String(params.comparison)] ?? String(params.comparison)} ${limit}.`;
    }
    case 'moneyMinimum':
    case 'moneyMaximum':
      return `${field} must be ${keyword === 'moneyMinimum' ? 'at least' : 'at most'} ${limit}.`;
    case 'minLength':
      return Number(params.limit) === 1 ? `${field} must not be empty.` : `${field} must be at least ${limit} characters long.`;
    case 'maxLength':
      return `${field} must be at most ${limit} characters long.`;
    case 'minItems':
      return `${field} must list at least ${limit} ${items}.`;
    case 'maxItems':
      return `${field} must list at most ${limit} ${items}.`;
    case 'uniqueItems':
      return `${field} lists the same item twice (items ${Number(params.j) + 1} and ${Number(params.i) + 1}). Remove one.`;
    default:
      return undefined;
  }
}

export function typeMessage(path: DataPath, expected: string[], data: unknown): string {
  const wanted = expected.map(describeType);
  let message = `${describeField(path)} must be ${wanted.length > 1 ? wanted.slice(0, -1).join(', ') + ' or ' + wanted[wanted.length - 1] : wanted[0]}, not ${describeValue(data)}.`;
  if (typeof data === 'number' && !Number.isInteger(data) && expected.includes('integer') && expected.includes('string')) {
    message += ` Write an amount as a whole number, or as a decimal string in quotes ("${String(data)}").`;
  }
  if (path.length === 0 && Array.isArray(data)) message = `A charter document must be a mapping of keys to values (apiVersion: ..., kind: ...), not a list.`;
  return message;
}
