// The dashboard's performance section, shared with the HTML report: CPI/SPI scatter with quadrants,
// approved vs actual vs forecast per programme, RAG trend lines, the capacity heat map (person x month)
// and strategic alignment. Pure strings; every value goes through escapeHtml, every coordinate through
// `coord` (so no NaN ever reaches the SVG), every amount through formatMoney (exact, from decimal strings).
import { parseMoney, formatMoney, type Money } from '../rules/money';
import { isIsoDate } from '../utils/dates';
import { classToken, escapeHtml } from '../utils/escape';
import { groupPortfolio } from './portfolioGroups';
import type { Portfolio, PortfolioProject } from './portfolioTypes';

/** A finite coordinate with one decimal; anything else is 0. */
function coord(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : '0';
}

/** A decimal string of money for display: `1,234,567.5` -> `1,234,567.50`; `-` when missing or malformed. */
export function moneyDisplay(text: string | undefined, currency?: string): string {
  if (text === undefined) return '-';
  const negative = text.startsWith('-');
  const amount = parseMoney(negative ? text.slice(1) : text);
  if (amount === undefined) return '-';
  return `${negative && amount > 0n ? '-' : ''}${formatMoney(roundCents(amount))}${currency ? ` ${currency}` : ''}`;
}

function roundCents(amount: Money): Money {
  return ((amount + 5_000n) / 10_000n) * 10_000n;
}

const live = (portfolio: Portfolio) => portfolio.projects.filter((p) => p.live);

export function performanceSection(portfolio: Portfolio): string {
  return [
    `<h3>Cost and schedule performance (CPI x SPI)</h3>${cpiSpiScatterSvg(portfolio)}`,
    `<h3>Approved, actual and forecast by programme</h3>${programmeMoneySvg(portfolio)}`,
    `<h3>RAG over time</h3>${ragTrendSvg(portfolio)}`,
    `<h3>Capacity (person x month)</h3>${capacityHeatMap(portfolio)}`,
    `<h3>Strategic alignment</h3>${strategicAlignmentTable(portfolio)}`,
  ].join('\n');
}

/** Live projects as dots: SPI across, CPI up, quadrants at 1.0. Projects without both ratios are listed. */
export function cpiSpiScatterSvg(portfolio: Portfolio): string {
  const withRatios: Array<{ p: PortfolioProject; cpi: number; spi: number }> = [];
  const without: string[] = [];
  for (const p of live(portfolio)) {
    const cpi = p.performance?.metrics.cpi.value;
    const spi = p.performance?.metrics.spi.value;
    if (typeof cpi === 'number' && typeof spi === 'number' && Number.isFinite(cpi) && Number.isFinite(spi)) withRatios.push({ p, cpi, spi });
    else without.push(p.id);
  }
  const missing = without.length ? `<p class="empty">Not enough data (no percent complete, actuals or plan) for: ${escapeHtml(without.join(', '))}.</p>` : '';
  if (withRatios.length === 0) return `<p class="empty">No live project has the percent complete and actuals CPI and SPI need.</p>${missing}`;
  const size = 320;
  const pad = 40;
  const lo = 0.5;
  const hi = 1.5;
  const at = (v: number) => (Math.min(Math.max(v, lo), hi) - lo) / (hi - lo);
  const x = (v: number) => pad + at(v) * size;
  const y = (v: number) => pad + (1 - at(v)) * size;
  const parts: string[] = [
    `<rect class="quadrant bad" x="${pad}" y="${coord(y(1))}" width="${coord(x(1) - pad)}" height="${coord(pad + size - y(1))}"/>`,
    `<rect class="quadrant good" x="${coord(x(1))}" y="${pad}" width="${coord(pad + size - x(1))}" height="${coord(y(1) - pad)}"/>`,
    `<line class="grid" x1="${coord(x(1))}" y1="${pad}" x2="${coord(x(1))}" y2="${pad + size}"/>`,
    `<line class="grid" x1="${pad}" y1="${coord(y(1))}" x2="${pad + size}" y2="${coord(y(1))}"/>`,
    `<rect class="frame" x="${pad}" y="${pad}" width="${size}" height="${size}"/>`,
    `<text class="axis" x="${pad + size / 2}" y="${pad + size + 30}" text-anchor="middle">SPI (earned / planned value)</text>`,
    `<text class="axis" x="12" y="${pad + size / 2}" transform="rotate(-90 12 ${pad + size / 2})" text-anchor="middle">CPI (earned value / actual cost)</text>`,
    `<text class="axis" x="${pad + 4}" y="${pad + size - 6}">behind, over cost</text>`,
    `<text class="axis" x="${pad + size - 4}" y="${pad + 14}" text-anchor="end">ahead, under cost</text>`,
    `<text class="axis" x="${pad + 4}" y="${pad + 14}">behind, under cost</text>`,
    `<text class="axis" x="${pad + size - 4}" y="${pad + size - 6}" text-anchor="end">ahead, over cost</text>`,
    ...[lo, 1, hi].map((v) => `<text class="axis" x="${coord(x(v))}" y="${pad + size + 14}" text-anchor="middle">${v.toFixed(1)}</text><text class="axis" x="${pad - 4}" y="${coord(y(v) + 4)}" text-anchor="end">${v.toFixed(1)}</text>`),
  ];
  const labelY = placeLabels(withRatios.map(({ p, cpi, spi }) => ({ x: x(spi), y: y(cpi), text: p.id })));
  withRatios.forEach(({ p, cpi, spi }, i) => {
    const moved = labelY[i] !== y(cpi) + 4;
    parts.push(
      `<g class="project" data-project="${escapeHtml(p.id)}" data-uri="${escapeHtml(p.location.uri)}" data-line="${p.location.range.start.line}" data-character="${p.location.range.start.character}" tabindex="0">` +
        `<circle class="dot rag-${classToken(p.rag ?? 'none')}" cx="${coord(x(spi))}" cy="${coord(y(cpi))}" r="6"><title>${escapeHtml(`${p.title} (${p.id}): CPI ${cpi.toFixed(2)}, SPI ${spi.toFixed(2)}`)}</title></circle>` +
        (moved ? `<line class="leader" x1="${coord(x(spi) + 6)}" y1="${coord(y(cpi))}" x2="${coord(x(spi) + 8)}" y2="${coord(labelY[i] - 4)}"/>` : '') +
        `<text class="node-label" x="${coord(x(spi) + 9)}" y="${coord(labelY[i])}">${escapeHtml(p.id)}</text></g>`,
    );
  });
  const w = pad * 2 + size + 120;
  const h = pad * 2 + size;
  return `<svg class="chart scatter" role="img" aria-label="CPI and SPI of live projects" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${parts.join('')}</svg>${missing}`;
}

/** Height of a dot label (11px text) and the width of one of its characters, roughly. */
const LABEL_HEIGHT = 13;
const LABEL_CHAR_WIDTH = 6.5;
/** How far a label may move from its dot, in label heights either way. */
const LABEL_MAX_SHIFT = 3;

/**
 * The baseline of each dot's label: beside its dot, or moved up or down by whole label heights when
 * it would cover a label already placed, so projects with close CPI and SPI stay readable. Placed top
 * to bottom, then left to right; a label with no free place within reach stays beside its dot.
 */
export function placeLabels(dots: Array<{ x: number; y: number; text: string }>): number[] {
  const placed: Array<{ left: number; right: number; top: number; bottom: number }> = [];
  const out = new Array<number>(dots.length);
  const order = dots.map((_, i) => i).sort((a, b) => dots[a].y - dots[b].y || dots[a].x - dots[b].x || a - b);
  for (const i of order) {
    const { x, y, text } = dots[i];
    const left = x + 9;
    const right = left + Math.min(text.length, 64) * LABEL_CHAR_WIDTH;
    const box = (baseline: number) => ({ left, right, top: baseline - LABEL_HEIGHT + 3, bottom: baseline + 3 });
    const free = (b: ReturnType<typeof box>) => placed.every((o) => b.right <= o.left || b.left >= o.right || b.bottom <= o.top || b.top >= o.bottom);
    let baseline = y + 4;
    for (let step = 1; step <= LABEL_MAX_SHIFT * 2 && !free(box(baseline)); step++) {
      const candidate = y + 4 + (step % 2 === 1 ? 1 : -1) * Math.ceil(step / 2) * LABEL_HEIGHT;
      if (free(box(candidate))) baseline = candidate;
    }
    out[i] = baseline;
    placed.push(box(baseline));
  }
  return out;
}

/** Per programme, three bars: approved, actual to date and forecast at completion of its live projects. */
export function programmeMoneySvg(portfolio: Portfolio): string {
  const rows: Array<{ label: string; currency: string; approved: string; actual: string; forecast: string }> = [];
  for (const g of groupPortfolio(portfolio, 'programme')) {
    for (const r of g.rollup.performance ?? []) rows.push({ label: g.label, currency: r.currency, approved: r.approved, actual: r.actual, forecast: r.forecast });
  }
  if (rows.length === 0) return '<p class="empty">No live project has an approved budget.</p>';
  const value = (t: string) => Number(parseMoney(t) ?? 0n) / 1_000_000;
  const max = Math.max(1, ...rows.flatMap((r) => [value(r.approved), value(r.actual), value(r.forecast)]));
  const labelWidth = 220;
  const plot = 420;
  const bar = 10;
  const out: string[] = [];
  let y = 10;
  for (const r of rows) {
    out.push(`<text class="section" x="0" y="${y + 12}">${escapeHtml(`${r.label} (${r.currency})`)}</text>`);
    (['approved', 'actual', 'forecast'] as const).forEach((key, i) => {
      const w = (value(r[key]) / max) * plot;
      const by = y + i * (bar + 3);
      out.push(
        `<rect class="money-${key}" x="${labelWidth}" y="${by}" width="${coord(Math.max(w, 1))}" height="${bar}"><title>${escapeHtml(`${r.label}: ${key} ${moneyDisplay(r[key], r.currency)}`)}</title></rect>` +
          `<text class="value" x="${coord(labelWidth + Math.max(w, 1) + 6)}" y="${by + 9}">${escapeHtml(`${key} ${moneyDisplay(r[key], r.currency)}`)}</text>`,
      );
    });
    y += 3 * (bar + 3) + 14;
  }
  const width = labelWidth + plot + 200;
  return `<svg class="chart programme-money" role="img" aria-label="Approved, actual and forecast by programme" viewBox="0 0 ${width} ${y}" width="${width}" height="${y}">${out.join('')}</svg>`;
}

/** A row per live project with history: a dot per report on a time axis, coloured by its RAG. */
export function ragTrendSvg(portfolio: Portfolio, limit = 30): string {
  const rows = live(portfolio).filter((p) => (p.performance?.trend.points.length ?? 0) > 1).slice(0, limit);
  if (rows.length === 0) return '<p class="empty">No live project has a history of status reports yet (statusReports:, or git history in a trusted workspace or with charter report --git-history).</p>';
  const days = rows.flatMap((p) => p.performance!.trend.points.map((pt) => pt.asOf)).filter(isIsoDate).sort();
  const from = Date.parse(`${days[0]}T00:00:00Z`);
  const span = Math.max(1, Date.parse(`${days[days.length - 1]}T00:00:00Z`) - from);
  const labelWidth = 220;
  const plot = 360;
  const out: string[] = [];
  rows.forEach((p, i) => {
    const y = 14 + i * 22;
    const trend = p.performance!.trend;
    const xs = trend.points.map((pt) => labelWidth + ((Date.parse(`${pt.asOf}T00:00:00Z`) - from) / span) * plot);
    out.push(`<text class="label" x="0" y="${y + 4}">${escapeHtml(p.id)}</text>`);
    out.push(`<polyline class="edge" points="${xs.map((x) => `${coord(x)},${y}`).join(' ')}"/>`);
    trend.points.forEach((pt, j) => out.push(`<circle class="rag-${classToken(pt.rag ?? 'none')}" cx="${coord(xs[j])}" cy="${y}" r="5"><title>${escapeHtml(`${pt.asOf}: ${pt.rag ?? 'no rating'}`)}</title></circle>`));
    out.push(`<text class="value" x="${labelWidth + plot + 12}" y="${y + 4}">${escapeHtml(trend.phrases.join('; '))}</text>`);
  });
  const height = 14 + rows.length * 22;
  const width = labelWidth + plot + 360;
  return `<svg class="chart rag-trend" role="img" aria-label="RAG of live projects over time" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${out.join('')}</svg>`;
}

/** The twelve months from the as-of month: `YYYY-MM`. */
export function monthsFrom(asOf: string, count = 12): string[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = month + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** Each person's booked percent per month, from the allocations of live projects (a booking counts in every month it touches). */
export function capacityByMonth(portfolio: Portfolio, months = monthsFrom(portfolio.asOf)): Map<string, number[]> {
  const load = new Map<string, number[]>();
  for (const p of live(portfolio)) {
    for (const a of p.allocations ?? []) {
      const from = a.from ?? p.schedule.start;
      const to = a.to ?? p.schedule.end;
      if (!from || !to) continue;
      const row = load.get(a.person) ?? months.map(() => 0);
      months.forEach((m, i) => {
        if (from.slice(0, 7) <= m && to.slice(0, 7) >= m) row[i] += a.percent;
      });
      load.set(a.person, row);
    }
  }
  return load;
}

/** A person's name and capacity for the heat map: their own, else the portfolio's ceiling, else 100%. */
export function personCapacity(portfolio: Portfolio, id: string): { name: string; capacity: number } {
  const person = portfolio.people?.find((p) => p.id === id);
  return { name: person?.name ?? id, capacity: person?.capacityPercent ?? portfolio.maxAllocationPercent ?? 100 };
}

export function capacityHeatMap(portfolio: Portfolio): string {
  const months = monthsFrom(portfolio.asOf);
  const load = capacityByMonth(portfolio, months);
  if (load.size === 0) return '<p class="empty">No live project books anyone (allocations:).</p>';
  const people = [...load.keys()].sort();
  const header = `<tr><th>Person</th>${months.map((m) => `<th class="num">${escapeHtml(m)}</th>`).join('')}</tr>`;
  const rows = people.map((id) => {
    const { name, capacity } = personCapacity(portfolio, id);
    const cells = load.get(id)!.map((v, i) => {
      const over = v > capacity;
      const level = v === 0 ? 'free' : over ? 'over' : v >= capacity * 0.8 ? 'full' : 'part';
      return `<td class="num heat ${level}" title="${escapeHtml(`${name}, ${months[i]}: ${v}% of ${capacity}%${over ? ' (over-booked)' : ''}`)}">${over ? '<strong>' : ''}${escapeHtml(String(v))}${over ? '!</strong>' : ''}</td>`;
    });
    return `<tr><td>${escapeHtml(name)}</td>${cells.join('')}</tr>`;
  });
  return `<table class="heat-map"><thead>${header}</thead><tbody>${rows.join('')}</tbody></table><p class="more">Percent of each person's week booked on live projects; <strong>!</strong> marks a month above their capacity.</p>`;
}

/** Each strategic objective with the live projects behind it and their approved money in the base currency. */
export function strategicAlignment(portfolio: Portfolio): Array<{ id: string; title: string; projects: string[]; money: string }> {
  return (portfolio.strategicObjectives ?? []).map((o) => {
    const behind = live(portfolio).filter((p) => p.strategicObjectives?.includes(o.id));
    const totals = new Map<string, Money>();
    for (const p of behind) {
      const base = p.performance?.base;
      const amount = parseMoney(base?.approved);
      if (base && amount !== undefined) totals.set(base.currency, (totals.get(base.currency) ?? 0n) + amount);
    }
    const money = [...totals.entries()].map(([c, a]) => `${formatMoney(a)} ${c}`).join(' + ') || '0';
    return { id: o.id, title: o.title ?? '', projects: behind.map((p) => p.id), money };
  });
}

/** Objectives with none behind them stand out. */
export function strategicAlignmentTable(portfolio: Portfolio): string {
  const objectives = strategicAlignment(portfolio);
  if (objectives.length === 0) return '<p class="empty">The portfolio names no strategic objectives.</p>';
  const rows = objectives.map((o) => {
    const cls = o.projects.length === 0 ? 'num rag-red-text' : 'num';
    return `<tr><td><code>${escapeHtml(o.id)}</code> ${escapeHtml(o.title)}</td><td class="${cls}">${o.projects.length}${o.projects.length === 0 ? ' (none)' : ''}</td><td>${escapeHtml(o.projects.join(', '))}</td><td class="num">${escapeHtml(o.money)}</td></tr>`;
  });
  return `<table class="alignment"><thead><tr><th>Strategic objective</th><th class="num">Live projects</th><th>Projects</th><th class="num">Approved</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Styles of the performance charts, from the same theme colours as the other charts. */
export function performanceCss(vars: { foreground: string; muted: string; grid: string; red: string; amber: string; green: string; blue: string }): string {
  return `
.chart .quadrant.good { fill: ${vars.green}; fill-opacity: 0.08; } .chart .quadrant.bad { fill: ${vars.red}; fill-opacity: 0.08; }
.chart .frame { fill: none; stroke: ${vars.grid}; }
.chart .dot { stroke: ${vars.foreground}; stroke-width: 1; }
.chart .leader { stroke: ${vars.muted}; stroke-width: 1; }
.chart .money-approved { fill: ${vars.muted}; } .chart .money-actual { fill: ${vars.blue}; } .chart .money-forecast { fill: ${vars.amber}; }
.heat-map td.heat.part { background: color-mix(in srgb, ${vars.blue} 20%, transparent); }
.heat-map td.heat.full { background: color-mix(in srgb, ${vars.amber} 30%, transparent); }
.heat-map td.heat.over { background: color-mix(in srgb, ${vars.red} 40%, transparent); }
`;
}
