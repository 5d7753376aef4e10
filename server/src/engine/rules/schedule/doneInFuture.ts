import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

export const doneInFuture = documentRule({
  id: 'schedule/done-in-future',
  scope: 'document',
  severity: 'error',
  summary: 'A milestone marked done is not dated after today.',
  docs: docsFor('schedule/done-in-future'),
  kinds: ['Project'],
  messages: {
    doneInFuture: 'Milestone {{name}} is marked done but dated {{date}}, after today ({{today}}). Write the day it was actually reached, or mark it planned.',
  },
  check({ document, today, report }) {
    for (const { path, value } of document.records(['milestones'])) {
      const date = document.date([...path, 'date']);
      if (value.status !== 'done' || !date || date <= today) continue;
      const name = typeof value.name === 'string' ? `"${value.name}"` : typeof value.id === 'string' ? value.id : 'This milestone';
      report(document.valueRange([...path, 'date']), { messageId: 'doneInFuture', data: { name, date, today } });
    }
  },
});
