import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

export const milestoneInWindow = documentRule({
  id: 'schedule/milestone-in-window',
  scope: 'document',
  severity: 'warning',
  summary: "A milestone falls within the project's schedule, from start to end.",
  docs: docsFor('schedule/milestone-in-window'),
  kinds: ['Project'],
  messages: {
    beforeStart: "Milestone {{name}} ({{date}}) is before the project starts ({{start}}). Move the milestone, or the schedule's start.",
    afterEnd: "Milestone {{name}} ({{date}}) is after the project ends ({{end}}). Move the milestone, or the schedule's end.",
  },
  check({ document, report }) {
    const start = document.date(['schedule', 'start']);
    const end = document.date(['schedule', 'end']);
    if (start && end && end < start) return; // schedule/start-before-end says what is wrong
    for (const { path, value } of document.records(['milestones'])) {
      const date = document.date([...path, 'date']);
      if (!date) continue;
      const name = typeof value.name === 'string' ? `"${value.name}"` : typeof value.id === 'string' ? value.id : 'This milestone';
      if (start && date < start) {
        report(document.valueRange([...path, 'date']), { messageId: 'beforeStart', data: { name, date, start } });
      } else if (end && date > end) {
        report(document.valueRange([...path, 'date']), { messageId: 'afterEnd', data: { name, date, end } });
      }
    }
  },
});
