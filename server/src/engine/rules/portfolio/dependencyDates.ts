import { docsFor } from '../../utils/docs';
import { didYouMean } from '../../utils/suggest';
import { isFinished } from '../lifecycle';
import { portfolioRule } from '../ruleTypes';

/**
 * What a project needs from another is delivered at the upstream's scheduled end or, when the dependency
 * names one of its milestones, at that milestone's date; it must not be needed earlier.
 */
export const dependencyDates = portfolioRule({
  id: 'portfolio/dependency-dates',
  scope: 'portfolio',
  severity: 'warning',
  summary: "A dependency is not needed before the upstream project's scheduled end, or the date of the upstream milestone it names.",
  docs: docsFor('portfolio/dependency-dates'),
  kinds: ['Project'],
  messages: {
    noMilestone: '{{upstream}} has no milestone "{{milestone}}". Name one of its milestones, or leave milestone out to depend on the whole project.',
    noMilestoneDidYouMean: '{{upstream}} has no milestone "{{milestone}}". Did you mean "{{suggestion}}"? Name one of its milestones, or leave milestone out to depend on the whole project.',
    beforeMilestone: "Needed by {{neededBy}}, but {{upstream}}'s milestone {{milestone}} is due on {{due}}. Agree a later date with this project, or ask {{upstream}} to reach the milestone earlier.",
    beforeEnd: 'Needed by {{neededBy}}, but {{upstream}} is scheduled to end on {{end}}. Agree a later date with this project, or ask {{upstream}} to deliver earlier.',
  },
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
            const named = { upstream: upstream.id.value, milestone: wanted.value };
            report(wanted.range, suggestion ? { messageId: 'noMilestoneDidYouMean', data: { ...named, suggestion } } : { messageId: 'noMilestone', data: named });
            continue;
          }
          if (!neededBy || !milestone.date || neededBy.value >= milestone.date.value) continue;
          report(
            neededBy.range,
            { messageId: 'beforeMilestone', data: { neededBy: neededBy.value, upstream: upstream.id.value, milestone: wanted.value, due: milestone.date.value } },
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
        { messageId: 'beforeEnd', data: { neededBy: neededBy.value, upstream: late.id.value, end: late.end.value } },
        { related: [{ uri: late.ref.uri, range: late.end.range, message: `${late.id.value} ends on ${late.end.value}` }] },
      );
    }
  },
});
