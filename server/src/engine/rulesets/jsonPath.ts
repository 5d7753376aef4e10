// The path expressions a ruleset's `given` (and a function's `path` option) are written in: a small,
// safe subset of JSONPath. `$` is the document, `.key` or `['key']` a mapping key, `[n]` a list item,
// `[*]` or `.*` every item or value. Nothing else: no filters, no scripts, no recursion.
import type { DataPath } from '../utils/yamlNodes';
import { fail, succeed, type Result } from '../utils/result';

export type PathStep = { key: string } | { index: number } | { wildcard: true };

export interface JsonPath {
  text: string;
  steps: PathStep[];
  /** True when the path has no wildcard: it names one place, which may be absent. */
  definite: boolean;
}

export interface PathMatch {
  path: DataPath;
  /** Undefined when a definite path names a place the document does not have. */
  value: unknown;
}

/** Paths longer than this are refused: a path is a short address, not a program. */
const MAX_PATH_LENGTH = 500;
/** A wildcard path over hostile data visits at most this many places. */
const MAX_MATCHES = 10_000;

/** Reads a path, or says what is wrong with it. `@` is accepted for `$` (relative to a node). */
export function parseJsonPath(text: string): Result<{ path: JsonPath }> {
  if (typeof text !== 'string' || text.length === 0) return fail('a path is a text such as "$.budget.approved"');
  if (text.length > MAX_PATH_LENGTH) return fail(`a path has at most ${MAX_PATH_LENGTH} characters`);
  if (text[0] !== '$' && text[0] !== '@') return fail(`"${text}" does not start with "$" (the document)`);
  const steps: PathStep[] = [];
  let i = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (text[i + 1] === '*') {
        steps.push({ wildcard: true });
        i += 2;
        continue;
      }
      const m = /^[A-Za-z_$][\w$-]*/.exec(text.slice(i + 1));
      if (!m) return fail(`"${text}" has a "." at character ${i + 1} without a key name after it`);
      steps.push({ key: m[0] });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const rest = text.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\[\*\]/.exec(rest))) steps.push({ wildcard: true });
      else if ((m = /^\[(0|[1-9]\d{0,6})\]/.exec(rest))) steps.push({ index: Number(m[1]) });
      else if ((m = /^\['([^'\\]*)'\]/.exec(rest)) || (m = /^\["([^"\\]*)"\]/.exec(rest))) steps.push({ key: m[1] });
      else return fail(`"${text}" has a bracket at character ${i + 1} that is not [*], [n] or ['key'] (filters and scripts are not supported)`);
      i += m[0].length;
    } else {
      return fail(`"${text}" has "${c}" at character ${i + 1} where "." or "[" was expected`);
    }
  }
  return succeed({ path: { text, steps, definite: steps.every((s) => !('wildcard' in s)) } });
}

/** A path from options checked when the ruleset loaded (`checkOptions`): one that does not parse is a bug here. */
export function checkedPath(text: string): JsonPath {
  const parsed = parseJsonPath(text);
  if (!parsed.ok) throw new Error(`unchecked ruleset path: ${parsed.reason}`);
  return parsed.path;
}

/** Every place the path reaches in `value`, in document order; a definite path always yields its one place. */
export function evaluatePath(path: JsonPath, value: unknown, base: DataPath = []): PathMatch[] {
  let current: PathMatch[] = [{ path: base, value }];
  for (const step of path.steps) {
    const next: PathMatch[] = [];
    for (const match of current) {
      const v = match.value;
      if ('key' in step) {
        const child = isRecord(v) && Object.prototype.hasOwnProperty.call(v, step.key) ? v[step.key] : undefined;
        if (child !== undefined || path.definite) next.push({ path: [...match.path, step.key], value: child });
      } else if ('index' in step) {
        const child = Array.isArray(v) ? v[step.index] : undefined;
        if (child !== undefined || path.definite) next.push({ path: [...match.path, step.index], value: child });
      } else if (Array.isArray(v)) {
        v.forEach((item, index) => next.push({ path: [...match.path, index], value: item }));
      } else if (isRecord(v)) {
        for (const [key, item] of Object.entries(v)) next.push({ path: [...match.path, key], value: item });
      }
      if (next.length > MAX_MATCHES) return next.slice(0, MAX_MATCHES);
    }
    current = next;
  }
  return current;
}

/** The value at a definite path, or the first match of a wildcard one. */
export function valueAt(path: JsonPath, value: unknown): unknown {
  return evaluatePath(path, value)[0]?.value;
}

/** `$.risks[0].owner` for a data path, as messages show it. */
export function formatPath(path: DataPath): string {
  return `$${path.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `['${s}']`)).join('')}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The value at a data path (`['budget', 'currency']`), or undefined. */
export function valueAtData(root: unknown, path: DataPath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
    else node = isRecord(node) && Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}
