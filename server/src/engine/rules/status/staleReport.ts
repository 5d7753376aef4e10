import { daysBetween } from '../../utils/dates';
import { docsFor } from '../../utils/docs';
import type { DocumentRule } from '../ruleTypes';

/** Projects that are expected to report: work is going on, or paused by a decision. */
const REPORTING_STATUSES = new Set(['active', 'on-hold']);

export const staleReport: DocumentRule = {
  id: 'status/stale-report',
  scope: 'document',
  severity: 'warning',
  summary: "The status report of an active or on-hold project is no older than the policy's reporting cadence.",
  docs: docsFor('status/stale-report'),
  kinds: ['Project'],
  check({ document, policy, today, report }) {
    const status = document.text(['status']);
    const asOf = document.date(['statusReport', 'asOf']);
    if (!status || !REPORTING_STATUSES.has(status) || !asOf) return;
    const age = daysBetween(asOf, today);
    if (age <= policy.reportingCadenceDays) return;
    report(
      document.valueRange(['statusReport', 'asOf']),
      `The status report is ${age} days old (as of ${asOf}, today is ${today}); the policy asks for one at least every ${policy.reportingCadenceDays} days. Write a new status report.`,
    );
  },
};
