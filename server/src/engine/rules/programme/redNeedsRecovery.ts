import { docsFor } from '../../utils/docs';
import { appendPair } from '../edits';
import { isFinished } from '../lifecycle';
import { RECOVERY_PLAN_PLACEHOLDER } from '../status/redNeedsRecovery';
import { documentRule } from '../ruleTypes';

export const programmeRedNeedsRecovery = documentRule({
  id: 'programme/red-needs-recovery',
  scope: 'document',
  severity: 'error',
  summary: "A programme's red status report has a recovery plan.",
  docs: docsFor('programme/red-needs-recovery'),
  kinds: ['Programme'],
  messages: {
    noRecoveryPlan: 'The programme is red but has no recovery plan. Add statusReport.recoveryPlan: what the programme will do to get back on track, by when, and who decides.',
  },
  check({ document, report }) {
    if (isFinished(document.text(['status']))) return;
    if (document.get(['statusReport', 'rag']) !== 'red' || document.text(['statusReport', 'recoveryPlan'])) return;
    const edit = document.has(['statusReport', 'recoveryPlan']) ? undefined : appendPair(document, ['statusReport'], 'recoveryPlan', RECOVERY_PLAN_PLACEHOLDER);
    report(
      document.valueRange(['statusReport', 'rag']),
      { messageId: 'noRecoveryPlan' },
      { fixes: edit ? [{ title: 'Add a recovery plan (a placeholder to fill in)', safe: false, edits: { [document.uri]: [edit] } }] : undefined },
    );
  },
});
