// What changed in a project charter between its base and its head, in governance terms: money with
// percentages, dates with day counts, transitions, items in and out. The change rules and
// `charter diff` both read these.
import type { CharterDocument } from '../model/charterReader';
import { formatMoney, percentOf, type Money } from '../rules/money';
import { daysBetween } from '../utils/dates';
import type { DataPath } from '../utils/yamlNodes';
import type { ChangeKind } from './changeRecords';

export type DeltaField = 'approved' | 'contingency' | 'currency' | 'start' | 'end' | 'milestone' | 'scope-in' | 'scope-out' | 'status' | 'phase' | 'rag' | 'risk' | 'allocation';

export interface Delta {
  field: DeltaField;
  kind: ChangeKind;
  /** A governance-significant change: it needs a record in `changes` (change/unrecorded). */
  governed: boolean;
  change: 'changed' | 'added' | 'removed';
  /** One line for a reviewer: `approved budget changed 850,000 -> 980,000 EUR (+15.3 %)`. */
  text: string;
  before?: string;
  after?: string;
  /** The node in the head the change is about (the nearest one still there for a removal). */
  headPath: DataPath;
  /** The node in the base, when there was one. */
  basePath?: DataPath;
  /** The amounts on each side, each in its own side's currency. */
  money?: { before: Money; after: Money; currency?: string; beforeCurrency?: string };
  /** Signed day count of a moved date. */
  days?: number;
  /** The milestone, risk or person the delta is about. */
  item?: string;
}

/** Lists longer than this are compared only up to here: a hostile file must not make the diff quadratic. */
const MAX_ITEMS = 500;

export function projectDeltas(base: CharterDocument, head: CharterDocument): Delta[] {
  const out: Delta[] = [];
  const currency = head.text(['budget', 'currency']) ?? base.text(['budget', 'currency']);
  const baseCurrency = base.text(['budget', 'currency']);
  if (baseCurrency && currency && baseCurrency !== currency) {
    out.push({ field: 'currency', kind: 'budget', governed: true, change: 'changed', text: `budget currency changed ${baseCurrency} -> ${currency}`, before: baseCurrency, after: currency, headPath: ['budget', 'currency'], basePath: ['budget', 'currency'] });
  }
  moneyDelta(out, base, head, 'approved', 'approved budget', currency, baseCurrency ?? currency);
  moneyDelta(out, base, head, 'contingency', 'contingency', currency, baseCurrency ?? currency);
  dateDelta(out, base, head, ['schedule', 'start'], 'start', 'start date', 'schedule');
  dateDelta(out, base, head, ['schedule', 'end'], 'end', 'end date', 'schedule');
  milestoneDeltas(out, base, head);
  scopeDeltas(out, base, head, 'in');
  scopeDeltas(out, base, head, 'out');
  transition(out, base, head, ['status'], 'status', 'status', 'status', true);
  transition(out, base, head, ['phase'], 'phase', 'phase', 'status', false);
  transition(out, base, head, ['statusReport', 'rag'], 'rag', 'RAG', 'status', false);
  riskDeltas(out, base, head);
  allocationDeltas(out, base, head);
  return out;
}

function moneyDelta(out: Delta[], base: CharterDocument, head: CharterDocument, key: 'approved' | 'contingency', label: string, currency: string | undefined, beforeCurrency: string | undefined): void {
  const path = ['budget', key];
  const before = base.money(path);
  const after = head.money(path);
  const sameCurrency = beforeCurrency === currency;
  if (before === after && sameCurrency) return;
  const unit = currency ? ` ${currency}` : '';
  const shown = (m: Money | undefined) => (m === undefined ? 'none' : formatMoney(m));
  let text = sameCurrency ? `${label} changed ${shown(before)} -> ${shown(after)}${unit}` : `${label} changed ${shown(before)} ${beforeCurrency ?? ''} -> ${shown(after)}${unit}`.replace('  ', ' ');
  if (sameCurrency && before !== undefined && after !== undefined && before > 0n) text += ` (${signedPercent(after - before, before)} %)`;
  out.push({
    field: key,
    kind: 'budget',
    governed: true,
    change: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
    text,
    before: before === undefined ? undefined : formatMoney(before),
    after: after === undefined ? undefined : formatMoney(after),
    headPath: nearest(head, path),
    basePath: before === undefined ? undefined : path,
    money: before !== undefined && after !== undefined ? { before, after, currency, beforeCurrency } : undefined,
  });
}

function dateDelta(out: Delta[], base: CharterDocument, head: CharterDocument, path: DataPath, field: DeltaField, label: string, kind: ChangeKind, item?: string): void {
  const before = base.date(path);
  const after = head.date(path);
  if (before === after || (before === undefined && after === undefined)) return;
  const days = before && after ? daysBetween(before, after) : undefined;
  const text = `${label} ${before && after ? 'moved' : 'changed'} ${before ?? 'none'} -> ${after ?? 'none'}${days !== undefined ? ` (${signed(days)} ${Math.abs(days) === 1 ? 'day' : 'days'})` : ''}`;
  out.push({ field, kind, governed: true, change: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed', text, before, after, headPath: nearest(head, path), basePath: before ? path : undefined, days, item });
}

function milestoneDeltas(out: Delta[], base: CharterDocument, head: CharterDocument): void {
  const baseById = byId(base, ['milestones']);
  const headById = byId(head, ['milestones']);
  for (const [id, h] of headById) {
    const b = baseById.get(id);
    if (!b) {
      out.push({ field: 'milestone', kind: 'milestone', governed: true, change: 'added', text: `milestone ${id} added${head.date([...h, 'date']) ? ` (${head.date([...h, 'date'])})` : ''}`, headPath: h, item: id, after: head.date([...h, 'date']) });
      continue;
    }
    const before = base.date([...b, 'date']);
    const after = head.date([...h, 'date']);
    if (before && after && before !== after) {
      const days = daysBetween(before, after);
      out.push({ field: 'milestone', kind: 'milestone', governed: true, change: 'changed', text: `milestone ${id} moved ${before} -> ${after} (${signed(days)} ${Math.abs(days) === 1 ? 'day' : 'days'})`, before, after, headPath: [...h, 'date'], basePath: [...b, 'date'], days, item: id });
    }
    const beforeStatus = base.text([...b, 'status']) ?? 'planned';
    const afterStatus = head.text([...h, 'status']) ?? 'planned';
    if (beforeStatus !== afterStatus) {
      out.push({ field: 'milestone', kind: 'milestone', governed: false, change: 'changed', text: `milestone ${id} ${beforeStatus} -> ${afterStatus}`, before: beforeStatus, after: afterStatus, headPath: nearest(head, [...h, 'status']), basePath: base.has([...b, 'status']) ? [...b, 'status'] : b, item: id });
    }
  }
  for (const [id, b] of baseById) {
    if (!headById.has(id)) out.push({ field: 'milestone', kind: 'milestone', governed: true, change: 'removed', text: `milestone ${id} removed (was ${base.date([...b, 'date']) ?? 'undated'})`, before: base.date([...b, 'date']), headPath: nearest(head, ['milestones']), basePath: b, item: id });
  }
}

function scopeDeltas(out: Delta[], base: CharterDocument, head: CharterDocument, side: 'in' | 'out'): void {
  const path = ['scope', side];
  const items = (doc: CharterDocument) => {
    const list = doc.get(path);
    return Array.isArray(list) ? list.slice(0, MAX_ITEMS).map((v, i) => ({ text: typeof v === 'string' ? v : JSON.stringify(v), index: i })) : [];
  };
  const remaining = new Map<string, number>();
  for (const b of items(base)) remaining.set(b.text, (remaining.get(b.text) ?? 0) + 1);
  const label = side === 'in' ? 'in scope' : 'out of scope';
  for (const h of items(head)) {
    const left = remaining.get(h.text) ?? 0;
    if (left > 0) remaining.set(h.text, left - 1);
    else out.push({ field: `scope-${side}`, kind: 'scope', governed: true, change: 'added', text: `${label} added: "${h.text}"`, after: h.text, headPath: [...path, h.index], item: h.text });
  }
  for (const b of items(base)) {
    const left = remaining.get(b.text) ?? 0;
    if (left === 0) continue;
    remaining.set(b.text, left - 1);
    out.push({ field: `scope-${side}`, kind: 'scope', governed: true, change: 'removed', text: `${label} removed: "${b.text}"`, before: b.text, headPath: nearest(head, path), basePath: [...path, b.index], item: b.text });
  }
}

function transition(out: Delta[], base: CharterDocument, head: CharterDocument, path: DataPath, field: DeltaField, label: string, kind: ChangeKind, governed: boolean): void {
  const before = base.text(path);
  const after = head.text(path);
  if (before === after || before === undefined || after === undefined) return;
  out.push({ field, kind, governed, change: 'changed', text: `${label} ${before} -> ${after}`, before, after, headPath: path, basePath: path });
}

function riskDeltas(out: Delta[], base: CharterDocument, head: CharterDocument): void {
  const open = (doc: CharterDocument, p: DataPath) => (doc.text([...p, 'status']) ?? 'open') === 'open';
  const baseById = byId(base, ['risks']);
  const headById = byId(head, ['risks']);
  for (const [id, h] of headById) {
    const b = baseById.get(id);
    const title = head.text([...h, 'title']);
    const name = `risk ${id}${title ? ` (${title})` : ''}`;
    if (!b && open(head, h)) out.push({ field: 'risk', kind: 'other', governed: false, change: 'added', text: `${name} opened`, headPath: h, item: id });
    else if (b && open(base, b) && !open(head, h)) out.push({ field: 'risk', kind: 'other', governed: false, change: 'changed', text: `${name} closed`, headPath: [...h, 'status'], basePath: b, item: id });
    else if (b && !open(base, b) && open(head, h)) out.push({ field: 'risk', kind: 'other', governed: false, change: 'changed', text: `${name} reopened`, headPath: nearest(head, [...h, 'status']), basePath: b, item: id });
  }
  for (const [id, b] of baseById) {
    if (!headById.has(id) && open(base, b)) out.push({ field: 'risk', kind: 'other', governed: false, change: 'removed', text: `risk ${id} removed while open`, headPath: nearest(head, ['risks']), basePath: b, item: id });
  }
}

function allocationDeltas(out: Delta[], base: CharterDocument, head: CharterDocument): void {
  const booking = (doc: CharterDocument) => {
    const map = new Map<string, { percent: number; path: DataPath }>();
    for (const { value, path } of doc.records(['allocations']).slice(0, MAX_ITEMS)) {
      if (typeof value.person !== 'string') continue;
      const percent = typeof value.percent === 'number' ? value.percent : 0;
      const prior = map.get(value.person);
      map.set(value.person, { percent: (prior?.percent ?? 0) + percent, path: prior?.path ?? path });
    }
    return map;
  };
  const before = booking(base);
  const after = booking(head);
  for (const [person, h] of after) {
    const b = before.get(person);
    if (!b) out.push({ field: 'allocation', kind: 'other', governed: false, change: 'added', text: `${person} booked at ${h.percent} %`, after: `${h.percent}`, headPath: h.path, item: person });
    else if (b.percent !== h.percent) out.push({ field: 'allocation', kind: 'other', governed: false, change: 'changed', text: `${person} booking ${b.percent} % -> ${h.percent} %`, before: `${b.percent}`, after: `${h.percent}`, headPath: h.path, basePath: b.path, item: person });
  }
  for (const [person, b] of before) {
    if (!after.has(person)) out.push({ field: 'allocation', kind: 'other', governed: false, change: 'removed', text: `${person} no longer booked (was ${b.percent} %)`, before: `${b.percent}`, headPath: nearest(head, ['allocations']), basePath: b.path, item: person });
  }
}

/** The records of a list by their `id`; the first of duplicates wins (portfolio rules report duplicates). */
function byId(doc: CharterDocument, path: DataPath): Map<string, DataPath> {
  const map = new Map<string, DataPath>();
  for (const r of doc.records(path).slice(0, MAX_ITEMS)) {
    if (typeof r.value.id === 'string' && !map.has(r.value.id)) map.set(r.value.id, r.path);
  }
  return map;
}

/** The path itself when the head still has it, else its nearest ancestor that it has (the root at worst). */
export function nearest(doc: CharterDocument, path: DataPath): DataPath {
  for (let n = path.length; n > 0; n--) if (doc.get(path.slice(0, n)) !== undefined) return path.slice(0, n);
  return [];
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

export function signedPercent(delta: Money, whole: Money): string {
  return delta < 0n ? `-${percentOf(-delta, whole)}` : `+${percentOf(delta, whole)}`;
}
