// Small readers for function options, so each function says precisely which option is wrong.
import type { FunctionOptions } from '../rulesetTypes';

export function unknownOptions(options: FunctionOptions, allowed: readonly string[]): string | undefined {
  const extra = Object.keys(options).filter((k) => !allowed.includes(k));
  return extra.length > 0 ? `unknown option${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')} (allowed: ${allowed.join(', ') || 'none'})` : undefined;
}

export function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A value as messages show it: short, on one line. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** How many items a list has, keys a mapping has, or characters a text has. */
export function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}
