import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

/** From approval on, a project has a recorded decision to stand on. */
export const STATUSES_NEEDING_APPROVAL: readonly string[] = ['approved', 'active', 'on-hold', 'closed'];

export const requiredForStatus = documentRule({
  id: 'approvals/required-for-status',
  scope: 'document',
  severity: 'error',
  summary: 'An approved, active, on-hold or closed project has at least one approval with decision approved.',
  docs: docsFor('approvals/required-for-status'),
  kinds: ['Project'],
  messages: {
    noApprovals: "{{article}} {{status}} project needs a recorded approval. Add the sponsor's decision to approvals (role, person, decision: approved, date).",
    noneApproved: '{{article}} {{status}} project needs a recorded approval, and none of its approvals says decision: approved. Record the decision once it is taken, or change the status.',
  },
  check({ document, report }) {
    const status = document.text(['status']);
    if (!status || !STATUSES_NEEDING_APPROVAL.includes(status)) return;
    const approvals = document.records(['approvals']);
    if (approvals.some((a) => a.value.decision === 'approved')) return;
    const article = /^[aeiou]/.test(status) ? 'An' : 'A';
    report(document.valueRange(['status']), { messageId: approvals.length === 0 ? 'noApprovals' : 'noneApproved', data: { article, status } });
  },
});
