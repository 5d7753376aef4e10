// The report formats, by name: one renderer of the portfolio model each, next to the model. The CLI writes them to files;
// the server renders them for the editor's "Export Portfolio Report".
import { formatCsvReport } from './csv';
import { formatHtmlReport } from './html';
import { formatJsonReport, type PortfolioReport } from './json';
import { formatMarkdownReport } from './markdown';

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type { PortfolioReport };

export const REPORT_FORMATTERS: Record<ReportFormat, (report: PortfolioReport) => string> = {
  md: formatMarkdownReport,
  html: formatHtmlReport,
  csv: formatCsvReport,
  json: formatJsonReport,
};
