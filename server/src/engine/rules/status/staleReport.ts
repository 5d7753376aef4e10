import { daysBetween } from '../../utils/dates';
import { docsFor } from '../../utils/docs';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const staleReport = documentRule({
  id: 'status/stale-report',
  scope: 'document',
  severity: 'warning',
  summary: "The status report of a live project is no older than the policy's reporting cadence.",
  docs: docsFor('status/stale-report'),
  kinds: ['Project'],
  messages: {
    stale: 'The status report is {{age}} days old (as of {{asOf}}, today is {{today}}); the policy asks for one at least every {{cadence}} days. Write a new status report.',
  },
  options: ruleOptions('liveStatuses', 'reportingCadenceDays'),
  check({ document, policy, today, report }) {
    const status = document.text(['status']);
    const asOf = document.date(['statusReport', 'asOf']);
    if (!isLive(status, policy) || !asOf) return;
    const age = daysBetween(asOf, today);
    if (age <= policy.reportingCadenceDays) return;
    report(document.valueRange(['statusReport', 'asOf']), { messageId: 'stale', data: { age, asOf, today, cadence: policy.reportingCadenceDays } });
  },
});
