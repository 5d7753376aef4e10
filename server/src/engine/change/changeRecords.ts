// The `changes:` log of a charter read against its base: which records are new on the branch, which
// kinds they cover, and whether a change was approved by someone allowed to approve it.
import { isDict, type CharterDocument, type Dict } from '../model/charterReader';
import type { Policy } from '../rules/policy';
import { isIsoDate } from '../utils/dates';

export type ChangeKind = 'budget' | 'schedule' | 'scope' | 'milestone' | 'status' | 'other';

export interface ChangeRecord {
  id?: string;
  date?: string;
  kinds: ChangeKind[];
  decision: string;
  decidedBy?: string;
  value: Dict;
}

const KINDS = new Set<string>(['budget', 'schedule', 'scope', 'milestone', 'status', 'other']);

export function readRecords(document: CharterDocument): ChangeRecord[] {
  return document.records(['changes']).slice(0, 500).map(({ value }) => {
    const rawKinds = Array.isArray(value.kind) ? value.kind : [value.kind];
    return {
      id: typeof value.id === 'string' ? value.id : undefined,
      date: typeof value.date === 'string' && isIsoDate(value.date) ? value.date : undefined,
      kinds: rawKinds.filter((k): k is ChangeKind => typeof k === 'string' && KINDS.has(k)),
      decision: typeof value.decision === 'string' ? value.decision : 'proposed',
      decidedBy: typeof value.decidedBy === 'string' ? value.decidedBy : undefined,
      value,
    };
  });
}

/** What the branch records about its changes, as the change rules ask it. */
export class ChangeLog {
  /** The records added on the branch (or decided on it), dated on or after the base's last record. */
  readonly fresh: ChangeRecord[];
  /** The date of the base's last record, if it has any. */
  readonly baseLastDate: string | undefined;
  private readonly approvers: Set<string>;

  constructor(head: CharterDocument, base: CharterDocument, policy: Policy) {
    const baseRecords = readRecords(base);
    const baseKeys = new Set(baseRecords.map((r) => canonical(r.value)));
    this.baseLastDate = baseRecords.map((r) => r.date).filter((d): d is string => !!d).sort().at(-1);
    this.fresh = readRecords(head).filter((r) => !baseKeys.has(canonical(r.value)) && (!this.baseLastDate || (r.date !== undefined && r.date >= this.baseLastDate)));
    this.approvers = approverPeople(head, policy);
  }

  /** The fresh records of a kind that are not rejected. */
  covering(kind: ChangeKind): ChangeRecord[] {
    return this.fresh.filter((r) => r.kinds.includes(kind) && r.decision !== 'rejected');
  }

  /** A fresh record of the kind, approved by a person in one of the policy's approver roles. */
  approved(kind: ChangeKind): ChangeRecord | undefined {
    return this.covering(kind).find((r) => r.decision === 'approved' && r.decidedBy !== undefined && this.approvers.has(r.decidedBy));
  }

  /** Who may approve a change beyond tolerance, for messages: `the sponsor (jane.doe)`. */
  approverText(head: CharterDocument, policy: Policy): string {
    const roles = policy.changeControl.approverRoles;
    const sponsor = head.text(['sponsor']);
    const named = roles.map((role) => (role === 'sponsor' && sponsor ? `the sponsor (${sponsor})` : `the ${role}`));
    return named.length <= 1 ? named.join('') : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`;
  }
}

/** The people who may approve a change: the sponsor for role `sponsor`, and those with an approver role in `approvals`. */
function approverPeople(head: CharterDocument, policy: Policy): Set<string> {
  const people = new Set<string>();
  const roles = new Set(policy.changeControl.approverRoles);
  const sponsor = head.text(['sponsor']);
  if (roles.has('sponsor') && sponsor) people.add(sponsor);
  for (const { value } of head.records(['approvals'])) {
    if (typeof value.role === 'string' && roles.has(value.role) && typeof value.person === 'string') people.add(value.person);
  }
  return people;
}

/** A record's content regardless of key order or layout (flow or block), to compare base and head entries. */
export function canonical(value: unknown, depth = 0): string {
  if (depth > 16) return '…';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, depth + 1)).join(',')}]`;
  if (isDict(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k], depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
