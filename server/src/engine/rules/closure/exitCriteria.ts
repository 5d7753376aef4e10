import { docsFor } from '../../utils/docs';
import type { DocumentRule } from '../ruleTypes';

export const exitCriteria: DocumentRule = {
  id: 'closure/exit-criteria',
  scope: 'document',
  severity: 'error',
  summary: 'A closed project lists its exit criteria.',
  docs: docsFor('closure/exit-criteria'),
  kinds: ['Project'],
  check({ document, report }) {
    if (document.text(['status']) !== 'closed') return;
    const criteria = document.get(['exitCriteria']);
    const written = Array.isArray(criteria) ? criteria.filter((c) => typeof c === 'string' && c.trim()) : [];
    if (written.length > 0) return;
    if (criteria === undefined || criteria === null) {
      report(document.valueRange(['status']), 'A closed project records its exit criteria. Add exitCriteria: the list of conditions that were met to close it.');
    } else {
      report(document.keyRange(['exitCriteria']), 'exitCriteria is empty. List the conditions that were met to close the project, one text each.');
    }
  },
};
