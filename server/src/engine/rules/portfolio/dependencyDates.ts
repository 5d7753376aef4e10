import { docsFor } from '../../utils/docs';
import type { PortfolioRule } from '../ruleTypes';

const FINISHED = new Set(['closed', 'cancelled']);

export const dependencyDates: PortfolioRule = {
  id: 'portfolio/dependency-dates',
  scope: 'portfolio',
  severity: 'warning',
  summary: "A dependency is not needed before the upstream project's scheduled end.",
  docs: docsFor('portfolio/dependency-dates'),
  kinds: ['Project'],
  check({ target, portfolio, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Project' || FINISHED.has(facts.status?.value ?? '')) return;
    for (const dependency of facts.dependencies) {
      const neededBy = dependency.neededBy;
      if (!neededBy) continue;
      const late = portfolio
        .projects(dependency.project.value)
        .find((upstream) => upstream.end && !FINISHED.has(upstream.status?.value ?? '') && neededBy.value < upstream.end.value);
      if (!late?.end) continue;
      report(
        neededBy.range,
        `Needed by ${neededBy.value}, but ${late.id.value} is scheduled to end on ${late.end.value}. Agree a later date with this project, or ask ${late.id.value} to deliver earlier.`,
        { related: [{ uri: late.ref.uri, range: late.end.range, message: `${late.id.value} ends on ${late.end.value}` }] },
      );
    }
  },
};
