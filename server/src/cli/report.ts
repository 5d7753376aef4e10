// `charter report`: the portfolio outside the editor, as Markdown, HTML, CSV or JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService } from '../engine/languageService';
import { groupPortfolio } from '../engine/portfolio/portfolioGroups';
import { buildPortfolio, type PortfolioSource } from '../engine/portfolio/portfolioModel';
import { GROUP_BY, type GroupBy } from '../engine/portfolio/portfolioTypes';
import type { Finding } from '../engine/types';
import { todayIso } from '../engine/utils/dates';
import { runCheck } from './check';
import { REPORT_FORMATTERS, REPORT_FORMATS, type PortfolioReport, type ReportFormat } from './reportFormats';
import { resolveWorkspace, UsageError } from './workspace';

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
}

export interface ReportOutcome {
  output: string;
  exitCode: number;
  report: PortfolioReport;
}

export async function runReport(options: ReportOptions): Promise<ReportOutcome> {
  const format = options.format ?? formatFromFileName(options.out) ?? 'md';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}". Use one of: ${REPORT_FORMATS.join(', ')}.`);
  if (options.groupBy !== undefined && !(GROUP_BY as readonly string[]).includes(options.groupBy)) {
    throw new UsageError(`Unknown grouping "${options.groupBy}". Use one of: ${GROUP_BY.join(', ')}.`);
  }
  const workspace = resolveWorkspace(options.cwd, options.paths, options.config);
  // The findings are exactly those `charter check` reports for the same files and settings.
  const checked = await runCheck({ cwd: options.cwd, paths: options.paths, format: 'json', asOf: options.asOf, config: options.config, color: false, offline: options.offline });
  const findingsByUri = new Map<string, Finding[]>();
  for (const result of checked.results) for (const f of result.findings) findingsByUri.set(f.uri, [...(findingsByUri.get(f.uri) ?? []), f]);

  const service = getLanguageService();
  const sources: PortfolioSource[] = workspace.files.map((file) => {
    const uri = pathToFileURL(file).href;
    return { file: service.parse(uri, readText(file)), relativePath: toPosix(path.relative(workspace.root, file)), findings: findingsByUri.get(uri) ?? [] };
  });
  const asOf = options.asOf ?? workspace.settings.asOf ?? todayIso();
  const groupBy = (options.groupBy ?? workspace.settings.portfolio.groupBy) as GroupBy;
  const portfolio = buildPortfolio(sources, { asOf });
  const report: PortfolioReport = { ...portfolio, groupBy, groups: groupPortfolio(portfolio, groupBy) };
  const text = REPORT_FORMATTERS[format as ReportFormat](report);
  if (!options.out) return { output: text, exitCode: 0, report };
  const target = path.resolve(options.cwd, options.out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return { output: `Wrote a ${format} report of ${portfolio.projects.length} project${portfolio.projects.length === 1 ? '' : 's'} to ${path.relative(options.cwd, target) || target}\n`, exitCode: 0, report };
}

function formatFromFileName(file?: string): ReportFormat | undefined {
  const ext = file ? path.extname(file).slice(1).toLowerCase() : '';
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  return (REPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ReportFormat) : undefined;
}

function readText(file: string): string {
  return fs.readFileSync(file).toString('utf8').replace(/^\uFEFF/, '');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
