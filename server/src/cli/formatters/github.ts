// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
import type { Severity } from '../../engine/types';
import { terminalText } from '../../engine/utils/escape';
import { summarise, summaryLine, type FileResult } from './results';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const f of result.findings) {
      const { start, end } = f.range;
      // Columns are 1-based and inclusive: the last underlined character is the end column.
      const properties = [
        ['file', result.file],
        ['line', String(start.line + 1)],
        ['col', String(start.character + 1)],
        ['endLine', String(end.line + 1)],
        ['endColumn', String(Math.max(end.line === start.line ? start.character + 1 : 1, end.character))],
        ['title', f.rule],
      ];
      lines.push(`::${COMMAND[f.severity]} ${properties.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')}::${escapeData(f.message)}`);
    }
  }
  lines.push(summaryLine(summarise(results)));
  return lines.join('\n') + '\n';
}

/** The message of a command: `%`, CR and LF are escaped; the log is a terminal, so escape sequences go. */
export function escapeData(text: string): string {
  return terminalText(text, { keepLineBreaks: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
