import { docsFor } from '../../utils/docs';
import type { RelatedLocation } from '../../types';
import type { PortfolioRule } from '../ruleTypes';

interface Hop {
  from: string;
  to: string;
  location: { uri: string; range: RelatedLocation['range'] };
}

export const dependencyCycle: PortfolioRule = {
  id: 'portfolio/dependency-cycle',
  scope: 'portfolio',
  severity: 'error',
  summary: 'Project dependencies do not loop back to where they started.',
  docs: docsFor('portfolio/dependency-cycle'),
  kinds: ['Project'],
  check({ target, portfolio, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Project' || !facts.id) return;
    const self = facts.id.value;
    for (const dependency of facts.dependencies) {
      const first = dependency.project.value;
      if (first === self) {
        report(dependency.project.range, `${self} depends on itself. Remove this dependency.`);
        continue;
      }
      // Breadth-first from the dependency back to this project: the shortest loop, if there is one.
      const cameFrom = new Map<string, Hop>();
      const queue = [first];
      const seen = new Set([first]);
      let closing: Hop | undefined;
      while (queue.length > 0 && !closing) {
        const current = queue.shift()!;
        for (const upstream of portfolio.projects(current)) {
          for (const next of upstream.dependencies) {
            const hop = { from: current, to: next.value, location: { uri: upstream.ref.uri, range: next.range } };
            if (next.value === self) {
              closing = hop;
              break;
            }
            if (seen.has(next.value)) continue;
            seen.add(next.value);
            cameFrom.set(next.value, hop);
            queue.push(next.value);
          }
          if (closing) break;
        }
      }
      if (!closing) continue;
      const hops: Hop[] = [closing];
      for (let at = closing.from; cameFrom.has(at); at = cameFrom.get(at)!.from) hops.unshift(cameFrom.get(at)!);
      const chain = [self, first, ...hops.map((h) => h.to)];
      report(dependency.project.range, `Dependency cycle: ${chain.join(' -> ')}. A project cannot wait, even indirectly, for itself: remove one of these dependencies.`, {
        related: hops.map((h) => ({ uri: h.location.uri, range: h.location.range, message: `${h.from} depends on ${h.to}` })),
      });
    }
  },
};
