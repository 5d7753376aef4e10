// How a value from a charter reaches the diff's Markdown: bounded in length, then through the one
// escaping helper for pull-request comments (no mention, no HTML, no link, no broken table).
import { pullRequestText } from '../../engine/utils/escape';

const MAX_CELL = 300;

export function md(value: string | number | undefined, max = MAX_CELL): string {
  if (value === undefined) return '';
  const text = String(value);
  return pullRequestText(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}
