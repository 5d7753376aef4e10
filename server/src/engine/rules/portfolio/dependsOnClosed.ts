import { docsFor } from '../../utils/docs';
import { isFinished } from '../lifecycle';
import { portfolioRule } from '../ruleTypes';

export const dependsOnClosed = portfolioRule({
  id: 'portfolio/depends-on-closed',
  scope: 'portfolio',
  severity: 'warning',
  summary: 'A live project does not depend on a closed or cancelled one.',
  docs: docsFor('portfolio/depends-on-closed'),
  kinds: ['Project'],
  messages: {
    cancelled: '{{upstream}} was cancelled, so it will not deliver what this project needs. Find another source for it and remove this dependency, or re-plan.',
    closed: '{{upstream}} is closed: what it delivered is already there. Remove this dependency, or point it at the project that carries the work on.',
  },
  check({ target, portfolio, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Project' || isFinished(facts.status?.value)) return;
    for (const dependency of facts.dependencies) {
      const upstream = portfolio.projects(dependency.project.value).find((p) => isFinished(p.status?.value));
      if (!upstream?.status) continue;
      const id = upstream.id.value;
      const message = { messageId: upstream.status.value === 'cancelled' ? 'cancelled' : 'closed', data: { upstream: id } } as const;
      report(dependency.project.range, message, { related: [{ uri: upstream.ref.uri, range: upstream.status.range, message: `${id} is ${upstream.status.value}` }] });
    }
  },
});
