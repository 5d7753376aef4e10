import { docsFor } from '../../utils/docs';
import type { DocumentRule } from '../ruleTypes';

export const overdueMilestone: DocumentRule = {
  id: 'schedule/overdue-milestone',
  scope: 'document',
  severity: 'warning',
  summary: 'A milestone whose date has passed is marked done or missed.',
  docs: docsFor('schedule/overdue-milestone'),
  kinds: ['Project'],
  check({ document, today, report }) {
    if (document.text(['status']) === 'cancelled') return;
    for (const { path, value } of document.records(['milestones'])) {
      const date = document.date([...path, 'date']);
      const status = value.status ?? 'planned';
      if (!date || status !== 'planned' || date >= today) continue;
      const name = typeof value.name === 'string' ? `"${value.name}"` : typeof value.id === 'string' ? value.id : 'This milestone';
      report(
        document.valueRange([...path, 'date']),
        `Milestone ${name} was due on ${date} and is still planned (today is ${today}). Mark it done or missed, or re-plan it with a new date.`,
      );
    }
  },
};
