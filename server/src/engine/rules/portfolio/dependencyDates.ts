import { docsFor } from '../../utils/docs';
import { didYouMean } from '../../utils/suggest';
import { isFinished } from '../lifecycle';
import type { PortfolioRule } from '../ruleTypes';

/**
 * What a project needs from another is delivered at the upstream's scheduled end or, when the dependency
 * names one of its milestones, at that milestone's date; it must not be needed earlier.
 */
export const dependencyDates: PortfolioRule = {
  id: 'portfolio/dependency-dates',
  scope: 'portfolio',
  severity: 'warning',
  summary: "A dependency is not needed before the upstream project's scheduled end, or the date of the upstream milestone it names.",
  docs: docsFor('portfolio/dependency-dates'),
  kinds: ['Project'],
  check({ target, portfolio, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Project' || isFinished(facts.status?.value)) return;
    for (const dependency of facts.dependencies) {
      const neededBy = dependency.neededBy;
      const upstreams = portfolio.projects(dependency.project.value).filter((u) => !isFinished(u.status?.value));
      const wanted = dependency.milestone;
      if (wanted) {
        for (const upstream of upstreams) {
          const milestone = upstream.milestones.find((m) => m.id === wanted.value);
          if (!milestone) {
            const suggestion = didYouMean(wanted.value, upstream.milestones.map((m) => m.id));
            report(wanted.range, `${upstream.id.value} has no milestone "${wanted.value}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Name one of its milestones, or leave milestone out to depend on the whole project.`);
            continue;
          }
          if (!neededBy || !milestone.date || neededBy.value >= milestone.date.value) continue;
          report(
            neededBy.range,
            `Needed by ${neededBy.value}, but ${upstream.id.value}'s milestone ${wanted.value} is due on ${milestone.date.value}. Agree a later date with this project, or ask ${upstream.id.value} to reach the milestone earlier.`,
            { related: [{ uri: upstream.ref.uri, range: milestone.date.range, message: `${upstream.id.value}: ${wanted.value} on ${milestone.date.value}` }] },
          );
        }
        continue;
      }
      if (!neededBy) continue;
      const late = upstreams.find((upstream) => upstream.end && neededBy.value < upstream.end.value);
      if (!late?.end) continue;
      report(
        neededBy.range,
        `Needed by ${neededBy.value}, but ${late.id.value} is scheduled to end on ${late.end.value}. Agree a later date with this project, or ask ${late.id.value} to deliver earlier.`,
        { related: [{ uri: late.ref.uri, range: late.end.range, message: `${late.id.value} ends on ${late.end.value}` }] },
      );
    }
  },
};
