import { docsFor } from '../../utils/docs';
import type { DocumentRule } from '../ruleTypes';

export const owned: DocumentRule = {
  id: 'risks/owned',
  scope: 'document',
  severity: 'warning',
  summary: 'Every open risk has an owner.',
  docs: docsFor('risks/owned'),
  kinds: ['Project'],
  check({ document, report }) {
    for (const { path, value } of document.records(['risks'])) {
      if (value.status === 'closed' || (typeof value.owner === 'string' && value.owner.trim())) continue;
      const name = typeof value.id === 'string' ? `Risk ${value.id}` : 'This risk';
      const title = typeof value.title === 'string' ? ` ("${value.title}")` : '';
      report(document.keyRange(path), `${name}${title} has no owner. Add owner: the person (a People id) who watches it and acts on it.`);
    }
  },
};
