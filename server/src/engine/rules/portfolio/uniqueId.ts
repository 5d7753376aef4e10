import { docsFor } from '../../utils/docs';
import type { Located } from '../../workspace/indexTypes';
import type { DocRef } from '../../workspace/indexTypes';
import { portfolioRule, type PortfolioRuleContext } from '../ruleTypes';

export const uniqueId = portfolioRule({
  id: 'portfolio/unique-id',
  scope: 'portfolio',
  severity: 'error',
  summary: 'Every project, programme and person id is used once across the portfolio.',
  docs: docsFor('portfolio/unique-id'),
  kinds: ['Project', 'Programme', 'People'],
  messages: {
    duplicate: 'The {{what}} "{{id}}" is also used in {{where}}. Ids must be unique across the portfolio: rename one of them.',
  },
  check(context) {
    const { target, portfolio } = context;
    const facts = target.facts;
    if (facts.kind === 'Project' && facts.id) {
      reportDuplicates(context, 'project id', facts.id, portfolio.projects(facts.id.value));
    } else if (facts.kind === 'Programme' && facts.id) {
      reportDuplicates(context, 'programme id', facts.id, portfolio.programmes(facts.id.value));
    } else if (facts.kind === 'People') {
      for (const person of facts.people) reportDuplicates(context, 'person id', person.id, portfolio.people(person.id.value));
    }
  },
});

function reportDuplicates(context: PortfolioRuleContext<'duplicate'>, what: string, id: Located<string>, holders: Array<{ ref: DocRef; id: Located<string> }>): void {
  const self = context.target.ref;
  const others = holders.filter((h) => !(h.ref.key === self.key && sameRange(h.id, id)));
  if (others.length === 0) return;
  const where = [...new Set(others.map((o) => (o.ref.uri === self.uri ? 'this file' : o.ref.relativePath)))];
  context.report(id.range, { messageId: 'duplicate', data: { what, id: id.value, where: where.join(', ') } }, {
    related: others.map((o) => ({ uri: o.ref.uri, range: o.id.range, message: `"${id.value}" is also defined here` })),
  });
}

function sameRange(a: Located<string>, b: Located<string>): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}
