// Folding ranges: every block mapping or list that spans lines (from its key or item line), multi-line
// text blocks, and runs of comment lines.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedFile } from '../parser/charterParser';

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function getFoldingRanges(file: ParsedFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (startOffset: number, endOffset: number) => {
    let end = endOffset;
    while (end > startOffset && /\s/.test(file.text[end - 1])) end--;
    const startLine = file.lines.positionAt(startOffset).line;
    const endLine = file.lines.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  const visit = (node: Node | null, from: number | undefined): void => {
    if (!node?.range) return;
    if (from !== undefined && (isMap(node) || isSeq(node) || (isScalar(node) && /^BLOCK_/.test(String(node.type))))) add(from, node.range[1]);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        visit(pair.value as Node | null, key?.range?.[0]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as Node | null, (item as Node | null)?.range?.[0]);
    }
  };
  for (const doc of file.documents) visit(doc.yaml.contents as Node | null, undefined);

  // Runs of two or more comment lines.
  let runStart = -1;
  for (let line = 0; line <= file.lines.lineCount; line++) {
    const isComment = line < file.lines.lineCount && /^\s*#/.test(file.lines.lineText(line));
    if (isComment && runStart < 0) runStart = line;
    if (!isComment && runStart >= 0) {
      if (line - 1 > runStart) ranges.push({ startLine: runStart, endLine: line - 1, kind: 'comment' });
      runStart = -1;
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
