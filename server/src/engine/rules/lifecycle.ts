// The one definition of where a project is in its life. Every rule about live delivery (recovery plans,
// stale or missing reports, overdue milestones, allocations, roll-ups, funding), the portfolio model,
// the tree, the dashboard and every report ask these functions, so they agree on what counts.
import type { Policy } from './policy';

/** Every status a project can have, in the order of a project's life. */
export const PROJECT_STATUSES = ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled'] as const;

/** A project is live while work is approved and not finished: delivery rules apply to it. */
export const DEFAULT_LIVE_STATUSES: readonly string[] = ['approved', 'active', 'on-hold'];

/** Finished projects are history: nothing about delivery is asked of them. */
export const FINISHED_STATUSES: readonly string[] = ['closed', 'cancelled'];

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
  return isCommitted(status, policy) || status === 'closed';
}

export function isFinished(status: string | undefined): boolean {
  return status !== undefined && FINISHED_STATUSES.includes(status);
}
