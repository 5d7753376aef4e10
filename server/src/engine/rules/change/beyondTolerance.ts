import { exceededTolerance } from '../../change/tolerance';
import { docsFor } from '../../utils/docs';
import { ruleOptions } from '../policyOptions';
import { changeRule } from '../ruleTypes';

/**
 * Management by exception: a budget or end-date change beyond the manager's tolerance is the sponsor's
 * decision (or a role the policy names), so it needs an approved change record by them.
 */
export const beyondTolerance = changeRule({
  id: 'change/beyond-tolerance',
  scope: 'change',
  severity: 'error',
  summary: 'A budget or end-date change beyond tolerance has a change record approved by the sponsor.',
  docs: docsFor('change/beyond-tolerance'),
  kinds: ['Project'],
  messages: {
    notApproved: '{{change}}, beyond the {{tolerance}} tolerance, and the change record of kind {{kind}} is not approved by {{who}}. Escalate: record the decision in changes with decision: approved and decidedBy.',
    noRecord: '{{change}}, beyond the {{tolerance}} tolerance, and no change record of kind {{kind}} is approved by {{who}}. Escalate: record the decision in changes with decision: approved and decidedBy.',
  },
  options: ruleOptions('changeControl'),
  check({ document, baseRef, deltas, log, policy, report, atBase }) {
    for (const delta of deltas) {
      const tolerance = exceededTolerance(delta, document, policy);
      if (!tolerance || log.approved(delta.kind)) continue;
      const who = log.approverText(document, policy);
      const related = delta.basePath ? [atBase(delta.basePath, `On ${baseRef}: ${delta.before}`)] : undefined;
      report(
        document.valueRange(delta.headPath),
        {
          messageId: log.covering(delta.kind).length > 0 ? 'notApproved' : 'noRecord',
          data: { change: `${delta.text.charAt(0).toUpperCase()}${delta.text.slice(1)}`, tolerance, kind: delta.kind, who },
        },
        { related },
      );
    }
  },
});
