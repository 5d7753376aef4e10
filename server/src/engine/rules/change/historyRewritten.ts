import { canonical } from '../../change/changeRecords';
import { docsFor } from '../../utils/docs';
import type { DataPath } from '../../utils/yamlNodes';
import { isDict, type Dict } from '../../model/charterReader';
import { ruleOptions } from '../policyOptions';
import { changeRule, type ChangeRuleContext } from '../ruleTypes';

interface AuditList {
  path: string;
  /** What the entry is called in messages. */
  noun: string;
  /** The fields that say which entry it is, so an edited entry is told from a removed one. */
  identity: (entry: Dict) => string | undefined;
  /** An undecided entry may get its decision on the branch: these fields may change then. */
  undecided?: { decision: string; mayChange: string[] };
}

/** Entries compared per list: a hostile file must not make the comparison quadratic in its length. */
const MAX_ENTRIES = 500;

const AUDIT_LISTS: AuditList[] = [
  { path: 'approvals', noun: 'approval', identity: (e) => keyOf(e.role, e.person), undecided: { decision: 'pending', mayChange: ['decision', 'date'] } },
  { path: 'phaseLog', noun: 'gate decision', identity: (e) => keyOf(e.phase, e.date) },
  { path: 'changes', noun: 'change record', identity: (e) => keyOf(e.id), undecided: { decision: 'proposed', mayChange: ['decision', 'date', 'decidedBy', 'reference'] } },
];

/**
 * Audit trails in git only grow: past approvals, gate decisions and change records, milestones already
 * done and the latest status report stay as they were on the base. A correction is a new record, or an
 * approved change record (kind `other`, or `milestone` for a done milestone) by the sponsor.
 */
export const historyRewritten = changeRule({
  id: 'change/history-rewritten',
  scope: 'change',
  severity: 'error',
  summary: 'Past approvals, gate decisions, change records, done milestones and status reports are not edited or removed.',
  docs: docsFor('change/history-rewritten'),
  kinds: ['Project'],
  messages: {
    removed: 'The {{entry}} on {{baseRef}} was removed. Past entries in {{list}} are a record: put it back, and add a new entry for what changed since.',
    edited: 'The {{entry}} was edited: {{field}} {{before}} -> {{after}}. Past entries in {{list}} are a record: restore it, and add a new entry for what changed since.',
    milestoneRemoved: 'Milestone {{id}} was done on {{baseRef}} ({{date}}) and has been removed. A reached milestone is history: put it back.',
    milestoneRedated: 'Milestone {{id}} was done on {{date}} and is now dated {{now}}. A reached milestone is history: restore its date, and record a re-plan as a new milestone.',
    milestoneUndone: 'Milestone {{id}} was done on {{baseRef}} and is now {{now}}. A reached milestone stays done: add a new milestone for the work that is left.',
    reportBackdated: 'The status report is now as of {{after}}, older than the one on {{baseRef}} ({{before}}). Reports only move forward: write a new report as of today instead.',
  },
  options: ruleOptions('changeControl'),
  check(context) {
    if (!context.log.approved('other')) for (const list of AUDIT_LISTS) checkList(context, list);
    if (!context.log.approved('milestone')) checkDoneMilestones(context);
    if (!context.log.approved('other')) checkStatusReport(context);
  },
});

type Context = ChangeRuleContext<keyof typeof historyRewritten.messages>;

function checkList({ document, base, baseRef, report, atBase }: Context, list: AuditList): void {
  const headEntries = document.records([list.path]).slice(0, MAX_ENTRIES);
  const unmatched = new Map<string, Array<{ value: Dict; path: DataPath }>>();
  for (const entry of headEntries) {
    const key = canonical(entry.value);
    unmatched.set(key, [...(unmatched.get(key) ?? []), entry]);
  }
  const consume = (key: string) => {
    const left = unmatched.get(key);
    return left && left.length > 0 ? left.shift() : undefined;
  };
  const edited: Array<{ value: Dict; path: DataPath }> = [];
  for (const entry of base.records([list.path]).slice(0, MAX_ENTRIES)) {
    if (consume(canonical(entry.value))) continue;
    edited.push(entry);
  }
  const remaining = [...unmatched.values()].flat();
  for (const old of edited) {
    const id = list.identity(old.value);
    const successor = id === undefined ? undefined : remaining.find((h) => list.identity(h.value) === id);
    if (successor) remaining.splice(remaining.indexOf(successor), 1);
    const name = `${list.noun}${id ? ` (${id})` : ''}`;
    if (!successor) {
      report(document.keyRange(document.has([list.path]) ? [list.path] : []), { messageId: 'removed', data: { entry: name, baseRef, list: list.path } }, {
        related: [atBase(old.path, `On ${baseRef}: ${summarise(old.value)}`)],
      });
      continue;
    }
    const fields = changedFields(old.value, successor.value);
    if (list.undecided && old.value.decision === list.undecided.decision && fields.every((f) => list.undecided!.mayChange.includes(f))) continue;
    const field = fields[0];
    const range = successor.value[field] !== undefined ? document.valueRange([...successor.path, field]) : document.keyRange(successor.path);
    report(range, { messageId: 'edited', data: { entry: name, field, before: shown(old.value[field]), after: shown(successor.value[field]), list: list.path } }, {
      related: [atBase(old.value[field] !== undefined ? [...old.path, field] : old.path, `On ${baseRef}: ${field} ${shown(old.value[field])}`)],
    });
  }
}

function checkDoneMilestones({ document, base, baseRef, report, atBase }: Context): void {
  const headById = new Map(document.records(['milestones']).flatMap((r) => (typeof r.value.id === 'string' ? [[r.value.id, r] as const] : [])));
  for (const old of base.records(['milestones']).slice(0, MAX_ENTRIES)) {
    if (old.value.status !== 'done' || typeof old.value.id !== 'string') continue;
    const id = old.value.id;
    const now = headById.get(id);
    const was = `On ${baseRef}: done on ${shown(old.value.date)}`;
    if (!now) {
      report(document.keyRange(document.has(['milestones']) ? ['milestones'] : []), { messageId: 'milestoneRemoved', data: { id, baseRef, date: shown(old.value.date) } }, { related: [atBase(old.path, was)] });
    } else if (now.value.date !== old.value.date) {
      report(document.valueRange([...now.path, 'date']), { messageId: 'milestoneRedated', data: { id, date: shown(old.value.date), now: shown(now.value.date) } }, {
        related: [atBase([...old.path, 'date'], was)],
      });
    } else if (now.value.status !== 'done') {
      const range = now.value.status !== undefined ? document.valueRange([...now.path, 'status']) : document.keyRange(now.path);
      report(range, { messageId: 'milestoneUndone', data: { id, baseRef, now: shown(now.value.status ?? 'planned') } }, {
        related: [atBase([...old.path, 'status'], was)],
      });
    }
  }
}

function checkStatusReport({ document, base, baseRef, report, atBase }: Context): void {
  const before = base.date(['statusReport', 'asOf']);
  const after = document.date(['statusReport', 'asOf']);
  if (!before || !after || after >= before) return;
  report(document.valueRange(['statusReport', 'asOf']), { messageId: 'reportBackdated', data: { after, baseRef, before } }, {
    related: [atBase(['statusReport', 'asOf'], `On ${baseRef}: ${before}`)],
  });
}

function keyOf(...parts: unknown[]): string | undefined {
  return parts.every((p) => typeof p === 'string' && p) ? parts.join(', ') : undefined;
}

function changedFields(before: Dict, after: Dict): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => canonical(before[k]) !== canonical(after[k]));
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  const text = typeof value === 'string' ? value : isDict(value) || Array.isArray(value) ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function summarise(entry: Dict): string {
  return shown(Object.entries(entry).map(([k, v]) => `${k}: ${shown(v)}`).join(', '));
}

