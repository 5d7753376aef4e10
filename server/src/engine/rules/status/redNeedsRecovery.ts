import { docsFor } from '../../utils/docs';
import { appendPair } from '../edits';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

/** What the fix writes: a placeholder text/no-placeholders keeps flagging until someone writes the plan. */
export const RECOVERY_PLAN_PLACEHOLDER = '"<How the project gets back on track, by when, and who decides>"';

export const redNeedsRecovery = documentRule({
  id: 'status/red-needs-recovery',
  scope: 'document',
  severity: 'error',
  summary: 'A red status report of a live project has a recovery plan.',
  docs: docsFor('status/red-needs-recovery'),
  kinds: ['Project'],
  messages: {
    noRecoveryPlan: 'The status is red but there is no recovery plan. Add statusReport.recoveryPlan: what will be done to get back on track, by when, and who decides.',
  },
  options: ruleOptions('liveStatuses'),
  check({ document, policy, report }) {
    if (!isLive(document.text(['status']), policy)) return;
    if (document.get(['statusReport', 'rag']) !== 'red' || document.text(['statusReport', 'recoveryPlan'])) return;
    const edit = document.has(['statusReport', 'recoveryPlan']) ? undefined : appendPair(document, ['statusReport'], 'recoveryPlan', RECOVERY_PLAN_PLACEHOLDER);
    report(
      document.valueRange(['statusReport', 'rag']),
      { messageId: 'noRecoveryPlan' },
      { fixes: edit ? [{ title: 'Add a recovery plan (a placeholder to fill in)', safe: false, edits: { [document.uri]: [edit] } }] : undefined },
    );
  },
});
