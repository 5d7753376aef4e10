import { canonical } from '../../change/changeRecords';
import { docsFor } from '../../utils/docs';
import { describeAmount, toBaseCurrency } from '../fx';
import { formatMoney } from '../money';
import { ruleOptions } from '../policyOptions';
import { changeRule } from '../ruleTypes';

/**
 * An approved budget that rises past a policy threshold it was below on the base needs a fresh approval
 * in that role: the approval given for the smaller amount does not cover the larger one.
 */
export const approvalThresholdCrossed = changeRule({
  id: 'change/approval-threshold-crossed',
  scope: 'change',
  severity: 'error',
  summary: 'A budget that crosses a policy approval threshold on the branch has a new approval in that role.',
  docs: docsFor('change/approval-threshold-crossed'),
  kinds: ['Project'],
  messages: {
    crossed: "Approved budget rose {{rise}}, past the {{threshold}} threshold it was below on {{baseRef}}, so it needs a new approval by the {{role}}. Add the {{role}}'s approval of the new amount to approvals, dated after the base's approvals.",
  },
  options: ruleOptions('approvalThresholds', 'baseCurrency', 'fxRates'),
  check({ document, base, baseRef, policy, report, atBase }) {
    const rawBefore = base.money(['budget', 'approved']);
    const rawAfter = document.money(['budget', 'approved']);
    if (rawBefore === undefined || rawAfter === undefined) return;
    // Thresholds are in the policy's base currency (else the budget's own): both sides converted first.
    const beforeUnit = base.text(['budget', 'currency']);
    const unit = document.text(['budget', 'currency']);
    const convertedBefore = toBaseCurrency(rawBefore, beforeUnit, policy);
    const convertedAfter = toBaseCurrency(rawAfter, unit, policy);
    if (policy.baseCurrency && (!convertedBefore.ok || !convertedAfter.ok)) return; // budget/fx-rate says why
    if (!policy.baseCurrency && beforeUnit !== unit) return; // amounts in two currencies cannot be compared
    const before = convertedBefore.ok ? convertedBefore.amount : rawBefore;
    const after = convertedAfter.ok ? convertedAfter.amount : rawAfter;
    if (after <= before) return;
    const thresholdUnit = policy.baseCurrency ?? unit;
    const money = (m: bigint) => `${formatMoney(m)}${thresholdUnit ? ` ${thresholdUnit}` : ''}`;
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
        { messageId: 'crossed', data: { rise: rise(rawBefore, beforeUnit, rawAfter, unit, policy), threshold: money(threshold.above), baseRef, role: threshold.role } },
        { related: [atBase(['budget', 'approved'], `On ${baseRef}: ${formatMoney(rawBefore)}`)] },
      );
    }
  },
});

/** `200,000 -> 300,000 EUR`, or with conversions `200,000 GBP = 234,000 EUR at 1.17 -> ...`. */
function rise(before: bigint, beforeUnit: string | undefined, after: bigint, unit: string | undefined, policy: Parameters<typeof describeAmount>[2]): string {
  const converted = policy.baseCurrency && (beforeUnit !== policy.baseCurrency || unit !== policy.baseCurrency);
  if (!converted && beforeUnit === unit) return `${formatMoney(before)} -> ${formatMoney(after)}${unit ? ` ${unit}` : ''}`;
  return `${describeAmount(before, beforeUnit, policy)} -> ${describeAmount(after, unit, policy)}`;
}
