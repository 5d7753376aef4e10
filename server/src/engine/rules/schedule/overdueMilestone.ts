import { docsFor } from '../../utils/docs';
import { isLive, isOverdueMilestone } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const overdueMilestone = documentRule({
  id: 'schedule/overdue-milestone',
  scope: 'document',
  severity: 'warning',
  summary: 'A milestone of a live project whose date has passed is marked done or missed.',
  docs: docsFor('schedule/overdue-milestone'),
  kinds: ['Project'],
  messages: {
    overdue: 'Milestone {{name}} was due on {{date}} and is still planned (today is {{today}}). Mark it done or missed, or re-plan it with a new date.',
  },
  options: ruleOptions('liveStatuses'),
  check({ document, policy, today, report }) {
    if (!isLive(document.text(['status']), policy)) return;
    for (const { path, value } of document.records(['milestones'])) {
      if (!isOverdueMilestone(value, true, today)) continue;
      const date = value.date as string;
      const name = typeof value.name === 'string' ? `"${value.name}"` : typeof value.id === 'string' ? value.id : 'This milestone';
      report(document.valueRange([...path, 'date']), { messageId: 'overdue', data: { name, date, today } });
    }
  },
});
