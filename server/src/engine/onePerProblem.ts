// One finding per problem. A value the schema rejects gets the schema's finding, not also the rules'
// findings about what YAML happened to read; a syntax error gets its own finding, not a trail of
// schema and rule findings about the text it garbled.
import type { ParsedFile } from './parser/charterParser';
import type { Finding, Position, Range } from './types';

/** Rule findings that do not sit on a value the schema rejected (`rejected`: the ranges of those values). */
export function withoutRejectedValues(findings: Finding[], rejected: Range[]): Finding[] {
  return rejected.length === 0 ? findings : findings.filter((f) => !rejected.some((r) => within(f.range, r)));
}

function within(inner: Range, outer: Range): boolean {
  const notBefore = (p: Position, q: Position) => p.line > q.line || (p.line === q.line && p.character >= q.character);
  return notBefore(inner.start, outer.start) && notBefore(outer.end, inner.end);
}

/**
 * A syntax error (a tab, an unclosed quote) leaves YAML guessing at what follows it, so the values
 * read from there on are not what the author wrote. In a document with a syntax error, keep what the
 * parser says and the findings before the error's line; drop the rest, and every missing-property
 * finding (the "missing" keys are usually there, past the error). They come back once it parses.
 */
export function trustedPastSyntaxErrors(file: ParsedFile, findings: Finding[]): Finding[] {
  const breaks = file.findings
    .filter((f) => f.rule === 'yaml/syntax' && f.severity === 'error')
    .map((f) => {
      const at = file.lines.offsetAt(f.range.start);
      const doc = file.documents.find((d) => d.yaml.range[0] <= at && at <= d.end) ?? file.documents.find((d) => at <= d.end);
      return { line: enclosingLine(file, f.range.start.line), from: doc ? file.lines.positionAt(doc.yaml.range[0]).line : 0, to: doc ? file.lines.positionAt(doc.end).line : Number.MAX_SAFE_INTEGER };
    });
  if (breaks.length === 0) return findings;
  return findings.filter((f) => {
    if (f.rule.startsWith('yaml/')) return true;
    const line = f.range.start.line;
    const inDoc = breaks.filter((b) => b.from <= line && line <= b.to);
    if (inDoc.length === 0) return true;
    if (f.rule === 'schema/required') return false;
    return f.range.end.line < Math.min(...inDoc.map((b) => b.line));
  });
}

/** The line of the key whose block holds `line` (the nearest line above indented less), else `line` itself. */
function enclosingLine(file: ParsedFile, line: number): number {
  const indent = (n: number) => /^[ \t]*/.exec(file.text.slice(file.lines.lineStart(n), file.lines.lineEnd(n)))![0].length;
  const own = indent(line);
  if (own === 0) return line;
  for (let n = line - 1; n >= 0 && line - n <= 1000; n--) {
    const content = file.text.slice(file.lines.lineStart(n), file.lines.lineEnd(n));
    if (content.trim() === '' || content.trim().startsWith('#')) continue;
    if (indent(n) < own) return n;
  }
  return line;
}
