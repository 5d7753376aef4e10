import { docsFor } from '../../utils/docs';
import { isLive } from '../lifecycle';
import type { DocumentRule } from '../ruleTypes';

export const pastEnd: DocumentRule = {
  id: 'schedule/past-end',
  scope: 'document',
  severity: 'warning',
  summary: 'A live project is not past its scheduled end date.',
  docs: docsFor('schedule/past-end'),
  kinds: ['Project'],
  check({ document, policy, today, report }) {
    const status = document.text(['status']);
    const end = document.date(['schedule', 'end']);
    if (!isLive(status, policy) || !end || end >= today) return;
    report(
      document.valueRange(['schedule', 'end']),
      `This project is still ${status} but was scheduled to end on ${end} (today is ${today}). Close it (status: closed) or re-plan the end date with the sponsor's agreement.`,
    );
  },
};
