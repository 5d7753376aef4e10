import { docsFor } from '../../utils/docs';
import { formatMoney, parseMoney, sumMoney, type Money } from '../money';
import type { DocumentRule } from '../ruleTypes';

export const breakdownSums: DocumentRule = {
  id: 'budget/breakdown-sums',
  scope: 'document',
  severity: 'error',
  summary: 'The budget breakdown adds up to the approved budget.',
  docs: docsFor('budget/breakdown-sums'),
  kinds: ['Project'],
  check({ document, report }) {
    const approved = document.money(['budget', 'approved']);
    const currency = document.currency(['budget', 'currency']);
    const lines = document.records(['budget', 'breakdown']);
    if (approved === undefined || lines.length === 0) return;
    const amounts: Money[] = [];
    for (const { value } of lines) {
      const amount = parseMoney(value.amount);
      // A line without a readable amount, or in another currency, cannot be added up: the schema and
      // budget/single-currency report those.
      if (amount === undefined) return;
      if (typeof value.currency === 'string' && currency && value.currency !== currency) return;
      amounts.push(amount);
    }
    const total = sumMoney(amounts);
    if (total === approved) return;
    const unit = currency ? ` ${currency}` : '';
    const gap = total < approved ? `${formatMoney(approved - total)}${unit} is not broken down` : `the breakdown is ${formatMoney(total - approved)}${unit} over`;
    report(
      document.valueRange(['budget', 'approved']),
      `The budget breakdown adds up to ${formatMoney(total)}${unit}, but the approved budget is ${formatMoney(approved)}${unit} (${gap}). Make the breakdown and the approved amount agree.`,
    );
  },
};
