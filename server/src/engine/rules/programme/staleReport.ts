import { daysBetween } from '../../utils/dates';
import { docsFor } from '../../utils/docs';
import { isFinished } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const programmeStaleReport = documentRule({
  id: 'programme/stale-report',
  scope: 'document',
  severity: 'warning',
  summary: "A programme's status report is no older than the policy's reporting cadence.",
  docs: docsFor('programme/stale-report'),
  kinds: ['Programme'],
  messages: {
    stale: "The programme's status report is {{age}} days old (as of {{asOf}}, today is {{today}}); the policy asks for one at least every {{cadence}} days. Write a new status report.",
  },
  options: ruleOptions('reportingCadenceDays'),
  check({ document, policy, today, report }) {
    const asOf = document.date(['statusReport', 'asOf']);
    if (isFinished(document.text(['status'])) || !asOf) return;
    const age = daysBetween(asOf, today);
    if (age <= policy.reportingCadenceDays) return;
    report(document.valueRange(['statusReport', 'asOf']), { messageId: 'stale', data: { age, asOf, today, cadence: policy.reportingCadenceDays } });
  },
});
