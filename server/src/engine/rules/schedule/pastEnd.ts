import { docsFor } from '../../utils/docs';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const pastEnd = documentRule({
  id: 'schedule/past-end',
  scope: 'document',
  severity: 'warning',
  summary: 'A live project is not past its scheduled end date.',
  docs: docsFor('schedule/past-end'),
  kinds: ['Project'],
  messages: {
    pastEnd: "This project is still {{status}} but was scheduled to end on {{end}} (today is {{today}}). Close it (status: closed) or re-plan the end date with the sponsor's agreement.",
  },
  options: ruleOptions('liveStatuses'),
  check({ document, policy, today, report }) {
    const status = document.text(['status']);
    const end = document.date(['schedule', 'end']);
    if (!isLive(status, policy) || !end || end >= today) return;
    report(document.valueRange(['schedule', 'end']), { messageId: 'pastEnd', data: { status: status!, end, today } });
  },
});
