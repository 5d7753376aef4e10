import { docsFor } from '../../utils/docs';
import { formatMoney, parseMoney, sumMoney, type Money } from '../money';
import { documentRule } from '../ruleTypes';

export const breakdownSums = documentRule({
  id: 'budget/breakdown-sums',
  scope: 'document',
  severity: 'error',
  summary: 'The budget breakdown adds up to the approved budget.',
  docs: docsFor('budget/breakdown-sums'),
  kinds: ['Project'],
  messages: {
    notBrokenDown: 'The budget breakdown adds up to {{total}}, but the approved budget is {{approved}} ({{gap}} is not broken down). Make the breakdown and the approved amount agree.',
    over: 'The budget breakdown adds up to {{total}}, but the approved budget is {{approved}} (the breakdown is {{gap}} over). Make the breakdown and the approved amount agree.',
  },
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
    const under = total < approved;
    report(document.valueRange(['budget', 'approved']), {
      messageId: under ? 'notBrokenDown' : 'over',
      data: { total: `${formatMoney(total)}${unit}`, approved: `${formatMoney(approved)}${unit}`, gap: `${formatMoney(under ? approved - total : total - approved)}${unit}` },
    });
  },
});
