import { docsFor } from '../../utils/docs';
import { formatMoney, sumMoney } from '../money';
import type { DocumentRule } from '../ruleTypes';

/** A phased budget spreads exactly the approved amount, each fiscal year once. */
export const phasingSums: DocumentRule = {
  id: 'budget/phasing-sums',
  scope: 'document',
  severity: 'error',
  summary: 'The budget phasing adds up to the approved budget, with each fiscal year once.',
  docs: docsFor('budget/phasing-sums'),
  kinds: ['Project'],
  check({ document, report }) {
    const phases = document.records(['budget', 'phasing']);
    const approved = document.money(['budget', 'approved']);
    if (phases.length === 0) return;
    const seen = new Set<number>();
    for (const { path, value } of phases) {
      if (typeof value.fiscalYear !== 'number') continue;
      if (seen.has(value.fiscalYear)) {
        report(document.valueRange([...path, 'fiscalYear']), `Fiscal year ${value.fiscalYear} is phased twice. Merge the two amounts into one entry.`);
      }
      seen.add(value.fiscalYear);
    }
    const amounts = phases.map((p) => document.money([...p.path, 'amount']));
    if (approved === undefined || amounts.some((a) => a === undefined)) return;
    const total = sumMoney(amounts as bigint[]);
    if (total === approved) return;
    const unit = document.currency(['budget', 'currency']) ?? '';
    const diff = total > approved ? `${formatMoney(total - approved)} ${unit} more` : `${formatMoney(approved - total)} ${unit} less`;
    report(
      document.valueRange(['budget', 'approved']),
      `The phasing adds up to ${formatMoney(total)} ${unit}, ${diff} than the approved budget of ${formatMoney(approved)} ${unit}. Correct a year's amount, or the approved budget.`.replace(/ {2,}/g, ' '),
    );
  },
};
