import { docsFor } from '../../utils/docs';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

/** The status and the phase tell one story: a closed project is in the last phase, a proposal in the first. */
export const phaseConsistency = documentRule({
  id: 'status/phase-consistency',
  scope: 'document',
  severity: 'warning',
  summary: "A closed project is in the policy's last phase, and a proposed one in its first.",
  docs: docsFor('status/phase-consistency'),
  kinds: ['Project'],
  messages: {
    closedNotLast: 'A closed project is in the last phase, "{{expected}}", but this one says "{{phase}}". Set phase: {{expected}}, or correct the status.',
    proposedNotFirst: 'A proposed project is in the first phase, "{{expected}}", but this one says "{{phase}}". Set phase: {{expected}}, or correct the status if it has been approved.',
  },
  options: ruleOptions('phases'),
  check({ document, policy, report }) {
    const status = document.text(['status']);
    const phase = document.text(['phase']);
    const phases = policy.phases;
    if (!phase || phases.length === 0 || !phases.includes(phase)) return; // an unknown phase: status/phase-in-policy
    const expected = status === 'closed' ? phases[phases.length - 1] : status === 'proposed' ? phases[0] : undefined;
    if (!expected || phase === expected) return;
    report(document.valueRange(['phase']), { messageId: status === 'closed' ? 'closedNotLast' : 'proposedNotFirst', data: { expected, phase } });
  },
});
