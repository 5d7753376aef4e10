// `{ approved: 850,000 }`: in a flow mapping the comma ends the entry, so YAML reads `approved: 850`
// and a second key `000` with no value. The parse succeeds; without this check the only trace would be
// an "unknown property 0" far from the real cause.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { Finding } from '../types';
import { docsFor } from '../utils/docs';
import type { LineIndex } from '../utils/lineIndex';

export const COMMA_IN_NUMBER = 'yaml/comma-in-number';
const MAX_DEPTH = 100;

/** The offsets of each number split by thousands commas in the flow mappings of `doc`, with the digits it was meant to be. */
function commaSplitNumbers(doc: Document.Parsed, text: string): Array<{ from: number; to: number; key: string; written: string; meant: string }> {
  const out: Array<{ from: number; to: number; key: string; written: string; meant: string }> = [];
  const visit = (node: unknown, depth: number): void => {
    if (!node || depth > MAX_DEPTH) return;
    if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
    if (!isMap(node)) return;
    const items = node.items as Array<Pair<Node, Node | null>>;
    for (let i = 0; i < items.length; i++) {
      const pair = items[i];
      visit(pair.value, depth + 1);
      if (!node.flow || !isScalar(pair.value) || typeof (pair.value as Scalar).value !== 'number' || !pair.value.range) continue;
      let end = pair.value.range[1];
      let j = i + 1;
      const groups: string[] = [];
      // Each following key that is three digits, written right after the comma, with no value of its own.
      for (; j < items.length; j++) {
        const next = items[j];
        const key = next.key;
        if (!isScalar(key) || !key.range || next.value !== null || text[end] !== ',' || key.range[0] !== end + 1) break;
        const source = text.slice(key.range[0], key.range[1]);
        if (!/^\d{3}$/.test(source)) break;
        groups.push(source);
        end = key.range[1];
      }
      if (groups.length === 0) continue;
      const first = text.slice(pair.value.range[0], pair.value.range[1]);
      if (!/^\d{1,3}$/.test(first)) continue;
      out.push({ from: pair.value.range[0], to: end, key: isScalar(pair.key) ? String(pair.key.value) : '', written: text.slice(pair.value.range[0], end), meant: first + groups.join('') });
      i = j - 1;
    }
  };
  visit(doc.contents, 0);
  return out;
}

export function commaNumberFindings(doc: Document.Parsed, text: string, lines: LineIndex, uri: string): Finding[] {
  return commaSplitNumbers(doc, text).map((split) => {
    const range = lines.rangeOf(split.from, split.to);
    return {
      rule: COMMA_IN_NUMBER,
      severity: 'error',
      message: `${split.key ? `${split.key}: ` : ''}${split.written} is read as ${split.written.split(',')[0]} followed by a separate key, because a comma ends an entry inside { }. Write ${split.meant}, without the thousands separator.`,
      uri,
      range,
      docs: docsFor(COMMA_IN_NUMBER),
      fixes: [{ title: `Write ${split.meant}`, safe: true, preferred: true, edits: { [uri]: [{ range, newText: split.meant }] } }],
    };
  });
}
