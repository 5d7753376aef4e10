// The change summary of `charter diff`: per project (new, removed, changed) its governance deltas, each
// with the change record that covers it or a warning that none does; per programme and fiscal year the
// approved-budget delta against cap and envelope; one headline. Plain data: the formats render it.
import { pairProjects } from '../../engine/change/changeRules';
import { ChangeLog, type ChangeRecord } from '../../engine/change/changeRecords';
import { projectDeltas, type Delta } from '../../engine/change/deltas';
import { detectKind } from '../../engine/kinds';
import type { ParsedFile } from '../../engine/parser/charterParser';
import { CharterDocument, isDict } from '../../engine/model/charterReader';
import { formatMoney, parseMoney, type Money } from '../../engine/rules/money';
import { toBaseCurrency } from '../../engine/rules/fx';
import { countsAgainstCap, isCommitted, isLive } from '../../engine/rules/lifecycle';
import { drawsByYear } from '../../engine/rules/portfolio/fundingEnvelope';
import { phasingOf } from '../../engine/workspace/charterFacts';
import type { Policy } from '../../engine/rules/policy';
import type { Finding } from '../../engine/types';

export const DIFF_FORMAT_VERSION = 1;

export interface DiffRecord {
  id?: string;
  decision: string;
  decidedBy?: string;
}

export interface DiffDelta {
  field: Delta['field'];
  kind: Delta['kind'];
  change: Delta['change'];
  text: string;
  governed: boolean;
  before?: string;
  after?: string;
  days?: number;
  item?: string;
  /** The change record that covers a governed delta; null when none does. Absent for deltas that need none. */
  record?: DiffRecord | null;
}

export interface DiffProject {
  id: string;
  title?: string;
  file: string;
  baseFile?: string;
  state: 'new' | 'removed' | 'changed';
  status?: string;
  /** A removed charter of a project that was live on the base (the policy's liveStatuses). */
  liveRemoved: boolean;
  deltas: DiffDelta[];
  findings: Array<{ rule: string; severity: string; message: string; line: number }>;
}

export interface BudgetLine {
  currency: string;
  before: string;
  after: string;
  delta: string;
  limit?: string;
  over: boolean;
}

export interface ChangeSummary {
  version: number;
  base: { ref: string; commit: string };
  headline: string;
  counts: { changed: number; new: number; removed: number; liveRemoved: number; unrecorded: number; findings: number };
  projects: DiffProject[];
  programmes: Array<BudgetLine & { programme: string }>;
  fiscalYears: Array<BudgetLine & { fiscalYear: number }>;
}

export interface HeadFile {
  parsed: ParsedFile;
  relativePath: string;
  findings: Finding[];
  base?: { parsed: ParsedFile; path: string };
}

export interface RemovedFile {
  parsed: ParsedFile;
  path: string;
}

const MAX_PROJECTS = 2000;

export function buildChangeSummary(input: { ref: string; commit: string; head: HeadFile[]; removed: RemovedFile[]; policy: Policy }): ChangeSummary {
  const projects: DiffProject[] = [];
  const budgets = new BudgetTotals(input.policy);
  for (const file of input.head) {
    const pairs = pairProjects(file.parsed, file.relativePath, file.base?.parsed, file.base?.path ?? file.relativePath);
    for (const { head, base } of pairs) {
      budgets.add(head, 'after');
      if (base) budgets.add(base, 'before');
      const findings = file.findings
        .filter((f) => f.rule.startsWith('change/') && f.range.start.line >= lineOf(head, 'start') && f.range.start.line <= lineOf(head, 'end'))
        .map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.range.start.line + 1 }));
      if (!base) {
        projects.push({ ...identity(head, file.relativePath), state: 'new', liveRemoved: false, deltas: [], findings });
        continue;
      }
      const log = new ChangeLog(head, base, input.policy);
      const deltas = projectDeltas(base, head).map((d) => diffDelta(d, log));
      if (deltas.length > 0 || findings.length > 0) projects.push({ ...identity(head, file.relativePath), baseFile: file.base!.path, state: 'changed', liveRemoved: false, deltas, findings });
    }
    // Projects the base held in this file that the head no longer has.
    if (file.base) {
      const kept = new Set(pairs.map((p) => p.base).filter(Boolean));
      for (const gone of pairProjects(file.base.parsed, file.base.path, undefined, file.base.path).map((p) => p.head)) {
        if ([...kept].some((k) => k!.doc === gone.doc)) continue;
        budgets.add(gone, 'before');
        projects.push(removed(gone, file.base.path, input.policy));
      }
    }
  }
  for (const file of input.removed) {
    for (const { head: gone } of pairProjects(file.parsed, file.path, undefined, file.path)) {
      budgets.add(gone, 'before');
      projects.push(removed(gone, file.path, input.policy));
    }
  }
  const order = { removed: 0, changed: 1, new: 2 };
  projects.sort((a, b) => Number(b.liveRemoved) - Number(a.liveRemoved) || order[a.state] - order[b.state] || a.id.localeCompare(b.id));
  const listed = projects.slice(0, MAX_PROJECTS);
  const counts = {
    changed: projects.filter((p) => p.state === 'changed').length,
    new: projects.filter((p) => p.state === 'new').length,
    removed: projects.filter((p) => p.state === 'removed').length,
    liveRemoved: projects.filter((p) => p.liveRemoved).length,
    unrecorded: projects.reduce((n, p) => n + p.deltas.filter((d) => d.record === null).length, 0),
    findings: projects.reduce((n, p) => n + p.findings.length, 0),
  };
  const { programmes, fiscalYears } = budgets.lines(input.head);
  return { version: DIFF_FORMAT_VERSION, base: { ref: input.ref, commit: input.commit }, headline: headline(counts, fiscalYears, input.ref), counts, projects: listed, programmes, fiscalYears };
}

function diffDelta(delta: Delta, log: ChangeLog): DiffDelta {
  const out: DiffDelta = { field: delta.field, kind: delta.kind, change: delta.change, text: delta.text, governed: delta.governed };
  if (delta.before !== undefined) out.before = delta.before;
  if (delta.after !== undefined) out.after = delta.after;
  if (delta.days !== undefined) out.days = delta.days;
  if (delta.item !== undefined) out.item = delta.item;
  if (delta.governed) {
    const records = [...log.covering(delta.kind), ...(delta.kind === 'milestone' ? log.covering('schedule') : [])];
    const best = records.find((r) => r.decision === 'approved') ?? records[0];
    out.record = best ? record(best) : null;
  }
  return out;
}

function record(r: ChangeRecord): DiffRecord {
  const out: DiffRecord = { decision: r.decision };
  if (r.id) out.id = r.id;
  if (r.decidedBy) out.decidedBy = r.decidedBy;
  return out;
}

function identity(doc: CharterDocument, file: string) {
  const out: { id: string; title?: string; file: string; status?: string } = { id: doc.text(['id']) ?? `(no id, ${file})`, file };
  const title = doc.text(['title']);
  if (title) out.title = title;
  const status = doc.text(['status']);
  if (status) out.status = status;
  return out;
}

/** A removed charter; `liveRemoved` when the project was live on the base (the policy's live statuses). */
function removed(doc: CharterDocument, file: string, policy: Policy): DiffProject {
  const status = doc.text(['status']) ?? 'proposed';
  return { ...identity(doc, file), baseFile: file, state: 'removed', liveRemoved: isLive(status, policy), deltas: [], findings: [] };
}

function lineOf(doc: CharterDocument, edge: 'start' | 'end'): number {
  const offset = edge === 'start' ? doc.doc.start : doc.doc.end;
  return doc.file.lines.positionAt(Math.min(offset, doc.file.text.length)).line;
}

/**
 * Approved budgets on both sides, counted as the cap and envelope rules count them: per programme the
 * budgets that count against its cap, per fiscal year the committed budgets by their phasing (else in the
 * year they start); in the policy's base currency when it has one, else per currency.
 * An amount the policy has no rate for stays in its own currency (the fx rule reports the missing rate).
 */
class BudgetTotals {
  private readonly programmes = new Map<string, { before: Money; after: Money }>();
  private readonly years = new Map<string, { before: Money; after: Money }>();

  constructor(private readonly policy: Policy) {}

  add(doc: CharterDocument, side: 'before' | 'after'): void {
    const approved = doc.money(['budget', 'approved']);
    const currency = doc.text(['budget', 'currency']);
    const status = doc.text(['status']);
    if (approved === undefined || !currency) return;
    const money = this.inBase(approved, currency);
    const programme = doc.text(['programme']);
    if (programme && countsAgainstCap(status, this.policy)) bump(this.programmes, `${programme}\u0000${money.currency}`, side, money.amount);
    if (!isCommitted(status, this.policy)) return;
    const start = doc.date(['schedule', 'start']);
    const entry = {
      phasing: phasingOf(doc),
      start: start ? { value: start, range: doc.valueRange(['schedule', 'start']) } : undefined,
      approved: { value: approved, range: doc.valueRange(['budget', 'approved']) },
    };
    for (const [year, amount] of drawsByYear(entry, this.policy)) {
      const draw = this.inBase(amount, currency);
      bump(this.years, `${year}\u0000${draw.currency}`, side, draw.amount);
    }
  }

  private inBase(amount: Money, currency: string): { amount: Money; currency: string } {
    const converted = toBaseCurrency(amount, currency, this.policy);
    return converted.ok ? { amount: converted.amount, currency: converted.currency } : { amount, currency };
  }

  lines(head: HeadFile[]): { programmes: ChangeSummary['programmes']; fiscalYears: ChangeSummary['fiscalYears'] } {
    const caps = new Map<string, Money>();
    const envelopes = new Map<string, Money>();
    for (const file of head) {
      for (const doc of file.parsed.documents) {
        if (doc.empty || !isDict(doc.value)) continue;
        const kind = detectKind(doc, file.relativePath).kind;
        const value = doc.value;
        const budget = isDict(value.budget) ? value.budget : undefined;
        const cap = parseMoney(budget?.cap);
        if (kind === 'Programme' && typeof value.id === 'string' && typeof budget?.currency === 'string' && cap !== undefined) {
          const limit = this.inBase(cap, budget.currency);
          caps.set(`${value.id}\u0000${limit.currency}`, limit.amount);
        }
        if (kind === 'Portfolio' && Array.isArray(value.funding)) {
          for (const f of value.funding) {
            const amount = isDict(f) ? parseMoney(f.amount) : undefined;
            if (isDict(f) && typeof f.fiscalYear === 'number' && typeof f.currency === 'string' && amount !== undefined) {
              const limit = this.inBase(amount, f.currency);
              envelopes.set(`${f.fiscalYear}\u0000${limit.currency}`, (envelopes.get(`${f.fiscalYear}\u0000${limit.currency}`) ?? 0n) + limit.amount);
            }
          }
        }
      }
    }
    const changed = (map: Map<string, { before: Money; after: Money }>) => [...map].filter(([, v]) => v.before !== v.after).sort(([a], [b]) => a.localeCompare(b));
    return {
      programmes: changed(this.programmes).map(([key, v]) => {
        const [programme, currency] = key.split('\u0000');
        return { programme, ...line(currency, v, caps.get(key)) };
      }),
      fiscalYears: changed(this.years).map(([key, v]) => {
        const [year, currency] = key.split('\u0000');
        return { fiscalYear: Number(year), ...line(currency, v, envelopes.get(key)) };
      }),
    };
  }
}

function bump(map: Map<string, { before: Money; after: Money }>, key: string, side: 'before' | 'after', amount: Money): void {
  const entry = map.get(key) ?? { before: 0n, after: 0n };
  entry[side] += amount;
  map.set(key, entry);
}

function line(currency: string, v: { before: Money; after: Money }, limit: Money | undefined): BudgetLine {
  const out: BudgetLine = { currency, before: plain(v.before), after: plain(v.after), delta: signedPlain(v.after - v.before), over: limit !== undefined && v.after > limit };
  if (limit !== undefined) out.limit = plain(limit);
  return out;
}

/** Money as a plain decimal string for JSON: `1190000`, `12.5`. */
export function plain(m: Money): string {
  return formatMoney(m).replace(/,/g, '');
}

function signedPlain(m: Money): string {
  return m < 0n ? `-${plain(-m)}` : `+${plain(m)}`;
}

function headline(counts: ChangeSummary['counts'], years: ChangeSummary['fiscalYears'], ref: string): string {
  const parts: string[] = [];
  const n = (k: number, word: string) => `${k} project${k === 1 ? '' : 's'} ${word}`;
  if (counts.changed) parts.push(n(counts.changed, 'changed'));
  if (counts.new) parts.push(n(counts.new, 'new'));
  if (counts.removed) parts.push(n(counts.removed, 'removed') + (counts.liveRemoved ? ` (${counts.liveRemoved} still live)` : ''));
  if (parts.length === 0) return `No governance changes against ${ref}.`;
  const money = years.map((y) => `${y.delta.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${y.currency} in FY${y.fiscalYear}`);
  if (money.length) parts.push(`approved budget ${money.join(', ')}`);
  parts.push(counts.unrecorded ? `${counts.unrecorded} change${counts.unrecorded === 1 ? '' : 's'} without a change record` : 'every change recorded');
  if (counts.findings) parts.push(`${counts.findings} change finding${counts.findings === 1 ? '' : 's'}`);
  return `Against ${ref}: ${parts.join('; ')}.`;
}
