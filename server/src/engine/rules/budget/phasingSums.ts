import { docsFor } from '../../utils/docs';
import { formatMoney, sumMoney } from '../money';
import { documentRule } from '../ruleTypes';

/** A phased budget spreads exactly the approved amount, each fiscal year once. */
export const phasingSums = documentRule({
  id: 'budget/phasing-sums',
  scope: 'document',
  severity: 'error',
  summary: 'The budget phasing adds up to the approved budget, with each fiscal year once.',
  docs: docsFor('budget/phasing-sums'),
  kinds: ['Project'],
  messages: {
    yearTwice: 'Fiscal year {{year}} is phased twice. Merge the two amounts into one entry.',
    more: "The phasing adds up to {{total}}, {{difference}} more than the approved budget of {{approved}}. Correct a year's amount, or the approved budget.",
    less: "The phasing adds up to {{total}}, {{difference}} less than the approved budget of {{approved}}. Correct a year's amount, or the approved budget.",
  },
  check({ document, report }) {
    const phases = document.records(['budget', 'phasing']);
    const approved = document.money(['budget', 'approved']);
    if (phases.length === 0) return;
    const seen = new Set<number>();
    for (const { path, value } of phases) {
      if (typeof value.fiscalYear !== 'number') continue;
      if (seen.has(value.fiscalYear)) {
        report(document.valueRange([...path, 'fiscalYear']), { messageId: 'yearTwice', data: { year: value.fiscalYear } });
      }
      seen.add(value.fiscalYear);
    }
    const amounts = phases.map((p) => document.money([...p.path, 'amount']));
    if (approved === undefined || amounts.some((a) => a === undefined)) return;
    const total = sumMoney(amounts as bigint[]);
    if (total === approved) return;
    const unit = document.currency(['budget', 'currency']) ?? '';
    // Without a currency the amounts keep their trailing space, as they always have; only the gap's is dropped.
    const amount = (m: bigint) => `${formatMoney(m)} ${unit}`;
    const more = total > approved;
    report(document.valueRange(['budget', 'approved']), {
      messageId: more ? 'more' : 'less',
      data: { total: amount(total), difference: unit ? amount(more ? total - approved : approved - total) : formatMoney(more ? total - approved : approved - total), approved: amount(approved) },
    });
  },
});
