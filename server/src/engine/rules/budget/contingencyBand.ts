import { docsFor } from '../../utils/docs';
import { comparePercent, formatMoney, percentOf } from '../money';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const contingencyBand = documentRule({
  id: 'budget/contingency-band',
  scope: 'document',
  severity: 'warning',
  summary: "Contingency, as a percentage of the approved budget, is within the policy's band.",
  docs: docsFor('budget/contingency-band'),
  kinds: ['Project'],
  messages: {
    tooLow: 'Contingency is {{percent}} % of the approved budget ({{contingency}} of {{approved}}); the policy asks for {{band}}. Raise the contingency, or get a waiver.',
    tooHigh: 'Contingency is {{percent}} % of the approved budget ({{contingency}} of {{approved}}); the policy asks for {{band}}. Lower the contingency, or get a waiver.',
  },
  options: ruleOptions('contingency'),
  check({ document, policy, report }) {
    const approved = document.money(['budget', 'approved']);
    const contingency = document.money(['budget', 'contingency']);
    const { minPercent, maxPercent } = policy.contingency;
    if (approved === undefined || contingency === undefined || approved === 0n) return;
    const low = minPercent !== undefined && comparePercent(contingency, approved, minPercent) < 0;
    const high = maxPercent !== undefined && comparePercent(contingency, approved, maxPercent) > 0;
    if (!low && !high) return;
    const unit = document.currency(['budget', 'currency']) ?? '';
    const band =
      minPercent !== undefined && maxPercent !== undefined ? `between ${minPercent} % and ${maxPercent} %` : minPercent !== undefined ? `at least ${minPercent} %` : `at most ${maxPercent} %`;
    report(document.valueRange(['budget', 'contingency']), {
      messageId: low ? 'tooLow' : 'tooHigh',
      data: { percent: percentOf(contingency, approved), contingency: formatMoney(contingency), approved: `${formatMoney(approved)}${unit ? ` ${unit}` : ''}`, band },
    });
  },
});
