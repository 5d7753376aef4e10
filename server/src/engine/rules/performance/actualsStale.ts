import { daysBetween } from '../../utils/dates';
import { docsFor } from '../../utils/docs';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const actualsStale = documentRule({
  id: 'performance/actuals-stale',
  scope: 'document',
  severity: 'warning',
  summary: "A live project's actual cost to date is dated, and no older than the policy's reporting cadence.",
  docs: docsFor('performance/actuals-stale'),
  kinds: ['Project'],
  messages: {
    undated: 'The actual cost to date has no date, so nobody can tell how current it is. Add budget.actualAsOf: the day finance took the figure.',
    stale: 'The actuals are {{age}} days old (as of {{asOf}}, today is {{today}}); the policy asks for figures at least every {{cadence}} days. Update budget.actualToDate and budget.actualAsOf from finance.',
  },
  options: ruleOptions('liveStatuses', 'reportingCadenceDays'),
  check({ document, policy, today, report }) {
    if (!isLive(document.text(['status']), policy) || !document.has(['budget', 'actualToDate'])) return;
    const asOf = document.date(['budget', 'actualAsOf']);
    if (!asOf) {
      if (document.has(['budget', 'actualAsOf'])) return; // a malformed date is the schema's finding
      report(document.keyRange(['budget', 'actualToDate']), { messageId: 'undated' });
      return;
    }
    const age = daysBetween(asOf, today);
    if (age <= policy.reportingCadenceDays) return;
    report(document.valueRange(['budget', 'actualAsOf']), { messageId: 'stale', data: { age, asOf, today, cadence: policy.reportingCadenceDays } });
  },
});
