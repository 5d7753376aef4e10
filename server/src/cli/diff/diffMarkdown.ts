// `charter diff --format md`: one pull-request comment. It starts with a marker so a workflow can find
// and update its earlier comment instead of adding another.
import type { ChangeSummary, DiffDelta, DiffProject } from './changeSummary';
import { md } from './markdownText';

const COMMENT_MARKER = '<!-- charter-diff -->';
const MAX_PROJECTS = 40;
const MAX_DELTAS = 25;
const MAX_FINDINGS = 10;
const SEVERITY_MARK: Record<string, string> = { error: '❌', warning: '⚠️', info: 'ℹ️', hint: '💡' };

export function formatDiffMarkdown(summary: ChangeSummary): string {
  const out: string[] = [COMMENT_MARKER, `## Charter changes against ${md(summary.base.ref)}`, '', `**${md(summary.headline, 1000)}**`, ''];
  const live = summary.projects.filter((p) => p.liveRemoved);
  for (const p of live) out.push(`> ⚠️ **Charter removed while the project is live:** ${md(p.id)}${p.title ? ` (${md(p.title)})` : ''} was ${md(p.status ?? 'proposed')} on ${md(summary.base.ref)}; its file ${md(p.baseFile)} is gone. Close or cancel the project instead of deleting its charter.`, '');
  const shown = summary.projects.slice(0, MAX_PROJECTS);
  for (const p of shown) out.push(...project(p));
  if (summary.projects.length > shown.length) out.push(`…and ${summary.projects.length - shown.length} more projects (see \`charter diff --format json\`).`, '');
  if (summary.programmes.length > 0) {
    out.push('### Approved budget by programme', '', '| programme | before | after | change | cap |', '|---|--:|--:|--:|--:|');
    for (const l of summary.programmes) out.push(`| ${md(l.programme)} | ${money(l.before, l.currency)} | ${money(l.after, l.currency)} | ${money(l.delta, l.currency)} | ${limit(l.limit, l.over, l.currency)} |`);
    out.push('');
  }
  if (summary.fiscalYears.length > 0) {
    out.push('### Approved budget by fiscal year', '', '| fiscal year | before | after | change | envelope |', '|---|--:|--:|--:|--:|');
    for (const l of summary.fiscalYears) out.push(`| FY${l.fiscalYear} | ${money(l.before, l.currency)} | ${money(l.after, l.currency)} | ${money(l.delta, l.currency)} | ${limit(l.limit, l.over, l.currency)} |`);
    out.push('');
  }
  out.push(`<sub>charter diff against ${md(summary.base.ref)} (${md(summary.base.commit.slice(0, 12))})</sub>`, '');
  return out.join('\n');
}

function project(p: DiffProject): string[] {
  const title = `### ${md(p.id)}${p.title ? `: ${md(p.title)}` : ''} (${p.state})`;
  const out = [title, ''];
  if (p.state === 'new') out.push(`New charter in ${md(p.file)}${p.status ? `, status ${md(p.status)}` : ''}.`, '');
  if (p.state === 'removed') out.push(`Charter removed (was ${md(p.baseFile)}, status ${md(p.status ?? 'proposed')}).`, '');
  if (p.state === 'changed' && p.baseFile && p.baseFile !== p.file) out.push(`Renamed from ${md(p.baseFile)} to ${md(p.file)}.`, '');
  if (p.deltas.length > 0) {
    out.push('| change | change record |', '|---|---|');
    for (const d of p.deltas.slice(0, MAX_DELTAS)) out.push(`| ${md(d.text)} | ${recordCell(d)} |`);
    if (p.deltas.length > MAX_DELTAS) out.push(`| …and ${p.deltas.length - MAX_DELTAS} more | |`);
    out.push('');
  }
  for (const f of p.findings.slice(0, MAX_FINDINGS)) out.push(`- ${SEVERITY_MARK[f.severity] ?? ''} ${md(f.rule)} (line ${f.line}): ${md(f.message, 400)}`);
  if (p.findings.length > MAX_FINDINGS) out.push(`- …and ${p.findings.length - MAX_FINDINGS} more findings`);
  if (p.findings.length > 0) out.push('');
  return out;
}

function recordCell(d: DiffDelta): string {
  if (d.record === undefined) return '';
  if (d.record === null) return '⚠️ none: record it in changes';
  const who = d.record.decidedBy ? ` by ${md(d.record.decidedBy)}` : '';
  return `${md(d.record.id ?? 'record')}: ${md(d.record.decision)}${who}`;
}

function money(amount: string, currency: string): string {
  const sign = amount.startsWith('+') || amount.startsWith('-') ? amount[0] : '';
  const digits = sign ? amount.slice(1) : amount;
  const [whole, fraction] = digits.split('.');
  return md(`${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''} ${currency}`);
}

function limit(amount: string | undefined, over: boolean, currency: string): string {
  if (amount === undefined) return '';
  return `${money(amount, currency)}${over ? ' **over**' : ''}`;
}
