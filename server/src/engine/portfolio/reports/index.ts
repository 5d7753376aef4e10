// The report formats, by name: one renderer of the portfolio model each, next to the model. The CLI writes them to files;
// the server renders them for the editor's "Export Portfolio Report".
import { formatCsvReport } from './csv';
import { formatHtmlReport } from './html';
import { formatJsonReport, type PortfolioReport } from './json';
import { formatMarkdownReport } from './markdown';

import { REPORT_FORMATS, type ReportFormat } from '../../model/vocabulary';

export { REPORT_FORMATS, type ReportFormat };
export type { PortfolioReport };

export const REPORT_FORMATTERS: Record<ReportFormat, (report: PortfolioReport) => string> = {
  md: formatMarkdownReport,
  html: formatHtmlReport,
  csv: formatCsvReport,
  json: formatJsonReport,
};
