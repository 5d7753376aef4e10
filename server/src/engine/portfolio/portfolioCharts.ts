// The portfolio as pictures: inline SVG for the HTML report and the dashboard webview. Pure strings,
// no DOM and no scripts. Colours are CSS classes (`rag-red`, `axis`, ...) that the page styles from its
// theme, so one chart reads in light, dark and high-contrast themes. No `xmlns`: inline SVG in HTML
// needs none, and a self-contained report carries no http(s) reference at all.
import { daysBetween, isIsoDate } from '../utils/dates';
import { classToken, escapeHtml } from '../utils/escape';
import { groupPortfolio } from './portfolioGroups';
import type { Portfolio, PortfolioProject, Rag } from './portfolioTypes';

const ragClass = (rag?: Rag): string => `rag-${classToken(rag ?? 'none')}`;

/** What a click on a project needs: its id, file and line. Read by the dashboard's script. */
function projectData(p: PortfolioProject): string {
  return `data-project="${escapeHtml(p.id)}" data-uri="${escapeHtml(p.location.uri)}" data-line="${p.location.range.start.line}" data-character="${p.location.range.start.character}"`;
}

/** RAG counts as one stacked bar with a legend. */
export function ragSummarySvg(portfolio: Portfolio): string {
  // Health is about live projects: the bar splits them, not the finished ones.
  const { rag, live: count } = portfolio.summary;
  const width = 600;
  const entries: Array<[keyof typeof rag, string]> = [
    ['red', 'Red'],
    ['amber', 'Amber'],
    ['green', 'Green'],
    ['none', 'No report'],
    ...(rag.invalid > 0 ? [['invalid', 'Unreadable RAG'] as [keyof typeof rag, string]] : []),
  ];
  let x = 0;
  const bars: string[] = [];
  const legend: string[] = [];
  entries.forEach(([key, label], i) => {
    const w = count ? (rag[key] / count) * width : 0;
    if (w > 0) bars.push(`<rect class="rag-${key}" x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="24"><title>${label}: ${rag[key]}</title></rect>`);
    x += w;
    legend.push(`<g transform="translate(${i * 150},40)"><rect class="rag-${key}" width="12" height="12"/><text class="label" x="18" y="11">${label}: ${rag[key]}</text></g>`);
  });
  return `<svg class="chart rag-summary" role="img" aria-label="RAG summary" viewBox="0 0 ${width} 60" width="${width}" height="60">${bars.join('')}${legend.join('')}</svg>`;
}

/** A Gantt chart: a row per project, grouped by programme, milestones as diamonds, the as-of day marked. */
export function ganttSvg(portfolio: Portfolio): string {
  const { scheduled, unscheduled } = timelineProjects(portfolio.projects);
  const note = unscheduled.length > 0 ? `<p class="note">Not on the timeline: ${unscheduled.map((u) => `${escapeHtml(u.project.id)} (${escapeHtml(u.reason)})`).join('; ')}.</p>` : '';
  return ganttChart(portfolio, scheduled) + note;
}

/** Projects whose schedule can be drawn, and why the others cannot: one bad date never breaks the chart. */
export function timelineProjects(projects: PortfolioProject[]): { scheduled: PortfolioProject[]; unscheduled: Array<{ project: PortfolioProject; reason: string }> } {
  const scheduled: PortfolioProject[] = [];
  const unscheduled: Array<{ project: PortfolioProject; reason: string }> = [];
  for (const p of projects) {
    const { start, end } = p.schedule;
    if (!start && !end) continue; // no schedule yet: nothing to say on a timeline
    const reason = !start
      ? 'no start date'
      : !end
        ? 'no end date'
        : !isIsoDate(start)
          ? `start ${JSON.stringify(start)} is not a date written YYYY-MM-DD`
          : !isIsoDate(end)
            ? `end ${JSON.stringify(end)} is not a date written YYYY-MM-DD`
            : start > end
              ? 'it ends before it starts'
              : undefined;
    if (reason) unscheduled.push({ project: p, reason });
    else scheduled.push(p);
  }
  return { scheduled, unscheduled };
}

function ganttChart(portfolio: Portfolio, scheduled: PortfolioProject[]): string {
  const labelWidth = 240;
  const plotWidth = 720;
  const rowHeight = 22;
  if (scheduled.length === 0) return `<p class="empty">No project has a schedule yet.</p>`;
  let from = scheduled.reduce((m, p) => (p.schedule.start! < m ? p.schedule.start! : m), portfolio.asOf);
  let to = scheduled.reduce((m, p) => (p.schedule.end! > m ? p.schedule.end! : m), portfolio.asOf);
  from = `${from.slice(0, 7)}-01`;
  to = `${to.slice(0, 4)}-12-31`;
  const span = Math.max(1, daysBetween(from, to));
  const xOf = (date: string): number => labelWidth + (Math.min(Math.max(daysBetween(from, date), 0), span) / span) * plotWidth;

  const rows: string[] = [];
  let y = 30;
  for (const group of groupPortfolio(portfolio, 'programme')) {
    const members = group.projectIds.map((id) => scheduled.find((p) => p.id === id)).filter((p): p is PortfolioProject => !!p);
    if (members.length === 0) continue;
    rows.push(`<text class="section" x="0" y="${y + 15}">${escapeHtml(group.label)}</text>`);
    y += rowHeight;
    for (const p of members) {
      const x1 = xOf(p.schedule.start!);
      const x2 = Math.max(xOf(p.schedule.end!), x1 + 2);
      const milestones = p.milestones
        .filter((m) => m.date && isIsoDate(m.date) && m.date >= from && m.date <= to)
        .map((m) => {
          const mx = xOf(m.date!);
          const cls = m.overdue ? 'milestone overdue' : `milestone ${classToken(m.status ?? 'planned')}`;
          return `<path class="${cls}" d="M${mx.toFixed(1)} ${y + 4} l5 7 l-5 7 l-5 -7 z"><title>${escapeHtml(`${m.name ?? m.id} ${m.date}${m.overdue ? ' (overdue)' : m.status ? ` (${m.status})` : ''}`)}</title></path>`;
        })
        .join('');
      rows.push(
        `<g class="project" ${projectData(p)} tabindex="0"><text class="label" x="12" y="${y + 15}">${escapeHtml(truncate(p.title, 32))}</text>` +
          `<rect class="bar ${ragClass(p.rag)}" x="${x1.toFixed(1)}" y="${y + 5}" width="${(x2 - x1).toFixed(1)}" height="${rowHeight - 10}" rx="3"><title>${escapeHtml(`${p.title} (${p.id}): ${p.schedule.start} to ${p.schedule.end}${p.rag ? `, ${p.rag}` : ''}`)}</title></rect>${milestones}</g>`,
      );
      y += rowHeight;
    }
  }
  const ticks: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const month of ['01', '04', '07', '10']) {
      const date = `${year}-${month}-01`;
      if (date < from || date > to) continue;
      const x = xOf(date).toFixed(1);
      const quarter = `Q${(Number(month) + 2) / 3}`;
      // January shows the year; so does the first tick, so the axis always says which year it starts in.
      const label = month === '01' ? String(year) : ticks.length === 0 ? `${quarter} ${year}` : quarter;
      ticks.push(`<line class="grid" x1="${x}" y1="20" x2="${x}" y2="${y}"/><text class="axis" x="${x}" y="14">${label}</text>`);
    }
  }
  const today = xOf(portfolio.asOf).toFixed(1);
  const marker = `<line class="today" x1="${today}" y1="18" x2="${today}" y2="${y}"/><text class="today-label" x="${today}" y="${y + 14}" text-anchor="middle">${escapeHtml(portfolio.asOf)}</text>`;
  const height = y + 20;
  return `<svg class="chart gantt" role="img" aria-label="Timeline of projects and milestones" viewBox="0 0 ${labelWidth + plotWidth + 10} ${height}" width="${labelWidth + plotWidth + 10}" height="${height}">${ticks.join('')}${rows.join('')}${marker}</svg>`;
}

/** Approved budget per programme against its cap (in the cap's currency). */
export function budgetSvg(portfolio: Portfolio): string {
  const groups = groupPortfolio(portfolio, 'programme').filter((g) => g.cap);
  if (groups.length === 0) return `<p class="empty">No programme states a budget cap.</p>`;
  const labelWidth = 240;
  const plotWidth = 480;
  const rowHeight = 34;
  const max = Math.max(...groups.map((g) => Math.max(g.cap!.amount, g.cap!.approved)), 1);
  const rows = groups.map((g, i) => {
    const cap = g.cap!;
    const y = i * rowHeight + 6;
    const barWidth = (cap.approved / max) * plotWidth;
    const capX = labelWidth + (cap.amount / max) * plotWidth;
    const percent = cap.amount > 0 ? Math.round((cap.approved / cap.amount) * 100) : 0;
    return (
      `<g class="programme" data-programme="${escapeHtml(g.key)}"><text class="label" x="0" y="${y + 15}">${escapeHtml(truncate(g.label, 34))}</text>` +
      `<rect class="bar ${cap.over ? 'over-cap' : 'within-cap'}" x="${labelWidth}" y="${y + 3}" width="${barWidth.toFixed(1)}" height="16"><title>${escapeHtml(`${money(cap.approved)} of ${money(cap.amount)} ${cap.currency} (${percent} %)`)}</title></rect>` +
      `<line class="cap" x1="${capX.toFixed(1)}" y1="${y}" x2="${capX.toFixed(1)}" y2="${y + 22}"/>` +
      `<text class="value" x="${labelWidth + plotWidth + 8}" y="${y + 15}">${percent} %</text></g>`
    );
  });
  const height = groups.length * rowHeight + 10;
  return `<svg class="chart budget" role="img" aria-label="Approved budget by programme against caps" viewBox="0 0 ${labelWidth + plotWidth + 60} ${height}" width="${labelWidth + plotWidth + 60}" height="${height}">${rows.join('')}</svg>`;
}

/**
 * Projects that depend on others, upstream on the left: a project's column is the length of its longest
 * chain of upstream projects. Unknown ids are drawn dashed. Cycles are cut where they close.
 */
export function dependencySvg(portfolio: Portfolio): string {
  const byId = new Map(portfolio.projects.map((p) => [p.id, p]));
  const involved = new Set<string>();
  const edges: Array<[string, string]> = [];
  for (const p of portfolio.projects) {
    for (const d of p.dependencies) {
      involved.add(p.id);
      involved.add(d.project);
      edges.push([d.project, p.id]);
    }
  }
  if (edges.length === 0) return `<p class="empty">No project depends on another.</p>`;
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const upstream = byId.get(id)?.dependencies.map((d) => d.project) ?? [];
    const value = upstream.length ? Math.max(...upstream.map((u) => depthOf(u) + 1)) : 0;
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  const columns: string[][] = [];
  for (const id of [...involved].sort()) (columns[depthOf(id)] ??= []).push(id);
  const nodeWidth = 180;
  const nodeHeight = 26;
  const columnGap = 80;
  const rowGap = 14;
  const position = new Map<string, { x: number; y: number }>();
  columns.forEach((ids, c) => ids.forEach((id, r) => position.set(id, { x: c * (nodeWidth + columnGap), y: r * (nodeHeight + rowGap) })));
  const lines = edges.map(([from, to]) => {
    const a = position.get(from)!;
    const b = position.get(to)!;
    const x1 = a.x + nodeWidth;
    const y1 = a.y + nodeHeight / 2;
    const x2 = b.x;
    const y2 = b.y + nodeHeight / 2;
    const bend = Math.max(20, Math.abs(x2 - x1) / 2);
    return `<path class="edge" d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2 - 6} ${y2}" marker-end="url(#arrow)"/>`;
  });
  const nodes = [...position.entries()].map(([id, { x, y }]) => {
    const p = byId.get(id);
    const cls = p ? `node ${ragClass(p.rag)}` : 'node unknown';
    const attributes = p ? `class="project" ${projectData(p)} tabindex="0"` : 'class="missing"';
    return `<g ${attributes}><rect class="${cls}" x="${x}" y="${y}" width="${nodeWidth}" height="${nodeHeight}" rx="4"/><text class="node-label" x="${x + 8}" y="${y + 17}">${escapeHtml(truncate(id, 24))}</text><title>${escapeHtml(p ? `${p.title} (${p.status ?? 'no status'})` : `${id}: no such project`)}</title></g>`;
  });
  const width = columns.length * (nodeWidth + columnGap);
  const height = Math.max(...columns.map((c) => c.length)) * (nodeHeight + rowGap);
  const defs = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="arrow-head" d="M0 0 L10 5 L0 10 z"/></marker></defs>`;
  return `<svg class="chart dependencies" role="img" aria-label="Dependencies between projects: upstream on the left" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${defs}${lines.join('')}${nodes.join('')}</svg>`;
}

/** Styles for the charts. `vars` maps our colour names to CSS values (theme variables in the webview). */
export function chartCss(vars: ChartColours): string {
  return `
.chart { max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: ${vars.foreground}; }
.chart .section { font-weight: 600; }
.chart .axis, .chart .value, .chart .today-label { fill: ${vars.muted}; font-size: 11px; }
.chart .grid { stroke: ${vars.grid}; stroke-width: 1; }
.chart .today { stroke: ${vars.today}; stroke-width: 2; stroke-dasharray: 4 3; }
.rag-red { fill: ${vars.red}; } .rag-amber { fill: ${vars.amber}; } .rag-green { fill: ${vars.green}; } .rag-none { fill: ${vars.none}; }
.rag-invalid { fill: ${vars.background}; stroke: ${vars.red}; stroke-width: 2; stroke-dasharray: 3 2; }
.chart .milestone { fill: ${vars.foreground}; stroke: ${vars.background}; stroke-width: 1; }
.chart .milestone.done { fill: ${vars.muted}; }
.chart .milestone.overdue, .chart .milestone.missed { fill: ${vars.red}; }
.chart .within-cap { fill: ${vars.blue}; } .chart .over-cap { fill: ${vars.red}; }
.chart .cap { stroke: ${vars.foreground}; stroke-width: 2; }
.chart .edge { fill: none; stroke: ${vars.muted}; stroke-width: 1.5; }
.chart .arrow-head { fill: ${vars.muted}; }
.chart .node { stroke: ${vars.foreground}; stroke-width: 1; fill-opacity: 0.35; }
.chart .node.unknown { fill: none; stroke-dasharray: 4 3; }
.chart .node-label { font-size: 11px; }
.chart .project { cursor: pointer; }
.chart .project:focus { outline: none; }
.chart .project:focus rect, .chart .project:hover rect { stroke: ${vars.focus}; stroke-width: 2; }
`;
}

export interface ChartColours {
  foreground: string;
  background: string;
  muted: string;
  grid: string;
  today: string;
  red: string;
  amber: string;
  green: string;
  none: string;
  blue: string;
  focus: string;
}

export function money(amount: number): string {
  return amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
