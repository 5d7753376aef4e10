// The portfolio tree as plain data: groups -> projects -> milestones, risks, dependencies, findings.
// A pure function of the server's answer, so tests check it without VS Code; the provider turns each
// node into a TreeItem.
import { FINISHED_STATUSES, isOneOf, markdownCode, markdownText, type PortfolioGroup, type PortfolioProject, type PortfolioResult, type Rag, type SourceLocation } from '../../../server/src/protocol';

export type NodeKind = 'group' | 'project' | 'section' | 'milestone' | 'risk' | 'dependency' | 'finding';

export interface TreeNode {
  /** Unique and stable across refreshes, so the tree keeps what is expanded. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** A codicon id and a theme colour id. */
  icon?: { id: string; color?: string };
  /** For `when` clauses in menus: `charter.project`, `charter.group`, ... */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** What a click opens: the charter at this node. */
  open?: SourceLocation;
  /** The project this node belongs to. */
  projectId?: string;
  children: TreeNode[];
}

/** Theme colours that VS Code adapts to light, dark and high-contrast themes. */
export const RAG_COLOURS: Record<Rag | 'none', string> = {
  red: 'charts.red',
  amber: 'charts.orange',
  green: 'charts.green',
  none: 'disabledForeground',
};

const TOP_RISKS = 5;

export function buildTree(result: PortfolioResult): TreeNode[] {
  const byId = new Map(result.portfolio.projects.map((p) => [p.id, p]));
  return result.groups.map((group) => groupNode(group, result, byId));
}

function groupNode(group: PortfolioGroup, result: PortfolioResult, byId: Map<string, PortfolioProject>): TreeNode {
  const r = group.rollup;
  // The sidebar is narrow (about 35 characters of description): what needs attention first, the rest in the tooltip.
  const parts = [
    group.cap?.over ? 'over cap' : undefined,
    r.findingCounts.errors ? `${r.findingCounts.errors} error${r.findingCounts.errors === 1 ? '' : 's'}` : undefined,
    `${r.count} project${r.count === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const tooltip = [
    `**${markdownText(group.label)}**${group.key && group.key !== group.label ? ` (${markdownCode(group.key)})` : ''}`,
    '',
    `${r.count} project${r.count === 1 ? '' : 's'}, ${r.live} live: ${r.rag.red} red, ${r.rag.amber} amber, ${r.rag.green} green, ${r.rag.none} without a status report${r.rag.invalid ? `, ${r.rag.invalid} with an unreadable RAG` : ''}`,
    group.cap ? `\n\nApproved ${money(group.cap.approved)} of a ${money(group.cap.amount)} ${group.cap.currency} cap${group.cap.over ? ' - **over the cap**' : ''}` : `\n\nApproved ${amounts(r.approved)}`,
    r.overdueMilestones ? `\n\n${r.overdueMilestones} overdue milestone${r.overdueMilestones === 1 ? '' : 's'}` : '',
    performanceRollupText(r.performance),
  ].join('');
  return {
    id: `group:${result.groupBy}:${group.key}`,
    kind: 'group',
    label: group.label,
    description: parts.join(' · '),
    tooltip,
    icon: { id: group.cap?.over ? 'warning' : 'folder', color: RAG_COLOURS[r.worstRag ?? 'none'] },
    contextValue: 'charter.group',
    collapsible: 'expanded',
    open: group.location,
    children: group.projectIds.map((id) => byId.get(id)).filter((p): p is PortfolioProject => !!p).map((p) => projectNode(p, byId, `group:${result.groupBy}:${group.key}`)),
  };
}

export function projectNode(p: PortfolioProject, byId: Map<string, PortfolioProject>, parent = ''): TreeNode {
  const id = `${parent}/project:${p.id}:${p.location.relativePath}`;
  const counts = p.findingCounts;
  const findingTotal = counts.errors + counts.warnings + counts.infos + counts.hints;
  // Key fact first (what needs attention, else when it ends); manager, dates and budget are in the tooltip.
  const overdue = p.milestones.filter((m) => m.overdue).length;
  const attention = counts.errors
    ? `${counts.errors} error${counts.errors === 1 ? '' : 's'}`
    : overdue
      ? `${overdue} overdue`
      : counts.warnings
        ? `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`
        : findingTotal
          ? `${findingTotal} finding${findingTotal === 1 ? '' : 's'}`
          : undefined;
  const changed = p.changedAgainstBase ? `changed vs ${p.changedAgainstBase.ref}` : undefined;
  const description = [changed, attention, p.schedule.end ? `ends ${p.schedule.end}` : undefined].filter(Boolean).join(' · ');
  const sections: TreeNode[] = [];
  if (p.milestones.length) {
    const overdue = p.milestones.filter((m) => m.overdue).length;
    sections.push(section(id, 'milestones', 'Milestones', `${p.milestones.length}${overdue ? `, ${overdue} overdue` : ''}`, overdue ? { id: 'milestone', color: RAG_COLOURS.red } : { id: 'milestone' }, p, p.milestones.map((m): TreeNode => ({
      id: `${id}/milestone:${m.id}`,
      kind: 'milestone',
      label: m.name ?? m.id,
      description: m.overdue ? `${m.date} · overdue` : [m.date, m.status ?? 'planned'].filter(Boolean).join(' · '),
      tooltip: `**${markdownText(m.name ?? m.id)}** (${markdownCode(m.id)})\n\nDue ${markdownText(m.date ?? 'on no date')}, ${markdownText(m.status ?? 'planned')}${m.overdue ? ' - **overdue**' : ''}`,
      icon: m.overdue ? { id: 'warning', color: RAG_COLOURS.red } : m.status === 'done' ? { id: 'pass', color: RAG_COLOURS.green } : m.status === 'missed' ? { id: 'close', color: RAG_COLOURS.red } : { id: 'circle-outline' },
      contextValue: m.overdue ? 'charter.milestone.overdue' : 'charter.milestone',
      collapsible: 'none',
      open: m.location,
      projectId: p.id,
      children: [],
    }))));
  }
  if (p.risks.length) {
    const top = p.risks.slice(0, TOP_RISKS);
    sections.push(section(id, 'risks', p.risks.length > TOP_RISKS ? 'Top risks' : 'Risks', `${top.length} of ${p.risks.length}`, { id: 'flame' }, p, top.map((r): TreeNode => ({
      id: `${id}/risk:${r.id}`,
      kind: 'risk',
      label: r.title ?? r.id,
      description: r.probability && r.impact ? `${r.probability} × ${r.impact}` : (r.status ?? ''),
      tooltip: `**${markdownText(r.title ?? r.id)}** (${markdownCode(r.id)})\n\nProbability ${markdownText(String(r.probability ?? '?'))}, impact ${markdownText(String(r.impact ?? '?'))}${r.owner ? `, owned by ${markdownText(r.owner)}` : ''}${r.status ? ` (${markdownText(r.status)})` : ''}`,
      icon: { id: 'flame', color: r.score >= 6 ? RAG_COLOURS.red : r.score >= 3 ? RAG_COLOURS.amber : undefined },
      contextValue: 'charter.risk',
      collapsible: 'none',
      open: r.location,
      projectId: p.id,
      children: [],
    }))));
  }
  if (p.dependencies.length) {
    sections.push(section(id, 'dependencies', 'Dependencies', String(p.dependencies.length), { id: 'references' }, p, p.dependencies.map((d, i): TreeNode => {
      const upstream = byId.get(d.project);
      return {
        id: `${id}/dependency:${i}:${d.project}`,
        kind: 'dependency',
        label: d.project,
        description: upstream ? (d.neededBy ? `needed by ${d.neededBy}` : (upstream.status ?? '')) : 'no such project',
        tooltip: upstream ? `Depends on **${markdownText(upstream.title)}** (${markdownCode(upstream.id)}), ${markdownText(upstream.status ?? 'no status')}, ends ${markdownText(upstream.schedule.end ?? '?')}${d.neededBy ? `; needed by ${markdownText(d.neededBy)}` : ''}` : `${markdownCode(d.project)} is not a project of this portfolio.`,
        icon: upstream ? { id: 'arrow-right', color: RAG_COLOURS[upstream.rag ?? 'none'] } : { id: 'question', color: 'list.errorForeground' },
        contextValue: upstream ? 'charter.dependency' : 'charter.dependency.unknown',
        collapsible: 'none',
        // Known: open the other project; unknown: open the reference itself.
        open: upstream ? upstream.location : d.location,
        projectId: upstream?.id ?? p.id,
        children: [],
      };
    })));
  }
  if (p.findings.length) {
    sections.push(section(id, 'findings', 'Findings', findingSummary(p), { id: counts.errors ? 'error' : 'warning', color: counts.errors ? 'list.errorForeground' : 'list.warningForeground' }, p, p.findings.map((f, i): TreeNode => ({
      id: `${id}/finding:${i}:${f.rule}`,
      kind: 'finding',
      label: f.message,
      description: `line ${f.location.range.start.line + 1}`,
      tooltip: `**${markdownText(f.severity)}** ${markdownCode(f.rule)}\n\n${markdownText(f.message)}`,
      icon: f.severity === 'error' ? { id: 'error', color: 'list.errorForeground' } : f.severity === 'warning' ? { id: 'warning', color: 'list.warningForeground' } : { id: 'info' },
      contextValue: 'charter.finding',
      collapsible: 'none',
      open: f.location,
      projectId: p.id,
      children: [],
    }))));
  }
  return {
    id,
    kind: 'project',
    // The RAG trend rides on the label: the description is kept short for the narrow sidebar.
    label: p.live && TREND_ARROWS[p.performance?.trend.direction ?? 'unknown'] ? `${p.title} ${TREND_ARROWS[p.performance!.trend.direction]}` : p.title,
    description,
    tooltip: projectTooltip(p),
    // A finished project's last RAG is history, not health: it is drawn without a RAG colour.
    icon: !p.live && isOneOf(FINISHED_STATUSES, p.status) ? { id: 'archive' } : { id: p.rag ? 'circle-filled' : 'circle-outline', color: RAG_COLOURS[p.live ? (p.rag ?? 'none') : 'none'] },
    contextValue: 'charter.project',
    collapsible: sections.length ? 'collapsed' : 'none',
    open: p.location,
    projectId: p.id,
    children: sections,
  };
}

function section(parent: string, key: string, label: string, description: string, icon: TreeNode['icon'], p: PortfolioProject, children: TreeNode[]): TreeNode {
  return { id: `${parent}/${key}`, kind: 'section', label, description, icon, contextValue: `charter.section.${key}`, collapsible: key === 'findings' ? 'expanded' : 'collapsed', projectId: p.id, children };
}

export function projectTooltip(p: PortfolioProject): string {
  const lines = [`**${markdownText(p.title)}** ${markdownCode(p.id)}`, ''];
  const facts = [p.status, p.phase ? `${p.phase} phase` : undefined, p.programme ? `programme ${p.programme}` : undefined].filter(Boolean).join(' · ');
  if (facts) lines.push(markdownText(facts), '');
  if (p.summary) lines.push(markdownText(p.summary), '');
  lines.push(`- RAG: ${markdownText(p.rag ?? 'no status report')}${p.ragAsOf ? ` (as of ${markdownText(p.ragAsOf)})` : ''}`);
  lines.push(`- Sponsor ${markdownText(p.sponsor ?? '?')}, manager ${markdownText(p.manager ?? '?')}`);
  if (p.schedule.start || p.schedule.end) lines.push(`- Schedule: ${markdownText(p.schedule.start ?? '?')} to ${markdownText(p.schedule.end ?? '?')}`);
  if (p.budget.approved !== undefined) lines.push(`- Budget: ${money(p.budget.approved)} ${markdownText(p.budget.currency ?? '')} approved${p.budget.contingency !== undefined ? `, ${money(p.budget.contingency)} contingency` : ''}`);
  if (p.nextMilestone) lines.push(`- Next milestone: ${markdownText(p.nextMilestone.name ?? p.nextMilestone.id)}, ${markdownText(p.nextMilestone.date ?? '')}${p.nextMilestone.overdue ? ' (overdue)' : ''}`);
  if (p.findings.length) lines.push(`- Findings: ${findingSummary(p)}`);
  lines.push(...performanceLines(p));
  if (p.changedAgainstBase) lines.push('', `**Changed against ${markdownText(p.changedAgainstBase.ref)}:**`, ...p.changedAgainstBase.changes.map((c) => `- ${markdownText(c)}`));
  return lines.join('\n');
}

/** The RAG trend at a glance: worse since the last report points down, better up; no change, no arrow. */
export const TREND_ARROWS: Record<'worse' | 'better' | 'same' | 'unknown', string> = { worse: '↓', better: '↑', same: '', unknown: '' };

/** Actuals, forecasts, CPI/SPI and the trend of a live project; "not enough data" where inputs are missing. */
function performanceLines(p: PortfolioProject): string[] {
  const perf = p.performance;
  if (!perf || !p.live) return [];
  const c = markdownText(perf.currency ?? '');
  const lines = ['', '**Performance**', ''];
  if (perf.actualToDate !== undefined) lines.push(`- Actual to date: ${decimal(perf.actualToDate)} ${c}${perf.actualAsOf ? ` (as of ${markdownText(perf.actualAsOf)})` : ''}`);
  if (perf.forecastAtCompletion !== undefined) lines.push(`- Forecast at completion: ${decimal(perf.forecastAtCompletion)} ${c}`);
  if (perf.forecastEnd) lines.push(`- Forecast end: ${markdownText(perf.forecastEnd)}`);
  lines.push(`- CPI ${perf.metrics.cpi.text} · SPI ${perf.metrics.spi.text}`);
  lines.push(`- Forecast variance: ${perf.metrics.forecastVariance.text} · schedule slip: ${perf.metrics.scheduleSlipDays.text}`);
  if (perf.confidence) lines.push(`- Delivery confidence: ${markdownText(perf.confidence)}`);
  for (const fact of perf.beyondTolerance) lines.push(`- **Beyond tolerance**: ${markdownText(fact)}`);
  if (perf.trend.phrases.length) lines.push(`- Trend: ${markdownText(perf.trend.phrases.join('; '))}`);
  return lines;
}

function performanceRollupText(rollups: PortfolioGroup['rollup']['performance']): string {
  if (!rollups?.length) return '';
  return rollups.map((r) => `\n\nLive: approved ${decimal(r.approved)}, actual ${decimal(r.actual)}, forecast ${decimal(r.forecast)} ${markdownText(r.currency)}`).join('');
}

/** A decimal string of money (`-1234567.5`) grouped for reading, to the cent: `-1,234,567.50`. */
export function decimal(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return '-';
  // Exact: millionths as a bigint, rounded half up to the cent.
  const millionths = BigInt(m[2]) * 1_000_000n + BigInt((m[3] ?? '').slice(0, 6).padEnd(6, '0'));
  const cents = (millionths + 5_000n) / 10_000n;
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = cents % 100n;
  return `${m[1] && cents > 0n ? '-' : ''}${whole}${fraction ? `.${fraction.toString().padStart(2, '0')}` : ''}`;
}

function findingSummary(p: PortfolioProject): string {
  const c = p.findingCounts;
  return [c.errors ? `${c.errors} error${c.errors === 1 ? '' : 's'}` : '', c.warnings ? `${c.warnings} warning${c.warnings === 1 ? '' : 's'}` : '', c.infos + c.hints ? `${c.infos + c.hints} other` : ''].filter(Boolean).join(', ');
}

/** Every node of a tree, depth first; for tests and for finding a node by id. */
export function allNodes(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

function money(amount: number): string {
  return amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function amounts(byCurrency: Record<string, number>): string {
  const entries = Object.entries(byCurrency);
  return entries.length ? entries.map(([c, a]) => `${money(a)} ${c}`.trim()).join(' + ') : 'nothing';
}

