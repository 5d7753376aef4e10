// `charter report`: the portfolio outside the editor, as Markdown, HTML, CSV or JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupPortfolio } from '../engine/portfolio/portfolioGroups';
import { buildPortfolio, type PortfolioSource } from '../engine/portfolio/portfolioModel';
import { GROUP_BY_KEYS, isOneOf } from '../engine/model/vocabulary';
import { todayIso } from '../engine/utils/dates';
import { runCheck } from './check';
import { readGitHistory } from '../gitHistory';
import { EXCEPTIONS_FORMATTERS } from '../engine/portfolio/reports/exceptions';
import { REPORT_FORMATTERS, REPORT_FORMATS, type PortfolioReport, type ReportFormat } from '../engine/portfolio/reports';
import { UsageError } from './workspace';

export { REPORT_FORMATS, type ReportFormat };

export interface ReportOptions {
  cwd: string;
  paths: string[];
  /** Default: from the extension of `out`, else `md`. */
  format?: string;
  /** Write here instead of printing. */
  out?: string;
  groupBy?: string;
  asOf?: string;
  config?: string;
  offline?: boolean;
  /** Print the exceptions register (every waiver and suppression) instead of the portfolio. */
  exceptions?: boolean;
  /** Read trends from each charter's git history when it keeps no `statusReports:` of its own. */
  gitHistory?: boolean;
}

export interface ReportOutcome {
  output: string;
  /** charter check's warnings, for stderr. */
  warnings: string;
  exitCode: number;
  report: PortfolioReport;
}

export async function runReport(options: ReportOptions): Promise<ReportOutcome> {
  const format = options.format ?? formatFromFileName(options.out) ?? 'md';
  if (!isOneOf(REPORT_FORMATS, format)) throw new UsageError(`Unknown format "${format}". Use one of: ${REPORT_FORMATS.join(', ')}.`);
  if (options.groupBy !== undefined && !isOneOf(GROUP_BY_KEYS, options.groupBy)) {
    throw new UsageError(`Unknown grouping "${options.groupBy}". Use one of: ${GROUP_BY_KEYS.join(', ')}.`);
  }
  // The same files, parses and findings as `charter check` for the same paths and settings.
  const checked = await runCheck({ cwd: options.cwd, paths: options.paths, format: 'json', asOf: options.asOf, config: options.config, color: false, offline: options.offline, exactOnly: true });
  // exactOnly: every checked file comes with its exact parse (none from a cache).
  const sources: PortfolioSource[] = checked.checked.flatMap((c) => (c.parsed ? [{ file: c.parsed, relativePath: c.relativePath, findings: c.findings }] : []));
  const asOf = checked.settings.asOf ?? todayIso();
  const groupBy = isOneOf(GROUP_BY_KEYS, options.groupBy) ? options.groupBy : checked.settings.portfolio.groupBy;
  const history = options.gitHistory ? (await readGitHistory(options.cwd, sources.map((s) => ({ relativePath: s.relativePath, absolutePath: fileURLToPath(s.file.uri) })))).history : undefined;
  const portfolio = buildPortfolio(sources, { asOf, settingPolicy: checked.settings.policy, history });
  const report: PortfolioReport = { ...portfolio, groupBy, groups: groupPortfolio(portfolio, groupBy) };
  const text = (options.exceptions ? EXCEPTIONS_FORMATTERS : REPORT_FORMATTERS)[format](report);
  if (!options.out) return { output: text, exitCode: 0, report, warnings: checked.warnings };
  const target = path.resolve(options.cwd, options.out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return { output: `Wrote a ${format} report of ${portfolio.projects.length} project${portfolio.projects.length === 1 ? '' : 's'} to ${path.relative(options.cwd, target) || target}\n`, exitCode: 0, report, warnings: checked.warnings };
}

function formatFromFileName(file?: string): ReportFormat | undefined {
  const ext = file ? path.extname(file).slice(1).toLowerCase() : '';
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  return isOneOf(REPORT_FORMATS, ext) ? ext : undefined;
}

