// What leadership reads first in `charter report --format md`: the exceptions (live projects beyond
// tolerance, red, worsening, needing a decision), then each live project's performance. Also the
// metrics columns of the CSV. Every value in Markdown goes through the escaping helper (utils/escape.ts).
import { METRIC_NAMES, type MetricName } from '../portfolioPerformance';
import { capacityByMonth, monthsFrom, moneyDisplay, personCapacity, strategicAlignment } from '../performanceCharts';
import type { PortfolioProject } from '../portfolioTypes';
import { projectExceptions } from '../leadershipExceptions';
import { markdownCell, markdownCode } from '../../utils/escape';
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
    out.push(row([`${markdownCode(e.project.id)} ${cell(e.project.title)}`, e.needsDecision ? '**yes**: exception report to the sponsor' : 'no', cell(e.reasons.join('; ')), cell(m?.cpi.text), cell(m?.spi.text), cell(m?.forecastVariance.text), cell(m?.scheduleSlipDays.text)]));
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
        markdownCode(p.id),
        ...[
          moneyDisplay(perf?.approved, c),
          moneyDisplay(perf?.actualToDate, c),
          moneyDisplay(perf?.forecastAtCompletion, c),
          perf?.metrics.cpi.text,
          perf?.metrics.spi.text,
          perf?.metrics.forecastVariance.text,
          perf?.metrics.scheduleSlipDays.text,
          perf?.confidence,
          perf?.trend.phrases.join('; '),
        ].map(cell),
      ]),
    );
  }
  out.push('', 'CPI = earned value / actual cost, SPI = earned value / planned value; "not enough data" where an input is missing (see docs/metrics.md).', '');
  const rollups = report.groups.flatMap((g) => (g.rollup.performance ?? []).map((r) => ({ g, r })));
  if (rollups.length) {
    out.push(`### Approved, actual and forecast by ${cell(report.groupBy)}`, '', `| ${cell(report.groupBy)} | live projects | approved | actual | forecast |`, '|---|--:|--:|--:|--:|');
    for (const { g, r } of rollups) out.push(row([g.label, String(r.projects), moneyDisplay(r.approved, r.currency), moneyDisplay(r.actual, r.currency), moneyDisplay(r.forecast, r.currency)].map(cell)));
    out.push('');
  }
  out.push(...markdownCapacity(report), ...markdownAlignment(report));
  return out;
}

/** The capacity heat map as a table: each person's booked percent per month, over-booked cells in bold with "!". */
function markdownCapacity(report: PortfolioReport): string[] {
  const months = monthsFrom(report.asOf);
  const load = capacityByMonth(report, months);
  if (load.size === 0) return [];
  const out = ['### Capacity (person x month)', '', `| person | ${months.map(cell).join(' | ')} |`, `|---|${months.map(() => '--:').join('|')}|`];
  for (const id of [...load.keys()].sort()) {
    const { name, capacity } = personCapacity(report, id);
    out.push(row([cell(name), ...load.get(id)!.map((v) => (v > capacity ? `**${v}!**` : String(v)))]));
  }
  out.push('', "Percent of each person's week booked on live projects; **!** marks a month above their capacity.", '');
  return out;
}

/** Each strategic objective with the live projects and approved money behind it; objectives with none say so. */
function markdownAlignment(report: PortfolioReport): string[] {
  const objectives = strategicAlignment(report);
  if (objectives.length === 0) return [];
  const out = ['### Strategic alignment', '', '| strategic objective | live projects | projects | approved |', '|---|--:|---|--:|'];
  for (const o of objectives) {
    out.push(row([`${markdownCode(o.id)} ${cell(o.title)}`, o.projects.length === 0 ? '**0 (none)**' : String(o.projects.length), cell(o.projects.join(', ')), cell(o.money)]));
  }
  out.push('');
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
  ...METRIC_NAMES.map((name: MetricName): [string, (p: PortfolioProject) => string | number | undefined] => [name, (p) => numeric(p.performance?.metrics[name].value ?? undefined)]),
  ['beyondTolerance', (p) => p.performance?.beyondTolerance.join('; ')],
  ['confidence', (p) => p.performance?.confidence],
  ['ragTrend', (p) => p.performance?.trend.direction],
  ['trend', (p) => p.performance?.trend.phrases.join('; ')],
];

/**
 * A decimal string as a number when the number says exactly the same (`-50000`, `284149.855908`), so a
 * negative variance is a number in a spreadsheet, not text guarded against formulas; else the string.
 */
function numeric(value: string | number | undefined): string | number | undefined {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return value;
  const n = Number(value);
  const canonical = value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return Number.isSafeInteger(Math.trunc(n)) && String(n) === canonical ? n : value;
}

/** A table row of cells already made safe (by `cell`, `markdownCode`, or our own fixed markup). */
function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function cell(text: string | undefined): string {
  return markdownCell(text ?? '');
}
