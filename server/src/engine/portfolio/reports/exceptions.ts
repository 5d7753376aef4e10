// `charter report --exceptions`: the exceptions register an auditor asks for - every waiver and every
// suppression comment in the portfolio, with its rule, file, reason, approver and expiry - in each format.
import { stringify } from 'csv-stringify/sync';
import { exceptionsTable } from '../portfolioPage';
import type { PortfolioException } from '../portfolioTypes';
import { csvCell, escapeHtml, markdownCell, markdownText } from '../../utils/escape';
import type { ReportFormat } from './index';
import type { PortfolioReport } from './json';

const COLUMNS: Array<[string, (e: PortfolioException) => string]> = [
  ['kind', (e) => e.kind],
  ['rule', (e) => e.rules.join(' ')],
  ['scope', (e) => e.scope],
  ['file', (e) => e.location.relativePath],
  ['line', (e) => String(e.location.range.start.line + 1)],
  ['reason', (e) => e.reason ?? ''],
  ['approver', (e) => e.approver ?? ''],
  ['expires', (e) => e.expires ?? ''],
  ['expired', (e) => (e.expired === undefined ? '' : String(e.expired))],
];

export const EXCEPTIONS_FORMATTERS: Record<ReportFormat, (report: PortfolioReport) => string> = {
  json: (r) => `${JSON.stringify({ version: 1, asOf: r.asOf, exceptions: r.exceptions }, null, 2)}\n`,
  csv: (r) => stringify(r.exceptions.map((e) => COLUMNS.map(([, read]) => csvCell(read(e)))), { header: true, columns: COLUMNS.map(([name]) => name), record_delimiter: 'unix' }),
  md: (r) => {
    const out = ['# Exceptions register', '', `As of ${markdownText(r.asOf)}: ${count(r.exceptions, 'waiver')} and ${count(r.exceptions, 'suppression')}.`, ''];
    if (r.exceptions.length === 0) return `${out.join('\n')}\n`;
    out.push('| kind | rule | file | reason | approver | expires |', '|---|---|---|---|---|---|');
    for (const e of r.exceptions) {
      const expires = e.expires ? `${e.expires}${e.expired ? ' (expired)' : ''}` : e.kind === 'suppression' ? 'never' : '';
      out.push(`| ${[e.kind, e.rules.join(', '), `${e.location.relativePath}:${e.location.range.start.line + 1}`, e.reason ?? '(no reason)', e.approver ?? (e.kind === 'suppression' ? 'nobody' : ''), expires].map(markdownCell).join(' | ')} |`);
    }
    return `${out.join('\n')}\n`;
  },
  html: (r) =>
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n<title>Exceptions register ${escapeHtml(r.asOf)}</title>\n<style>body { font-family: system-ui, sans-serif; } table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; }</style>\n</head>\n<body>\n<h1>Exceptions register</h1>\n<p>As of ${escapeHtml(r.asOf)}: ${escapeHtml(count(r.exceptions, 'waiver'))} and ${escapeHtml(count(r.exceptions, 'suppression'))}.</p>\n${exceptionsTable(r.exceptions)}\n</body>\n</html>\n`,
};

function count(exceptions: PortfolioException[], kind: PortfolioException['kind']): string {
  const n = exceptions.filter((e) => e.kind === kind).length;
  return `${n} ${kind}${n === 1 ? '' : 's'}`;
}
