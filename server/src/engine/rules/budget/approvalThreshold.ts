import { docsFor } from '../../utils/docs';
import { appendListItem } from '../edits';
import { describeAmount, toBaseCurrency } from '../fx';
import { formatMoney } from '../money';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

/**
 * Every threshold the approved budget is above needs an approval in that role. While a project is only
 * proposed, a pending approval (the request) is enough; from `approved` on, it must say `approved`.
 * Thresholds are in the policy's base currency (else in the project's own): a budget in another currency
 * is converted first, and one that cannot be is flagged by budget/fx-rate instead.
 */
export const approvalThreshold = documentRule({
  id: 'budget/approval-threshold',
  scope: 'document',
  severity: 'error',
  summary: "A budget above a policy threshold has an approval by the threshold's role.",
  docs: docsFor('budget/approval-threshold'),
  kinds: ['Project'],
  messages: {
    decisionPending: "The approved budget ({{amount}}) is above {{threshold}}, so the policy needs an approval by the {{role}}; the one in approvals is {{decisions}}. Record the {{role}}'s decision once it is taken.",
    approvalMissing: "The approved budget ({{amount}}) is above {{threshold}}, so the policy needs an approval by the {{role}}. Add the {{role}}'s approval to approvals.",
  },
  options: ruleOptions('approvalThresholds', 'baseCurrency', 'fxRates'),
  check({ document, policy, report }) {
    const approved = document.money(['budget', 'approved']);
    if (approved === undefined) return;
    const status = document.text(['status']) ?? 'proposed';
    const unit = document.currency(['budget', 'currency']);
    const inBase = toBaseCurrency(approved, unit, policy);
    if (!inBase.ok && policy.baseCurrency) return;
    const compared = inBase.ok ? inBase.amount : approved;
    const thresholdUnit = policy.baseCurrency ?? unit;
    const money = (m: bigint) => `${formatMoney(m)}${thresholdUnit ? ` ${thresholdUnit}` : ''}`;
    const approvals = document.records(['approvals']).map((r) => r.value);
    const roles = new Set<string>();
    for (const threshold of policy.approvalThresholds) {
      if (compared <= threshold.above || roles.has(threshold.role)) continue;
      roles.add(threshold.role);
      const rows = approvals.filter((a) => a.role === threshold.role);
      const decisions = rows.map((a) => (typeof a.decision === 'string' ? a.decision : 'pending'));
      const enough = status === 'proposed' ? decisions.some((d) => d !== 'rejected') : decisions.includes('approved');
      if (enough) continue;
      const range = document.valueRange(['budget', 'approved']);
      const why = { amount: describeAmount(approved, unit, policy), threshold: money(threshold.above), role: threshold.role };
      if (rows.length > 0) {
        report(range, { messageId: 'decisionPending', data: { ...why, decisions: decisions.join(', ') } });
        continue;
      }
      const sponsor = document.text(['sponsor']);
      const fields: Array<[string, string]> = [['role', yamlText(threshold.role)]];
      if (threshold.role === 'sponsor' && sponsor) fields.push(['person', yamlText(sponsor)]);
      fields.push(['decision', 'pending']);
      const edit = appendListItem(document, ['approvals'], fields);
      report(range, { messageId: 'approvalMissing', data: why }, {
        fixes: edit ? [{ title: `Add the ${threshold.role}'s approval (decision: pending)`, safe: false, edits: { [document.uri]: [edit] } }] : undefined,
      });
    }
  },
});

function yamlText(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(value) && !/ $/.test(value) ? value : JSON.stringify(value);
}
