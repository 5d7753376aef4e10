import { canonical } from '../../change/changeRecords';
import { docsFor } from '../../utils/docs';
import { formatMoney } from '../money';
import type { ChangeRule } from '../ruleTypes';

/**
 * An approved budget that rises past a policy threshold it was below on the base needs a fresh approval
 * in that role: the approval given for the smaller amount does not cover the larger one.
 */
export const approvalThresholdCrossed: ChangeRule = {
  id: 'change/approval-threshold-crossed',
  scope: 'change',
  severity: 'error',
  summary: 'A budget that crosses a policy approval threshold on the branch has a new approval in that role.',
  docs: docsFor('change/approval-threshold-crossed'),
  kinds: ['Project'],
  check({ document, base, baseRef, policy, report, atBase }) {
    const before = base.money(['budget', 'approved']);
    const after = document.money(['budget', 'approved']);
    if (before === undefined || after === undefined || after <= before) return;
    const unit = document.text(['budget', 'currency']);
    const money = (m: bigint) => `${formatMoney(m)}${unit ? ` ${unit}` : ''}`;
    const baseApprovals = base.records(['approvals']).map((r) => r.value);
    const baseKeys = new Set(baseApprovals.map((a) => canonical(a)));
    const lastBaseDate = baseApprovals.map((a) => (typeof a.date === 'string' ? a.date : '')).sort().at(-1) ?? '';
    const fresh = document.records(['approvals']).map((r) => r.value).filter((a) => !baseKeys.has(canonical(a)));
    const roles = new Set<string>();
    for (const threshold of policy.approvalThresholds) {
      if (!(before <= threshold.above && after > threshold.above) || roles.has(threshold.role)) continue;
      roles.add(threshold.role);
      const ok = fresh.some((a) => a.role === threshold.role && a.decision === 'approved' && typeof a.date === 'string' && a.date >= lastBaseDate);
      if (ok) continue;
      report(
        document.valueRange(['budget', 'approved']),
        `Approved budget rose ${formatMoney(before)} -> ${money(after)}, past the ${money(threshold.above)} threshold it was below on ${baseRef}, so it needs a new approval by the ${threshold.role}. Add the ${threshold.role}'s approval of the new amount to approvals, dated after the base's approvals.`,
        { related: [atBase(['budget', 'approved'], `On ${baseRef}: ${formatMoney(before)}`)] },
      );
    }
  },
};
