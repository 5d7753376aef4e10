import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

export const exitCriteria = documentRule({
  id: 'closure/exit-criteria',
  scope: 'document',
  severity: 'error',
  summary: 'A closed project lists its exit criteria.',
  docs: docsFor('closure/exit-criteria'),
  kinds: ['Project'],
  messages: {
    missing: 'A closed project records its exit criteria. Add exitCriteria: the list of conditions that were met to close it.',
    empty: 'exitCriteria is empty. List the conditions that were met to close the project, one text each.',
  },
  check({ document, report }) {
    if (document.text(['status']) !== 'closed') return;
    const criteria = document.get(['exitCriteria']);
    const written = Array.isArray(criteria) ? criteria.filter((c) => typeof c === 'string' && c.trim()) : [];
    if (written.length > 0) return;
    if (criteria === undefined || criteria === null) {
      report(document.valueRange(['status']), { messageId: 'missing' });
    } else {
      report(document.keyRange(['exitCriteria']), { messageId: 'empty' });
    }
  },
});
