import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

export const owned = documentRule({
  id: 'risks/owned',
  scope: 'document',
  severity: 'warning',
  summary: 'Every open risk has an owner.',
  docs: docsFor('risks/owned'),
  kinds: ['Project'],
  messages: {
    noOwner: '{{name}}{{title}} has no owner. Add owner: the person (a People id) who watches it and acts on it.',
  },
  check({ document, report }) {
    for (const { path, value } of document.records(['risks'])) {
      if (value.status === 'closed' || (typeof value.owner === 'string' && value.owner.trim())) continue;
      const name = typeof value.id === 'string' ? `Risk ${value.id}` : 'This risk';
      const title = typeof value.title === 'string' ? ` ("${value.title}")` : '';
      report(document.keyRange(path), { messageId: 'noOwner', data: { name, title } });
    }
  },
});
