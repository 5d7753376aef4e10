// The one definition of where a project is in its life and how healthy it is. Every rule about live
// delivery (recovery plans, stale or missing reports, overdue milestones, allocations, roll-ups,
// funding), the portfolio model, the tree, the dashboard and every report ask these functions, so they
// agree on what counts: a live project, an overdue milestone, the worst RAG of a group.
import { isIsoDate } from '../utils/dates';
import { DEFAULT_MILESTONE_STATUS, FINISHED_STATUSES, isOneOf, RAGS, type Rag } from '../model/vocabulary';
import type { Policy } from './policy';

export { DEFAULT_LIVE_STATUSES, FINISHED_STATUSES } from '../model/vocabulary';

/** Whether a project with this status is live under the policy (`policy.liveStatuses`). */
export function isLive(status: string | undefined, policy: Pick<Policy, 'liveStatuses'>): boolean {
  return status !== undefined && policy.liveStatuses.includes(status);
}

/** Whether a project with this status has money committed to it: approved, or live. */
export function isCommitted(status: string | undefined, policy: Pick<Policy, 'liveStatuses'>): boolean {
  return status === 'approved' || isLive(status, policy);
}

/**
 * Whether a project's budget counts against its programme's cap: committed, or closed (a closed
 * project spent its money under the cap). Proposals have not been granted; cancelled ones released it.
 */
export function countsAgainstCap(status: string | undefined, policy: Pick<Policy, 'liveStatuses'>): boolean {
  return committedCountsAgainstCap(isCommitted(status, policy), status);
}

/** `countsAgainstCap` of a project whose commitment is already known (the portfolio model's `committed`). */
export function committedCountsAgainstCap(committed: boolean, status: string | undefined): boolean {
  return committed || status === 'closed';
}

export function isFinished(status: string | undefined): boolean {
  return isOneOf(FINISHED_STATUSES, status);
}

/**
 * A milestone is overdue when its project is live, it is still planned (a milestone without a `status`
 * is) and its date, a valid `YYYY-MM-DD` day, is before `asOf`. Values are as written in the charter:
 * a malformed date or status is the schema's finding, never an overdue milestone.
 */
export function isOverdueMilestone(milestone: { date?: unknown; status?: unknown }, projectLive: boolean, asOf: string): boolean {
  const status = milestone.status ?? DEFAULT_MILESTONE_STATUS;
  return projectLive && status === DEFAULT_MILESTONE_STATUS && typeof milestone.date === 'string' && isIsoDate(milestone.date) && milestone.date < asOf;
}

export function isRag(value: unknown): value is Rag {
  return isOneOf(RAGS, value);
}

/** Whether `a` is a worse rating than `b` (red is worse than amber, amber than green). */
export function isWorseRag(a: Rag, b: Rag): boolean {
  return RAGS.indexOf(a) > RAGS.indexOf(b);
}

/** Red beats amber beats green; values that are not a RAG are skipped; undefined when none is one. */
export function worstRag(rags: Iterable<unknown>): Rag | undefined {
  let worst: Rag | undefined;
  for (const rag of rags) if (isRag(rag) && (!worst || isWorseRag(rag, worst))) worst = rag;
  return worst;
}

/**
 * The RAG roll-up of a group of projects (a programme, a portfolio group): the worst RAG among its live
 * projects; finished and proposed projects do not count. Undefined when no live project reports one.
 */
export function rolledUpRag(projects: Iterable<{ rag?: unknown; live: boolean }>): Rag | undefined {
  return worstRag([...projects].filter((p) => p.live).map((p) => p.rag));
}
