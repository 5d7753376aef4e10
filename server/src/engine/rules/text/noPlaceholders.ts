import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { docsFor } from '../../utils/docs';
import type { DocumentRule } from '../ruleTypes';

/** Words people write while they still have to find out. */
const PLACEHOLDER_WORD = /\b(TBD|TBC|TODO|FIXME)\b/i;
/** `<describe the benefit>`, `<...>`; not a comparison such as "<5 ms" nor an address `<a@b.org>`. */
const ANGLE_PLACEHOLDER = /<[A-Za-z.…](?:[^<>\n]*[^\s<>])?>/;
/** A value that is nothing but an ellipsis or question marks. */
const EMPTY_STAND_IN = /^\s*(\.{3}|…|\?+|-)\s*$/;
const MAX_DEPTH = 100;

export function placeholderIn(text: string): string | undefined {
  const word = PLACEHOLDER_WORD.exec(text);
  if (word) return word[0];
  const angle = ANGLE_PLACEHOLDER.exec(text);
  if (angle && !/@|:\/\//.test(angle[0])) return angle[0];
  if (EMPTY_STAND_IN.test(text)) return text.trim();
  return undefined;
}

export const noPlaceholders: DocumentRule = {
  id: 'text/no-placeholders',
  scope: 'document',
  severity: 'warning',
  summary: 'No value is a placeholder such as TBD, TODO, <...> or "...".',
  docs: docsFor('text/no-placeholders'),
  kinds: ['Project', 'Programme', 'Portfolio', 'People'],
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
        report(lines.rangeOf(start, end), `"${found}" is a placeholder. Write the real content, or leave the field out until it is known.`);
      }
    };
    visit(document.doc.yaml.contents, 0);
  },
};
