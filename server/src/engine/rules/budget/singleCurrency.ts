import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

export const singleCurrency = documentRule({
  id: 'budget/single-currency',
  scope: 'document',
  severity: 'error',
  summary: "Every budget line is in the budget's currency.",
  docs: docsFor('budget/single-currency'),
  kinds: ['Project'],
  messages: {
    otherCurrency: 'This budget line is in {{line}}, but the budget is in {{currency}}. Keep one currency per budget: convert the amount to {{currency}}.',
  },
  check({ document, report }) {
    const currency = document.currency(['budget', 'currency']);
    if (!currency) return;
    for (const { path } of document.records(['budget', 'breakdown'])) {
      const line = document.currency([...path, 'currency']);
      if (!line || line === currency) continue;
      report(document.valueRange([...path, 'currency']), { messageId: 'otherCurrency', data: { line, currency } });
    }
  },
});
