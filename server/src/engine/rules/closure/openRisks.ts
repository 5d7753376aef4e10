import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

/** A risk is high when its probability or its impact is high. */
function isHigh(risk: Record<string, unknown>): boolean {
  return risk.probability === 'high' || risk.impact === 'high';
}

export const openRisks = documentRule({
  id: 'closure/open-risks',
  scope: 'document',
  severity: 'warning',
  summary: 'A closed project has no high risk still open.',
  docs: docsFor('closure/open-risks'),
  kinds: ['Project'],
  messages: {
    stillOpen: 'The project is closed but the high risk {{name}} is still open. Close the risk (status: closed), or hand it over to whoever owns the result and say so in its response.',
  },
  check({ document, report }) {
    if (document.text(['status']) !== 'closed') return;
    for (const { path, value } of document.records(['risks'])) {
      if ((value.status ?? 'open') !== 'open' || !isHigh(value)) continue;
      const name = typeof value.title === 'string' ? `"${value.title}"` : typeof value.id === 'string' ? value.id : 'A risk';
      report(document.keyRange(path), { messageId: 'stillOpen', data: { name } });
    }
  },
});
