// `charter report --format md`: a summary table, roll-ups per group and a Mermaid gantt (GitHub renders it).
import { money } from '../../engine/portfolio/portfolioCharts';
import type { PortfolioProject, Rag } from '../../engine/portfolio/portfolioTypes';
import type { PortfolioReport } from './json';

const RAG_MARK: Record<Rag | 'none', string> = { red: '🔴 red', amber: '🟠 amber', green: '🟢 green', none: '-' };

export function formatMarkdownReport(report: PortfolioReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push('# Portfolio report', '');
  out.push(`As of ${report.asOf}: ${s.count} project${s.count === 1 ? '' : 's'}, ${s.live} live; RAG of the live ones ${s.rag.red} red, ${s.rag.amber} amber, ${s.rag.green} green, ${s.rag.none} without a status report; ` +
    `${s.overdueMilestones} overdue milestone${s.overdueMilestones === 1 ? '' : 's'}; ${s.findingCounts.errors} error${s.findingCounts.errors === 1 ? '' : 's'} and ${s.findingCounts.warnings} warning${s.findingCounts.warnings === 1 ? '' : 's'}; committed (approved or live) ${amounts(s.approved)}.`, '');

  out.push('## Projects', '');
  out.push('| id | title | status | phase | programme | manager | RAG | start | end | approved | findings |');
  out.push('|---|---|---|---|---|---|---|---|---|--:|--:|');
  for (const p of report.projects) {
    out.push(row([`\`${p.id}\``, p.title, p.status, p.phase, p.programme, p.manager, RAG_MARK[p.rag ?? 'none'], p.schedule.start, p.schedule.end, approved(p), findings(p)]));
  }
  out.push('');

  out.push(`## By ${report.groupBy}`, '');
  out.push(`| ${report.groupBy} | projects | worst RAG | red / amber / green | approved | cap | overdue milestones | errors |`);
  out.push('|---|--:|---|---|--:|--:|--:|--:|');
  for (const g of report.groups) {
    const cap = g.cap ? `${money(g.cap.amount)} ${g.cap.currency}${g.cap.over ? ' **over**' : ''}` : '';
    out.push(row([g.label, String(g.rollup.count), RAG_MARK[g.rollup.worstRag ?? 'none'], `${g.rollup.rag.red} / ${g.rollup.rag.amber} / ${g.rollup.rag.green}`, amounts(g.rollup.approved), cap, String(g.rollup.overdueMilestones), String(g.rollup.findingCounts.errors)]));
  }
  out.push('');

  out.push('## Timeline', '', mermaidGantt(report), '');

  const overdue = report.projects.flatMap((p) => p.milestones.filter((m) => m.overdue).map((m) => ({ p, m })));
  if (overdue.length) {
    out.push('## Overdue milestones', '');
    for (const { p, m } of overdue) out.push(`- \`${p.id}\`: ${escapeCell(m.name ?? m.id)}, due ${m.date}`);
    out.push('');
  }
  const top = report.projects.flatMap((p) => p.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => ({ p, f })));
  if (top.length) {
    out.push('## Findings', '');
    out.push('| project | severity | rule | message | where |', '|---|---|---|---|---|');
    for (const { p, f } of top) out.push(row([`\`${p.id}\``, f.severity, `\`${f.rule}\``, f.message, `${f.location.relativePath}:${f.location.range.start.line + 1}`]));
    out.push('');
  }
  return out.join('\n');
}

/** Mermaid gantt: a section per programme, red projects as `crit`, active as `active`, closed as `done`. */
export function mermaidGantt(report: PortfolioReport): string {
  const lines = ['```mermaid', 'gantt', `  title Portfolio timeline (as of ${report.asOf})`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m'];
  const sections = new Map<string, PortfolioProject[]>();
  for (const p of report.projects) {
    if (!p.schedule.start || !p.schedule.end || p.schedule.start > p.schedule.end) continue;
    const label = report.programmes.find((g) => g.id === p.programme)?.title ?? p.programme ?? 'No programme';
    sections.set(label, [...(sections.get(label) ?? []), p]);
  }
  let n = 0;
  for (const [label, projects] of [...sections.entries()].sort(([a], [b]) => (a === 'No programme' ? 1 : b === 'No programme' ? -1 : a.localeCompare(b)))) {
    lines.push(`  section ${mermaidText(label)}`);
    for (const p of projects) {
      const tags = [p.live && p.rag === 'red' ? 'crit' : '', p.status === 'active' ? 'active' : '', p.status === 'closed' || p.status === 'cancelled' ? 'done' : ''].filter(Boolean);
      lines.push(`  ${mermaidText(p.title)} :${[...tags, `t${++n}`].join(', ')}, ${p.schedule.start}, ${p.schedule.end}`);
      for (const m of p.milestones) {
        if (!m.date || !/^\d{4}-\d{2}-\d{2}$/.test(m.date)) continue;
        const mTags = ['milestone', m.overdue || m.status === 'missed' ? 'crit' : '', m.status === 'done' ? 'done' : ''].filter(Boolean);
        lines.push(`  ${mermaidText(m.name ?? m.id)} :${[...mTags, `t${++n}`].join(', ')}, ${m.date}, 0d`);
      }
    }
  }
  lines.push('```');
  return lines.join('\n');
}

/** Mermaid task names end at `:` and treat `#` and `;` specially. */
function mermaidText(text: string): string {
  return text.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim() || '-';
}

function row(cells: Array<string | undefined>): string {
  return `| ${cells.map((c) => escapeCell(c ?? '')).join(' | ')} |`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function approved(p: PortfolioProject): string {
  return p.budget.approved === undefined ? '' : `${money(p.budget.approved)} ${p.budget.currency ?? ''}`.trim();
}

function findings(p: PortfolioProject): string {
  const c = p.findingCounts;
  return c.errors || c.warnings ? `${c.errors} E, ${c.warnings} W` : '0';
}

function amounts(byCurrency: Record<string, number>): string {
  const entries = Object.entries(byCurrency);
  return entries.length ? entries.map(([currency, amount]) => `${money(amount)} ${currency}`.trim()).join(' + ') : '0';
}
