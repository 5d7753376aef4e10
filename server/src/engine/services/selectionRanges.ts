// Selection ranges (expand selection): the word, then the value, then the key with its value, then
// the mapping or list around it, and so on out to the document.
import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { ParsedFile } from '../parser/charterParser';
import type { Position, Range } from '../types';

export interface SelectionRange {
  range: Range;
  parent?: SelectionRange;
}

export function getSelectionRanges(file: ParsedFile, positions: Position[]): SelectionRange[] {
  return positions.map((position) => {
    const offset = file.lines.offsetAt(position);
    const doc = file.documents.find((d) => d.yaml.range[0] <= offset && offset <= d.yaml.range[2]);
    const spans: Array<[number, number]> = [];
    if (doc) {
      spans.push([doc.start, trimEnd(file, doc.start, doc.yaml.range[1])]);
      collect(file, doc.yaml.contents as Node | null, offset, spans);
    }
    let current: SelectionRange | undefined;
    let last: [number, number] | undefined;
    for (const span of spans) {
      if (span[1] < span[0] || (last && last[0] === span[0] && last[1] === span[1])) continue;
      current = { range: file.lines.rangeOf(span[0], span[1]), parent: current };
      last = span;
    }
    return current ?? { range: { start: position, end: position } };
  });
}

/** The spans around `offset`, outermost first. */
function collect(file: ParsedFile, node: Node | null, offset: number, spans: Array<[number, number]>): void {
  if (!node?.range || offset < node.range[0] || offset > node.range[1]) return;
  spans.push([node.range[0], trimEnd(file, node.range[0], node.range[1])]);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const start = key?.range?.[0];
      const end = value?.range?.[1] ?? key?.range?.[1];
      if (start === undefined || end === undefined || offset < start || offset > end) continue;
      spans.push([start, trimEnd(file, start, end)]);
      if (key?.range && offset <= key.range[1]) spans.push([key.range[0], key.range[1]]);
      else collect(file, value, offset, spans);
      return;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) collect(file, item as Node | null, offset, spans);
  }
}

function trimEnd(file: ParsedFile, start: number, end: number): number {
  while (end > start && /\s/.test(file.text[end - 1])) end--;
  return end;
}
