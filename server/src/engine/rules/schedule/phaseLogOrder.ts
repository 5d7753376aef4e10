import { docsFor } from '../../utils/docs';
import type { DocumentRule } from '../ruleTypes';

/**
 * Gate decisions are a history: dated in order, and the approved phases move forward through the
 * policy's phases. A phase the policy does not list is status/phase-in-policy's business, not this rule's.
 */
export const phaseLogOrder: DocumentRule = {
  id: 'schedule/phase-log-order',
  scope: 'document',
  severity: 'warning',
  summary: "The phase log is in date order, and approved gates follow the policy's order of phases.",
  docs: docsFor('schedule/phase-log-order'),
  kinds: ['Project'],
  check({ document, policy, report }) {
    let lastDate: string | undefined;
    let lastApproved: { phase: string; rank: number } | undefined;
    for (const { path, value } of document.records(['phaseLog'])) {
      const date = document.date([...path, 'date']);
      if (date && lastDate && date < lastDate) {
        report(document.valueRange([...path, 'date']), `This gate decision (${date}) is dated before the one above it (${lastDate}). Keep the phase log in the order the decisions were taken.`);
      }
      if (date) lastDate = date;
      const phase = typeof value.phase === 'string' ? value.phase : undefined;
      const rank = phase ? policy.phases.indexOf(phase) : -1;
      if (phase === undefined || rank < 0 || value.decision !== 'approved') continue;
      if (lastApproved && rank < lastApproved.rank) {
        report(
          document.valueRange([...path, 'phase']),
          `Phase "${phase}" is approved after "${lastApproved.phase}", which comes later in the policy's phases (${policy.phases.join(', ')}). Put the gate decisions in order, or record the step back as a rejected or deferred decision.`,
        );
      }
      if (!lastApproved || rank >= lastApproved.rank) lastApproved = { phase, rank };
    }
  },
};
