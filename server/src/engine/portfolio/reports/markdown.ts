// `charter report --format md`: a summary table, roll-ups per group and a Mermaid gantt (GitHub renders it).
import { money, timelineProjects } from '../portfolioCharts';
import { isIsoDate } from '../../utils/dates';
import { isFinished } from '../../rules/lifecycle';
import type { PortfolioProject, Rag } from '../portfolioTypes';
import { markdownCell, markdownCode, markdownText, mermaidText } from '../../utils/escape';
import type { PortfolioReport } from './json';
import { markdownExceptions, markdownPerformance } from './performance';

const RAG_MARK: Record<Rag | 'none', string> = { red: '🔴 red', amber: '🟠 amber', green: '🟢 green', none: '-' };

export function formatMarkdownReport(report: PortfolioReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push('# Portfolio report', '');
  // Leadership reads the exceptions first: what needs a decision, what is red or getting worse.
  out.push(...markdownExceptions(report));
  out.push('## Summary', '');
  out.push(`As of ${markdownText(report.asOf)}: ${s.count} project${s.count === 1 ? '' : 's'}, ${s.live} live; RAG of the live ones ${s.rag.red} red, ${s.rag.amber} amber, ${s.rag.green} green, ${s.rag.none} without a status report${s.rag.invalid > 0 ? `, ${s.rag.invalid} with an unreadable RAG` : ''}; ` +
    `${s.overdueMilestones} overdue milestone${s.overdueMilestones === 1 ? '' : 's'}; ${s.findingCounts.errors} error${s.findingCounts.errors === 1 ? '' : 's'} and ${s.findingCounts.warnings} warning${s.findingCounts.warnings === 1 ? '' : 's'}; committed (approved or live) ${markdownText(amounts(s.approved))}.`, '');

  out.push('## Projects', '');
  out.push('| id | title | status | phase | programme | manager | RAG | start | end | approved | findings |');
  out.push('|---|---|---|---|---|---|---|---|---|--:|--:|');
  for (const p of report.projects) {
    out.push(row([code(p.id), cell(p.title), cell(p.status), cell(p.phase), cell(p.programme), cell(p.manager), p.ragInvalid !== undefined ? `unreadable: ${cell(p.ragInvalid)}` : RAG_MARK[p.rag ?? 'none'], cell(p.schedule.start), cell(p.schedule.end), cell(approved(p)), findings(p)]));
  }
  out.push('');

  out.push(...markdownPerformance(report));

  out.push(`## By ${markdownText(report.groupBy)}`, '');
  out.push(`| ${markdownCell(report.groupBy)} | projects | worst RAG | red / amber / green | approved | cap | overdue milestones | errors |`);
  out.push('|---|--:|---|---|--:|--:|--:|--:|');
  for (const g of report.groups) {
    const cap = g.cap ? `${money(g.cap.amount)} ${markdownCell(g.cap.currency)}${g.cap.over ? ' **over**' : ''}` : '';
    out.push(row([markdownCell(g.label), String(g.rollup.count), RAG_MARK[g.rollup.worstRag ?? 'none'] ?? cell(g.rollup.worstRag), `${g.rollup.rag.red} / ${g.rollup.rag.amber} / ${g.rollup.rag.green}`, cell(amounts(g.rollup.approved)), cap, String(g.rollup.overdueMilestones), String(g.rollup.findingCounts.errors)]));
  }
  out.push('');

  out.push('## Timeline', '', mermaidGantt(report), '');

  const overdue = report.projects.flatMap((p) => p.milestones.filter((m) => m.overdue).map((m) => ({ p, m })));
  if (overdue.length) {
    out.push('## Overdue milestones', '');
    for (const { p, m } of overdue) out.push(`- ${markdownCode(p.id)}: ${markdownText(m.name ?? m.id)}, due ${markdownText(m.date ?? '')}`);
    out.push('');
  }
  const top = report.projects.flatMap((p) => p.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => ({ p, f })));
  if (top.length) {
    out.push('## Findings', '');
    out.push('| project | severity | rule | message | where |', '|---|---|---|---|---|');
    for (const { p, f } of top) out.push(row([code(p.id), markdownCell(f.severity), code(f.rule), markdownCell(f.message), markdownCell(`${f.location.relativePath}:${f.location.range.start.line + 1}`)]));
    out.push('');
  }
  return out.join('\n');
}

/** Mermaid gantt: a section per programme, red projects as `crit`, active as `active`, closed as `done`. */
function mermaidGantt(report: PortfolioReport): string {
  const lines = ['```mermaid', 'gantt', `  title Portfolio timeline (as of ${mermaidText(report.asOf)})`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m'];
  const sections = new Map<string, PortfolioProject[]>();
  const { scheduled, unscheduled } = timelineProjects(report.projects);
  for (const p of scheduled) {
    const label = report.programmes.find((g) => g.id === p.programme)?.title ?? p.programme ?? 'No programme';
    sections.set(label, [...(sections.get(label) ?? []), p]);
  }
  let n = 0;
  for (const [label, projects] of [...sections.entries()].sort(([a], [b]) => (a === 'No programme' ? 1 : b === 'No programme' ? -1 : a.localeCompare(b)))) {
    lines.push(`  section ${mermaidText(label)}`);
    for (const p of projects) {
      const tags = [p.live && p.rag === 'red' ? 'crit' : '', p.status === 'active' ? 'active' : '', isFinished(p.status) ? 'done' : ''].filter(Boolean);
      lines.push(`  ${mermaidText(p.title)} :${[...tags, `t${++n}`].join(', ')}, ${p.schedule.start}, ${p.schedule.end}`);
      for (const m of p.milestones) {
        if (!m.date || !isIsoDate(m.date)) continue;
        const mTags = ['milestone', m.overdue || m.status === 'missed' ? 'crit' : '', m.status === 'done' ? 'done' : ''].filter(Boolean);
        lines.push(`  ${mermaidText(m.name ?? m.id)} :${[...mTags, `t${++n}`].join(', ')}, ${m.date}, 0d`);
      }
    }
  }
  lines.push('```');
  // Mermaid stops drawing at the first date it cannot read: those projects are left out, and said so.
  if (unscheduled.length > 0) lines.push('', `Not on the timeline: ${unscheduled.map((u) => `${markdownCode(u.project.id)} (${markdownText(u.reason)})`).join('; ')}.`);
  return lines.join('\n');
}

/** A table row of cells that are already Markdown (escaped values, code spans, emphasis). */
function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A value from a charter as a table cell; an absent one is empty. */
function cell(value: string | undefined): string {
  return value === undefined ? '' : markdownCell(value);
}

function code(value: string): string {
  return markdownCode(value);
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
