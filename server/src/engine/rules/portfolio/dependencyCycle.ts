import { docsFor } from '../../utils/docs';
import type { RelatedLocation } from '../../types';
import type { PortfolioQuery } from '../../workspace/indexTypes';
import { portfolioRule } from '../ruleTypes';

export const dependencyCycle = portfolioRule({
  id: 'portfolio/dependency-cycle',
  scope: 'portfolio',
  severity: 'error',
  summary: 'Project dependencies do not loop back to where they started.',
  docs: docsFor('portfolio/dependency-cycle'),
  kinds: ['Project'],
  messages: {
    dependsOnItself: '{{project}} depends on itself. Remove this dependency.',
    cycle: 'Dependency cycle: {{chain}}. A project cannot wait, even indirectly, for itself: remove one of these dependencies.',
  },
  check({ target, portfolio, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Project' || !facts.id) return;
    const self = facts.id.value;
    for (const dependency of facts.dependencies) {
      const first = dependency.project.value;
      if (first === self) {
        report(dependency.project.range, { messageId: 'dependsOnItself', data: { project: self } });
        continue;
      }
      // Breadth-first from the dependency back to this project, over dependency ids only (so that an
      // edit elsewhere in an upstream charter does not make every project downstream re-check).
      const cameFrom = new Map<string, string>([[first, '']]);
      const queue = [first];
      let last: string | undefined;
      for (let head = 0; head < queue.length && last === undefined; head++) {
        const current = queue[head];
        for (const next of portfolio.dependencyIds(current)) {
          if (next === self) {
            last = current;
            break;
          }
          if (cameFrom.has(next)) continue;
          cameFrom.set(next, current);
          queue.push(next);
        }
      }
      if (last === undefined) continue;
      const path: string[] = [];
      for (let at = last; at; at = cameFrom.get(at)!) path.unshift(at);
      const chain = [self, ...path, self];
      report(dependency.project.range, { messageId: 'cycle', data: { chain: chain.join(' -> ') } }, {
        related: path.flatMap((from, i) => linkLocations(portfolio, from, chain[i + 2])),
      });
    }
  },
});

/** Where `from` names `to` among its dependencies (every project with that id). */
function linkLocations(portfolio: PortfolioQuery, from: string, to: string): RelatedLocation[] {
  return portfolio.projects(from).flatMap((p) =>
    p.dependencies.filter((d) => d.value === to).map((d) => ({ uri: p.ref.uri, range: d.range, message: `${from} depends on ${to}` })),
  );
}
