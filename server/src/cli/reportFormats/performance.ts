// What leadership reads first in `charter report --format md`: the exceptions (live projects beyond
// tolerance, red, worsening, needing a decision), then each live project's performance. Also the
// metrics columns of the CSV. Values in Markdown go through `cell`, which escapes what a table cell
// would otherwise misread.
import { METRIC_NAMES, type MetricName } from '../../engine/portfolio/portfolioPerformance';
import { moneyDisplay } from '../../engine/portfolio/performanceCharts';
import type { PortfolioProject } from '../../engine/portfolio/portfolioTypes';
import { projectExceptions } from '../../engine/portfolio/leadershipExceptions';
import type { PortfolioReport } from './json';

export function markdownExceptions(report: PortfolioReport): string[] {
  const exceptions = projectExceptions(report);
  const out = ['## Exceptions', ''];
  if (exceptions.length === 0) {
    out.push('No live project is beyond tolerance, red or worsening.', '');
    return out;
  }
  out.push('| project | needs a decision | why | CPI | SPI | forecast variance | schedule slip |', '|---|---|---|--:|--:|--:|--:|');
  for (const e of exceptions) {
    const m = e.project.performance?.metrics;
    out.push(row([`\`${e.project.id}\` ${e.project.title}`, e.needsDecision ? '**yes**: exception report to the sponsor' : 'no', e.reasons.join('; '), m?.cpi.text, m?.spi.text, m?.forecastVariance.text, m?.scheduleSlipDays.text]));
  }
  out.push('');
  return out;
}

export function markdownPerformance(report: PortfolioReport): string[] {
  const livePs = report.projects.filter((p) => p.live);
  const out = ['## Performance of live projects', ''];
  if (livePs.length === 0) return [...out, 'No live projects.', ''];
  out.push('| project | approved | actual | forecast | CPI | SPI | forecast variance | slip | confidence | trend |', '|---|--:|--:|--:|--:|--:|--:|--:|---|---|');
  for (const p of livePs) {
    const perf = p.performance;
    const c = perf?.currency;
    out.push(
      row([
        `\`${p.id}\``,
        moneyDisplay(perf?.approved, c),
        moneyDisplay(perf?.actualToDate, c),
        moneyDisplay(perf?.forecastAtCompletion, c),
        perf?.metrics.cpi.text,
        perf?.metrics.spi.text,
        perf?.metrics.forecastVariance.text,
        perf?.metrics.scheduleSlipDays.text,
        perf?.confidence,
        perf?.trend.phrases.join('; '),
      ]),
    );
  }
  out.push('', 'CPI = earned value / actual cost, SPI = earned value / planned value; "not enough data" where an input is missing (see docs/metrics.md).', '');
  const rollups = report.groups.flatMap((g) => (g.rollup.performance ?? []).map((r) => ({ g, r })));
  if (rollups.length) {
    out.push(`### Approved, actual and forecast by ${report.groupBy}`, '', `| ${report.groupBy} | live projects | approved | actual | forecast |`, '|---|--:|--:|--:|--:|');
    for (const { g, r } of rollups) out.push(row([g.label, String(r.projects), moneyDisplay(r.approved, r.currency), moneyDisplay(r.actual, r.currency), moneyDisplay(r.forecast, r.currency)]));
    out.push('');
  }
  return out;
}

/** CSV columns: the raw figures and every metric's value (empty when there is not enough data). */
export const PERFORMANCE_COLUMNS: Array<[string, (p: PortfolioProject) => string | number | undefined]> = [
  ['requested', (p) => p.performance?.requested],
  ['actualToDate', (p) => p.performance?.actualToDate],
  ['actualAsOf', (p) => p.performance?.actualAsOf],
  ['forecastAtCompletion', (p) => p.performance?.forecastAtCompletion],
  ['forecastEnd', (p) => p.performance?.forecastEnd],
  ['percentComplete', (p) => p.performance?.percentComplete],
  ...METRIC_NAMES.map((name: MetricName): [string, (p: PortfolioProject) => string | number | undefined] => [name, (p) => p.performance?.metrics[name].value ?? undefined]),
  ['beyondTolerance', (p) => p.performance?.beyondTolerance.join('; ')],
  ['confidence', (p) => p.performance?.confidence],
  ['ragTrend', (p) => p.performance?.trend.direction],
  ['trend', (p) => p.performance?.trend.phrases.join('; ')],
];

function row(cells: Array<string | undefined>): string {
  return `| ${cells.map((c) => cell(c ?? '')).join(' | ')} |`;
}

/** A Markdown table cell: pipes escaped, line breaks flattened, HTML made inert. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
