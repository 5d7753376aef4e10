import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

/** People are booked while the project runs: an allocation outside its dates books time nobody will use. */
export const outsideSchedule = documentRule({
  id: 'allocation/outside-schedule',
  scope: 'document',
  severity: 'warning',
  summary: "An allocation's period lies within the project's schedule.",
  docs: docsFor('allocation/outside-schedule'),
  kinds: ['Project'],
  messages: {
    beforeStart: "{{person}} is booked from {{from}}, before the project starts on {{start}}. Start the allocation on or after {{start}}, or move the project's start.",
    afterEnd: "{{person}} is booked until {{to}}, after the project ends on {{end}}. End the allocation by {{end}}, or move the project's end.",
  },
  check({ document, report }) {
    const start = document.date(['schedule', 'start']);
    const end = document.date(['schedule', 'end']);
    if (!start || !end || start > end) return;
    for (const { path, value } of document.records(['allocations'])) {
      const person = typeof value.person === 'string' ? value.person : 'This person';
      const from = document.date([...path, 'from']);
      const to = document.date([...path, 'to']);
      if (from && from < start) {
        report(document.valueRange([...path, 'from']), { messageId: 'beforeStart', data: { person, from, start } });
      }
      if (to && to > end) {
        report(document.valueRange([...path, 'to']), { messageId: 'afterEnd', data: { person, to, end } });
      }
    }
  },
});
