// Hover on a value that changed against the base: the base value and the delta, so a reviewer in the
// editor sees what the pull request sees.
import type { ParsedFile } from '../parser/charterParser';
import type { Position, Range } from '../types';
import { markdownCode, markdownText } from '../utils/escape';
import type { BaseText } from './baseline';
import { pairProjects } from './changeRules';
import { projectDeltas } from './deltas';

export function changeHover(file: ParsedFile, relativePath: string, base: { text: BaseText; file: ParsedFile }, position: Position): { contents: string; range: Range } | undefined {
  const offset = file.lines.offsetAt(position);
  for (const { head, base: baseDoc } of pairProjects(file, relativePath, base.file, base.text.path)) {
    if (!baseDoc || offset < head.doc.start || offset > head.doc.end) continue;
    const hits = projectDeltas(baseDoc, head).filter((d) => d.change !== 'removed' && d.headPath.length > 0 && within(head.valueRange(d.headPath), position));
    if (hits.length === 0) continue;
    const lines = hits.map((d) => `- ${markdownText(d.text.slice(0, 300))}${d.before !== undefined ? ` (on ${markdownText(base.text.ref)}: ${markdownCode(d.before.slice(0, 120))})` : ''}`);
    return { contents: `**Changed against ${markdownText(base.text.ref)}**\n\n${lines.join('\n')}`, range: head.valueRange(hits[0].headPath) };
  }
  return undefined;
}

function within(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}
