// What a change may do without escalation: the manager's tolerances (the charter's `authority`, else the
// policy's change-control defaults) and the status moves the policy allows.
import type { CharterDocument } from '../model/charterReader';
import { comparisonCurrency, inCurrency } from '../rules/fx';
import { comparePercent } from '../rules/money';
import type { Policy } from '../rules/policy';
import type { Delta } from './deltas';

/** The tolerance a budget or end-date delta exceeds, as words (`10 %`, `30-day`); undefined when within it or not such a delta. */
export function exceededTolerance(delta: Delta, head: CharterDocument, policy: Policy): string | undefined {
  if (delta.field === 'approved' && delta.money) {
    const tolerance = head.number(['authority', 'budgetTolerancePercent']) ?? policy.changeControl.budgetTolerancePercent;
    // Both amounts in one currency: the budget's own, or the policy's base currency when it changed.
    const { currency, beforeCurrency } = delta.money;
    const unit = comparisonCurrency([beforeCurrency, currency], policy);
    const before = unit ? inCurrency(delta.money.before, beforeCurrency, unit, policy) : undefined;
    const after = unit ? inCurrency(delta.money.after, currency, unit, policy) : undefined;
    if (before === undefined || after === undefined) return undefined;
    const moved = after > before ? after - before : before - after;
    return before > 0n && comparePercent(moved, before, tolerance) > 0 ? `${tolerance} %` : undefined;
  }
  if (delta.field === 'end' && delta.days !== undefined) {
    const tolerance = head.number(['authority', 'scheduleToleranceDays']) ?? policy.changeControl.scheduleToleranceDays;
    return Math.abs(delta.days) > tolerance ? `${tolerance}-day` : undefined;
  }
  return undefined;
}

export function transitionAllowed(from: string, to: string, policy: Policy): boolean {
  const allowed = policy.allowedTransitions[from];
  // A status the policy does not know (a typo the schema reports) is not this check's business.
  return allowed === undefined || allowed.includes(to);
}

/** A milestone delta about a milestone that was already done on the base: history, not planning. */
export function touchesDoneMilestone(delta: Delta, base: CharterDocument): boolean {
  if (delta.field !== 'milestone' || !delta.basePath || delta.change === 'added') return false;
  const milestone = delta.basePath.slice(0, 2);
  return base.text([...milestone, 'status']) === 'done';
}
