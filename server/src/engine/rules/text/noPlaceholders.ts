import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { DOCUMENT_KINDS } from '../../model/documentKinds';
import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

/** Words people write while they still have to find out. */
const WORDS = 'TBD|TBC|TBA|TODO|FIXME';
/** The whole (trimmed) value is the word (any case), perhaps with a full stop or question mark: `TBD`, `tbc?`. */
const WHOLE_WORD = new RegExp(`^(${WORDS})[.!?]*$`, 'i');
/**
 * The word used as a marker inside longer text: `TODO: confirm dates`, `Owner (TBD)`, `Go-live: TBD`.
 * In capitals unless a colon follows it; never glued to a hyphen, digit or letter, so ids (`todo-app`),
 * keys (`TODO-123`) and titles that merely start with the word (`TODO list app`) are not flagged.
 */
const MARKERS = [
  new RegExp(`(?:^|[\\s(\\[;,.])(${WORDS}):(?:\\s|$)`, 'i'),
  new RegExp(`[(\\[](${WORDS})[)\\]]`),
];
/** The last word of a value (after trailing punctuation is cut off), in capitals after a separator. */
const LAST_WORD = new RegExp(`[\\s:;,](${WORDS})$`);
/** `<describe the benefit>`, `<...>`; not a comparison such as "<5 ms" nor an address `<a@b.org>`. */
const ANGLE_PLACEHOLDER = /<[A-Za-z.…](?:[^<>\n]*[^\s<>])?>/;
/** A (trimmed) value that is nothing but an ellipsis or question marks. */
const EMPTY_STAND_IN = /^(\.{3}|…|\?+|-)$/;
const MAX_DEPTH = 100;
/** Longer text is looked at only this far: bounded work on hostile input. */
const MAX_SCAN = 10_000;

export function placeholderIn(value: string): string | undefined {
  const text = value.length > MAX_SCAN ? value.slice(0, MAX_SCAN) : value;
  // Trimmed by hand, not by a regex: no backtracking on long runs of spaces in hostile input.
  const trimmed = text.trim();
  const whole = WHOLE_WORD.exec(trimmed);
  if (whole) return whole[1];
  for (const marker of MARKERS) {
    const found = marker.exec(text);
    if (found) return found[1];
  }
  let end = trimmed.length;
  while (end > 0 && '.!?'.includes(trimmed[end - 1])) end--;
  const last = LAST_WORD.exec(trimmed.slice(Math.max(0, end - 8), end));
  if (last) return last[1];
  const angle = ANGLE_PLACEHOLDER.exec(text);
  if (angle && !/@|:\/\//.test(angle[0])) return angle[0];
  if (EMPTY_STAND_IN.test(trimmed)) return trimmed;
  return undefined;
}

export const noPlaceholders = documentRule({
  id: 'text/no-placeholders',
  scope: 'document',
  severity: 'warning',
  summary: 'No value is a placeholder such as TBD, TODO, <...> or "...".',
  docs: docsFor('text/no-placeholders'),
  kinds: DOCUMENT_KINDS,
  messages: {
    placeholder: '"{{found}}" is a placeholder. Write the real content, or leave the field out until it is known.',
  },
  check({ document, report }) {
    const lines = document.file.lines;
    const visit = (node: unknown, depth: number): void => {
      if (!node || depth > MAX_DEPTH) return;
      if (isMap(node)) {
        for (const pair of node.items) if (isPair(pair)) visit(pair.value, depth + 1);
      } else if (isSeq(node)) {
        for (const item of node.items) visit(item, depth + 1);
      } else if (isScalar(node) && typeof node.value === 'string' && (node as Node).range) {
        const found = placeholderIn(node.value);
        if (!found) return;
        const [start, end] = (node as Node).range!;
        report(lines.rangeOf(start, end), { messageId: 'placeholder', data: { found } });
      }
    };
    visit(document.doc.yaml.contents, 0);
  },
});
