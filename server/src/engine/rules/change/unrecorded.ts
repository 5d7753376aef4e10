import { exceededTolerance, touchesDoneMilestone, transitionAllowed } from '../../change/tolerance';
import { docsFor } from '../../utils/docs';
import { ruleOptions } from '../policyOptions';
import { changeRule } from '../ruleTypes';

/**
 * A governance-significant change (approved budget, contingency, start or end, a milestone date, scope,
 * status) needs a record in `changes` of its kind, new on the branch. Changes beyond tolerance, status
 * moves the policy forbids and edits of done milestones are left to their own rules, so each change is
 * reported once.
 */
export const unrecorded = changeRule({
  id: 'change/unrecorded',
  scope: 'change',
  severity: 'warning',
  summary: 'A change to budget, schedule, milestones, scope or status against the base has a record of its kind in changes.',
  docs: docsFor('change/unrecorded'),
  kinds: ['Project'],
  messages: {
    noChanges: '{{change}} with no entry in changes. Record the change and who decided it.',
    noRecordOfKind: '{{change}} with no new entry of kind {{kind}} in changes. Record the change and who decided it.',
  },
  options: ruleOptions('allowedTransitions', 'changeControl'),
  check({ document, base, baseRef, deltas, log, policy, report, atBase }) {
    for (const delta of deltas) {
      if (!delta.governed || exceededTolerance(delta, document, policy) || touchesDoneMilestone(delta, base)) continue;
      if (delta.field === 'status' && !transitionAllowed(delta.before!, delta.after!, policy)) continue;
      const covered = log.covering(delta.kind).length > 0 || (delta.kind === 'milestone' && log.covering('schedule').length > 0);
      if (covered) continue;
      const related = delta.basePath ? [atBase(delta.basePath, `On ${baseRef}: ${delta.before ?? 'set'}`)] : undefined;
      report(document.valueRange(delta.headPath), { messageId: log.fresh.length === 0 ? 'noChanges' : 'noRecordOfKind', data: { change: capitalise(delta.text), kind: delta.kind } }, { related });
    }
  },
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
