import { transitionAllowed } from '../../change/tolerance';
import { docsFor } from '../../utils/docs';
import { ruleOptions } from '../policyOptions';
import { changeRule } from '../ruleTypes';

/** A project's lifecycle moves only along the policy's allowed transitions: a closed project is not quietly reopened. */
export const statusTransition = changeRule({
  id: 'change/status-transition',
  scope: 'change',
  severity: 'error',
  summary: "A status change against the base is one of the policy's allowed transitions.",
  docs: docsFor('change/status-transition'),
  kinds: ['Project'],
  messages: {
    notAllowed: 'Status moved {{from}} -> {{to}}, which the policy does not allow (from {{from}} the policy allows {{allowed}}). Set a status the policy allows; if this move is right for every project, the PMO adds it to policy.allowedTransitions.',
    noMoveAllowed: 'Status moved {{from}} -> {{to}}, which the policy does not allow (the policy allows no move from {{from}}). Set a status the policy allows; if this move is right for every project, the PMO adds it to policy.allowedTransitions.',
  },
  options: ruleOptions('allowedTransitions'),
  check({ document, base, baseRef, policy, report, atBase }) {
    const from = base.text(['status']);
    const to = document.text(['status']);
    if (!from || !to || from === to || transitionAllowed(from, to, policy)) return;
    const allowed = policy.allowedTransitions[from] ?? [];
    report(document.valueRange(['status']), { messageId: allowed.length > 0 ? 'notAllowed' : 'noMoveAllowed', data: { from, to, allowed: allowed.join(', ') } }, {
      related: [atBase(['status'], `On ${baseRef}: ${from}`)],
    });
  },
});
