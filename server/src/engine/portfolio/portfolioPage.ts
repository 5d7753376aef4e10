// The body of a portfolio page: RAG summary, timeline, budgets, dependencies, top findings and the
// project table. Shared by the HTML report (static) and the dashboard webview (which adds a script).
import { classToken, escapeHtml } from '../utils/escape';
import { projectExceptions } from './leadershipExceptions';
import { performanceSection } from './performanceCharts';
import { budgetSvg, dependencySvg, ganttSvg, money, ragSummarySvg } from './portfolioCharts';
import type { Portfolio, PortfolioGroup, PortfolioProject } from './portfolioTypes';

export interface PortfolioPageOptions {
  /** Most findings to list. */
  topFindings?: number;
}

export function portfolioPageBody(portfolio: Portfolio, groups: PortfolioGroup[], options: PortfolioPageOptions = {}): string {
  const s = portfolio.summary;
  const tiles = [
    tile('Projects', String(s.count)),
    tile('Live', String(s.live)),
    tile('Red', String(s.rag.red), 'rag-red'),
    tile('Amber', String(s.rag.amber), 'rag-amber'),
    tile('Green', String(s.rag.green), 'rag-green'),
    tile('Overdue milestones', String(s.overdueMilestones)),
    tile('Errors', String(s.findingCounts.errors)),
    tile('Warnings', String(s.findingCounts.warnings)),
  ].join('');
  return [
    `<header><h1>Portfolio</h1><p class="as-of">As of ${escapeHtml(portfolio.asOf)} · committed (approved or live) ${escapeHtml(amounts(s.approved))}</p></header>`,
    `<section id="needs-decision"><h2>Exceptions for leadership</h2>${leadershipTable(portfolio)}</section>`,
    `<section id="summary"><h2>RAG summary</h2><div class="tiles">${tiles}</div>${ragSummarySvg(portfolio)}</section>`,
    `<section id="performance"><h2>Performance</h2>${performanceSection(portfolio)}</section>`,
    `<section id="timeline"><h2>Timeline</h2>${ganttSvg(portfolio)}</section>`,
    `<section id="budget"><h2>Budget by programme against caps</h2>${budgetSvg(portfolio)}${groupsTable(groups)}</section>`,
    `<section id="dependencies"><h2>Dependencies</h2>${dependencySvg(portfolio)}</section>`,
    `<section id="findings"><h2>Top findings</h2>${findingsTable(portfolio, options.topFindings ?? 20)}</section>`,
    `<section id="projects"><h2>Projects</h2>${projectsTable(portfolio.projects)}</section>`,
    `<section id="exceptions"><h2>Exceptions: waivers and suppressions</h2>${exceptionsTable(portfolio.exceptions)}</section>`,
  ].join('\n');
}

/** The exceptions register: every waiver and suppression comment, where it is, why, who approved it, until when. */
export function exceptionsTable(exceptions: Portfolio['exceptions']): string {
  if (exceptions.length === 0) return '<p class="empty">No waivers or suppression comments.</p>';
  const rows = exceptions.map((e) => {
    const where = `${e.location.relativePath}:${e.location.range.start.line + 1}`;
    const expires = e.expires ? `${e.expires}${e.expired ? ' (expired)' : ''}` : e.kind === 'suppression' ? 'never' : '';
    return `<tr><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.rules.join(', '))}</td><td>${escapeHtml(where)}</td><td>${escapeHtml(e.reason ?? '(no reason)')}</td><td>${escapeHtml(e.approver ?? (e.kind === 'suppression' ? 'nobody' : ''))}</td><td>${escapeHtml(expires)}</td></tr>`;
  });
  return `<table class="exceptions"><thead><tr><th>kind</th><th>rule</th><th>file</th><th>reason</th><th>approver</th><th>expires</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Live projects beyond tolerance, red or worsening: what needs a decision first. */
function leadershipTable(portfolio: Portfolio): string {
  const exceptions = projectExceptions(portfolio);
  if (exceptions.length === 0) return '<p class="empty">No live project is beyond tolerance, red or worsening.</p>';
  const rows = exceptions.map(({ project: p, reasons, needsDecision }) => {
    const m = p.performance?.metrics;
    return (
      `<tr class="project" data-project="${escapeHtml(p.id)}" data-uri="${escapeHtml(p.location.uri)}" data-line="${p.location.range.start.line}" data-character="${p.location.range.start.character}" tabindex="0">` +
      `<td>${ragBadge(p.rag)}</td><td><code>${escapeHtml(p.id)}</code> ${escapeHtml(p.title)}</td><td>${needsDecision ? '<strong class="rag-red-text">yes</strong>: exception report to the sponsor' : 'no'}</td>` +
      `<td>${escapeHtml(reasons.join('; '))}</td><td class="num">${escapeHtml(m?.cpi.text ?? '')}</td><td class="num">${escapeHtml(m?.spi.text ?? '')}</td><td class="num">${escapeHtml(m?.forecastVariance.text ?? '')}</td></tr>`
    );
  });
  return `<table class="leadership"><thead><tr><th>RAG</th><th>Project</th><th>Needs a decision</th><th>Why</th><th class="num">CPI</th><th class="num">SPI</th><th class="num">Forecast variance</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function tile(label: string, value: string, cls = ''): string {
  return `<div class="tile"><span class="tile-value ${cls ? `${cls}-text` : ''}">${escapeHtml(value)}</span><span class="tile-label">${escapeHtml(label)}</span></div>`;
}

function groupsTable(groups: PortfolioGroup[]): string {
  const rows = groups.map((g) => {
    const cap = g.cap ? `${money(g.cap.amount)} ${escapeHtml(g.cap.currency)}${g.cap.over ? ' <strong class="rag-red-text">over cap</strong>' : ''}` : '';
    return `<tr><td>${escapeHtml(g.label)}</td><td class="num">${g.rollup.count}</td><td>${ragBadge(g.rollup.worstRag)}</td><td class="num">${escapeHtml(amounts(g.rollup.approved))}</td><td class="num">${cap}</td></tr>`;
  });
  return `<table class="groups"><thead><tr><th>Group</th><th>Projects</th><th>Worst RAG</th><th>Approved</th><th>Cap</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function findingsTable(portfolio: Portfolio, limit: number): string {
  const all = portfolio.projects.flatMap((p) => p.findings.map((f) => ({ p, f })));
  const order = { error: 0, warning: 1, info: 2, hint: 3 } as const;
  all.sort((a, b) => order[a.f.severity] - order[b.f.severity] || a.p.id.localeCompare(b.p.id));
  if (all.length === 0) return `<p class="empty">No findings.</p>`;
  const rows = all.slice(0, limit).map(
    ({ p, f }) =>
      `<tr class="project finding" data-project="${escapeHtml(p.id)}" data-uri="${escapeHtml(f.location.uri)}" data-line="${f.location.range.start.line}" data-character="${f.location.range.start.character}" tabindex="0">` +
      `<td><span class="severity ${classToken(f.severity)}">${escapeHtml(f.severity)}</span></td><td><code>${escapeHtml(p.id)}</code></td><td><code>${escapeHtml(f.rule)}</code></td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.location.relativePath)}:${f.location.range.start.line + 1}</td></tr>`,
  );
  const more = all.length > limit ? `<p class="more">and ${all.length - limit} more.</p>` : '';
  return `<table class="findings"><thead><tr><th>Severity</th><th>Project</th><th>Rule</th><th>Message</th><th>Where</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function projectsTable(projects: PortfolioProject[]): string {
  const rows = projects.map(
    (p) =>
      `<tr class="project" data-project="${escapeHtml(p.id)}" data-uri="${escapeHtml(p.location.uri)}" data-line="${p.location.range.start.line}" data-character="${p.location.range.start.character}" tabindex="0">` +
      `<td>${p.ragInvalid !== undefined ? `<span class="badge rag-invalid-bg" title="${escapeHtml(`RAG ${JSON.stringify(p.ragInvalid)} is not green, amber or red`)}">unreadable</span>` : ragBadge(p.rag)}</td><td><code>${escapeHtml(p.id)}</code></td><td>${escapeHtml(p.title)}</td><td>${escapeHtml(p.status ?? '')}</td><td>${escapeHtml(p.programme ?? '')}</td><td>${escapeHtml(p.manager ?? '')}</td>` +
      `<td>${escapeHtml(p.schedule.end ?? '')}</td><td class="num">${p.budget.approved === undefined ? '' : `${money(p.budget.approved)} ${escapeHtml(p.budget.currency ?? '')}`}</td><td class="num">${p.findingCounts.errors + p.findingCounts.warnings}</td></tr>`,
  );
  return `<table class="projects"><thead><tr><th>RAG</th><th>Id</th><th>Title</th><th>Status</th><th>Programme</th><th>Manager</th><th>End</th><th>Approved</th><th>Findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function ragBadge(rag?: string): string {
  return rag ? `<span class="badge rag-${classToken(rag)}-bg">${escapeHtml(rag)}</span>` : '<span class="badge rag-none-bg">none</span>';
}

function amounts(byCurrency: Record<string, number>): string {
  const entries = Object.entries(byCurrency);
  return entries.length ? entries.map(([currency, amount]) => `${money(amount)} ${currency}`.trim()).join(' + ') : '0';
}

/** Page styles beyond the charts': tables, tiles, badges. */
export function pageCss(vars: { foreground: string; background: string; muted: string; border: string; red: string; amber: string; green: string; none: string; font: string }): string {
  return `
body { font-family: ${vars.font}; color: ${vars.foreground}; background: ${vars.background}; margin: 0; padding: 16px 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.15em; margin: 28px 0 8px; }
.as-of, .empty, .more { color: ${vars.muted}; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 12px; }
.tile { border: 1px solid ${vars.border}; border-radius: 6px; padding: 8px 14px; min-width: 90px; display: flex; flex-direction: column; }
.tile-value { font-size: 1.6em; font-weight: 600; } .tile-label { color: ${vars.muted}; font-size: 0.9em; }
.rag-red-text { color: ${vars.red}; } .rag-amber-text { color: ${vars.amber}; } .rag-green-text { color: ${vars.green}; }
.badge { display: inline-block; padding: 0 8px; border-radius: 8px; font-size: 0.85em; color: ${vars.background}; }
.rag-red-bg { background: ${vars.red}; } .rag-amber-bg { background: ${vars.amber}; } .rag-green-bg { background: ${vars.green}; } .rag-none-bg { background: ${vars.none}; }
.rag-invalid-bg { outline: 2px dashed ${vars.red}; }
table { border-collapse: collapse; margin-top: 8px; }
th, td { text-align: left; padding: 3px 10px; border-bottom: 1px solid ${vars.border}; vertical-align: top; }
td.num, th.num { text-align: right; }
.severity.error { color: ${vars.red}; } .severity.warning { color: ${vars.amber}; }
tr.project { cursor: pointer; }
`;
}
