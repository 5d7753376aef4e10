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
