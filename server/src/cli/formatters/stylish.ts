import { terminalText } from '../../engine/utils/escape';
import { summarise, summaryLine, type FileResult } from './results';

/** For a person at a terminal: findings grouped by file, `line:col  severity  message  rule`. */
export function formatStylish(results: FileResult[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const SEVERITY_COLOR: Record<string, number> = { error: 31, warning: 33, info: 36, hint: 90 };
  const lines: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    lines.push(paint(4, terminalText(result.file)));
    const rows = result.findings.map((f) => ({
      at: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      severity: f.severity,
      message: terminalText(f.message),
      rule: terminalText(f.rule),
    }));
    const atWidth = Math.max(...rows.map((r) => r.at.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    for (const row of rows) {
      lines.push(
        `  ${paint(90, row.at.padEnd(atWidth))}  ${paint(SEVERITY_COLOR[row.severity] ?? 0, terminalText(row.severity).padEnd(severityWidth))}  ${row.message}  ${paint(90, row.rule)}`,
      );
    }
    lines.push('');
  }
  lines.push(summaryLine(summarise(results), color));
  return lines.join('\n') + '\n';
}
