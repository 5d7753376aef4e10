// Checkstyle XML, the report format Jenkins (Warnings Next Generation), Bitbucket Code Insights tools and
// reviewdog read: one <file> per checked file, one <error> per finding.
import type { Severity } from '../../engine/types';
import type { FileResult } from './results';
import { xmlAttribute } from '../../engine/utils/escape';

const SEVERITY: Record<Severity, 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

export function formatCheckstyle(results: FileResult[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    if (result.findings.length === 0) {
      out.push(`  <file name="${xmlAttribute(result.file)}"/>`);
      continue;
    }
    out.push(`  <file name="${xmlAttribute(result.file)}">`);
    for (const f of result.findings) {
      const attributes = [
        ['line', String(f.range.start.line + 1)],
        ['column', String(f.range.start.character + 1)],
        ['severity', SEVERITY[f.severity]],
        ['message', f.message],
        ['source', `charter.${f.rule.replace(/\//g, '.')}`],
      ];
      out.push(`    <error ${attributes.map(([k, v]) => `${k}="${xmlAttribute(v)}"`).join(' ')}/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}
