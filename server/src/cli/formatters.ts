// `charter check` output formats. Each takes the same results and writes one string.
import type { Finding } from '../engine/types';

export interface FileResult {
  /** Path relative to the current directory, `/`-separated. */
  file: string;
  findings: Finding[];
}

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarise(results: FileResult[]): CheckSummary {
  const all = results.flatMap((r) => r.findings);
  return {
    files: results.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
  };
}

/** SPEC section 2: `{ version, findings: [{ file, rule, severity, message, range, docs }], summary }`. */
export function formatJson(results: FileResult[]): string {
  const summary = summarise(results);
  return (
    JSON.stringify(
      {
        version: 1,
        findings: results.flatMap((r) =>
          r.findings.map((f) => ({ file: r.file, rule: f.rule, severity: f.severity, message: f.message, range: f.range, docs: f.docs })),
        ),
        summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings },
      },
      null,
      2,
    ) + '\n'
  );
}

export function formatStylish(results: FileResult[], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const SEVERITY_COLOR: Record<string, number> = { error: 31, warning: 33, info: 36, hint: 90 };
  const lines: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    lines.push(paint(4, result.file));
    const rows = result.findings.map((f) => ({
      at: `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      severity: f.severity,
      message: f.message,
      rule: f.rule,
    }));
    const atWidth = Math.max(...rows.map((r) => r.at.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    for (const row of rows) {
      lines.push(
        `  ${paint(90, row.at.padEnd(atWidth))}  ${paint(SEVERITY_COLOR[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${paint(90, row.rule)}`,
      );
    }
    lines.push('');
  }
  lines.push(summaryLine(summarise(results), color));
  return lines.join('\n') + '\n';
}

export function summaryLine(summary: CheckSummary, color = false): string {
  const problems = summary.errors + summary.warnings + summary.infos;
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  if (problems === 0) return color ? `\u001b[32m✔ ${files} checked, no problems\u001b[0m` : `✔ ${files} checked, no problems`;
  const text = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info) in ${files}`;
  return color ? `\u001b[${summary.errors > 0 ? 31 : 33}m${text}\u001b[0m` : text;
}
