import { docsFor } from '../../utils/docs';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

/**
 * Gate decisions are a history: dated in order, and the approved phases move forward through the
 * policy's phases. A phase the policy does not list is status/phase-in-policy's business, not this rule's.
 */
export const phaseLogOrder = documentRule({
  id: 'schedule/phase-log-order',
  scope: 'document',
  severity: 'warning',
  summary: "The phase log is in date order, and approved gates follow the policy's order of phases.",
  docs: docsFor('schedule/phase-log-order'),
  kinds: ['Project'],
  messages: {
    dateOrder: 'This gate decision ({{date}}) is dated before the one above it ({{previous}}). Keep the phase log in the order the decisions were taken.',
    phaseOrder: "Phase \"{{phase}}\" is approved after \"{{later}}\", which comes later in the policy's phases ({{phases}}). Put the gate decisions in order, or record the step back as a rejected or deferred decision.",
  },
  options: ruleOptions('phases'),
  check({ document, policy, report }) {
    let lastDate: string | undefined;
    let lastApproved: { phase: string; rank: number } | undefined;
    for (const { path, value } of document.records(['phaseLog'])) {
      const date = document.date([...path, 'date']);
      if (date && lastDate && date < lastDate) {
        report(document.valueRange([...path, 'date']), { messageId: 'dateOrder', data: { date, previous: lastDate } });
      }
      if (date) lastDate = date;
      const phase = typeof value.phase === 'string' ? value.phase : undefined;
      const rank = phase ? policy.phases.indexOf(phase) : -1;
      if (phase === undefined || rank < 0 || value.decision !== 'approved') continue;
      if (lastApproved && rank < lastApproved.rank) {
        report(document.valueRange([...path, 'phase']), { messageId: 'phaseOrder', data: { phase, later: lastApproved.phase, phases: policy.phases.join(', ') } });
      }
      if (!lastApproved || rank >= lastApproved.rank) lastApproved = { phase, rank };
    }
  },
});
