import { addDays } from '../../utils/dates';
import { docsFor } from '../../utils/docs';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

/**
 * A live project reports: its first status report is due one reporting cadence after its start. An
 * active project that never reported is the silence a PMO most needs to hear about.
 */
export const missingReport = documentRule({
  id: 'status/missing-report',
  scope: 'document',
  severity: 'warning',
  summary: 'A live project has a status report once it has run for one reporting cadence.',
  docs: docsFor('status/missing-report'),
  kinds: ['Project'],
  messages: {
    missing: 'This project is {{status}} and started on {{start}}, but has no status report; the first was due by {{due}} (the policy asks for one every {{cadence}} days). Add a statusReport with asOf, rag and commentary.',
  },
  options: ruleOptions('liveStatuses', 'reportingCadenceDays'),
  check({ document, policy, today, report }) {
    const status = document.text(['status']);
    const start = document.date(['schedule', 'start']);
    if (!isLive(status, policy) || !start || document.has(['statusReport'])) return;
    const due = addDays(start, policy.reportingCadenceDays);
    if (today <= due) return;
    report(document.valueRange(['status']), { messageId: 'missing', data: { status: status!, start, due, cadence: policy.reportingCadenceDays } });
  },
});
