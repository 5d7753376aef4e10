import { transitionAllowed } from '../../change/tolerance';
import { docsFor } from '../../utils/docs';
import type { ChangeRule } from '../ruleTypes';

/** A project's lifecycle moves only along the policy's allowed transitions: a closed project is not quietly reopened. */
export const statusTransition: ChangeRule = {
  id: 'change/status-transition',
  scope: 'change',
  severity: 'error',
  summary: "A status change against the base is one of the policy's allowed transitions.",
  docs: docsFor('change/status-transition'),
  kinds: ['Project'],
  check({ document, base, baseRef, policy, report, atBase }) {
    const from = base.text(['status']);
    const to = document.text(['status']);
    if (!from || !to || from === to || transitionAllowed(from, to, policy)) return;
    const allowed = policy.allowedTransitions[from] ?? [];
    const options = allowed.length > 0 ? `from ${from} the policy allows ${allowed.join(', ')}` : `the policy allows no move from ${from}`;
    report(document.valueRange(['status']), `Status moved ${from} -> ${to}, which the policy does not allow (${options}). Set a status the policy allows; if this move is right for every project, the PMO adds it to policy.allowedTransitions.`, {
      related: [atBase(['status'], `On ${baseRef}: ${from}`)],
    });
  },
};
