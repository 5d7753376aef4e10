import { docsFor } from '../../utils/docs';
import type { DocumentRule } from '../ruleTypes';

/** People are booked while the project runs: an allocation outside its dates books time nobody will use. */
export const outsideSchedule: DocumentRule = {
  id: 'allocation/outside-schedule',
  scope: 'document',
  severity: 'warning',
  summary: "An allocation's period lies within the project's schedule.",
  docs: docsFor('allocation/outside-schedule'),
  kinds: ['Project'],
  check({ document, report }) {
    const start = document.date(['schedule', 'start']);
    const end = document.date(['schedule', 'end']);
    if (!start || !end || start > end) return;
    for (const { path, value } of document.records(['allocations'])) {
      const person = typeof value.person === 'string' ? value.person : 'This person';
      const from = document.date([...path, 'from']);
      const to = document.date([...path, 'to']);
      if (from && from < start) {
        report(document.valueRange([...path, 'from']), `${person} is booked from ${from}, before the project starts on ${start}. Start the allocation on or after ${start}, or move the project's start.`);
      }
      if (to && to > end) {
        report(document.valueRange([...path, 'to']), `${person} is booked until ${to}, after the project ends on ${end}. End the allocation by ${end}, or move the project's end.`);
      }
    }
  },
};
