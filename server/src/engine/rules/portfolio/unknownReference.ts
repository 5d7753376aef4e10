import { docsFor } from '../../utils/docs';
import { isClearNearest, suggestionsFor } from '../../utils/suggest';
import type { IdNamespace, Located } from '../../workspace/indexTypes';
import { replaceFix } from '../reporting';
import { portfolioRule, type PortfolioRuleContext } from '../ruleTypes';

/**
 * References are checked only once the workspace holds a document of the kind they point to: a
 * portfolio without people.yaml gets no unknown-person findings.
 */
export const unknownReference = portfolioRule({
  id: 'portfolio/unknown-reference',
  scope: 'portfolio',
  severity: 'error',
  summary: 'Every programme, person, project and strategic objective a document names exists in the workspace.',
  docs: docsFor('portfolio/unknown-reference'),
  kinds: ['Project', 'Programme'],
  messages: {
    person: "\"{{id}}\" is not a person in the workspace's People document. Check the spelling, or add it.",
    personDidYouMean: "\"{{id}}\" is not a person in the workspace's People document. Did you mean \"{{suggestion}}\"?",
    programme: 'No programme has the id "{{id}}". Check the spelling, or add it.',
    programmeDidYouMean: 'No programme has the id "{{id}}". Did you mean "{{suggestion}}"?',
    project: 'No project has the id "{{id}}". Check the spelling, or add it.',
    projectDidYouMean: 'No project has the id "{{id}}". Did you mean "{{suggestion}}"?',
    objective: 'The portfolio has no strategic objective "{{id}}". Check the spelling, or add it.',
    objectiveDidYouMean: 'The portfolio has no strategic objective "{{id}}". Did you mean "{{suggestion}}"?',
  },
  check(context) {
    const { target, portfolio } = context;
    const facts = target.facts;
    if (facts.kind !== 'Project' && facts.kind !== 'Programme') return;
    if (portfolio.hasKind('People')) {
      for (const ref of facts.personRefs) {
        if (portfolio.people(ref.value).length === 0) unknown(context, ref, 'People', 'person');
      }
    }
    if (facts.kind !== 'Project') return;
    if (facts.programme && portfolio.hasKind('Programme') && portfolio.programmes(facts.programme.value).length === 0) {
      unknown(context, facts.programme, 'Programme', 'programme');
    }
    for (const dependency of facts.dependencies) {
      if (portfolio.projects(dependency.project.value).length === 0) {
        unknown(context, dependency.project, 'Project', 'project');
      }
    }
    if (portfolio.hasKind('Portfolio')) {
      for (const ref of facts.objectiveRefs) {
        if (portfolio.strategicObjectives(ref.value).length === 0) unknown(context, ref, 'objective', 'objective');
      }
    }
  },
});

type Unknown = 'person' | 'programme' | 'project' | 'objective';
const WITH_SUGGESTION = { person: 'personDidYouMean', programme: 'programmeDidYouMean', project: 'projectDidYouMean', objective: 'objectiveDidYouMean' } as const;

function unknown(context: PortfolioRuleContext<Unknown | `${Unknown}DidYouMean`>, ref: Located<string>, namespace: IdNamespace, what: Unknown): void {
  const candidates = context.portfolio.ids(namespace);
  const spelling = suggestionsFor(ref.value, candidates);
  const suggestion = spelling[0] ?? closestByWords(ref.value, candidates);
  // A clear spelling slip is safe to fix; an id that only shares words with this one is a guess.
  const safe = spelling.length > 0 && isClearNearest(ref.value, spelling);
  context.report(ref.range, suggestion ? { messageId: WITH_SUGGESTION[what], data: { id: ref.value, suggestion } } : { messageId: what, data: { id: ref.value } }, {
    fixes: suggestion ? [replaceFix(`Change to "${suggestion}"`, context.target.ref.uri, ref.range, suggestion, safe)] : undefined,
  });
}

/**
 * For ids too far apart for a spelling suggestion (`ops-datacentre-exit` for `ops-dc-exit`): the one id
 * that shares at least half of the words, counting both ids' words.
 */
export function closestByWords(input: string, candidates: readonly string[]): string | undefined {
  const words = (id: string) => new Set(id.toLowerCase().split(/[-._]+/).filter(Boolean));
  const wanted = words(input);
  let best: { id: string; score: number } | undefined;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const theirs = words(candidate);
    const shared = [...wanted].filter((w) => theirs.has(w)).length;
    const score = shared / new Set([...wanted, ...theirs]).size;
    if (score < 0.5) continue;
    if (!best || score > best.score) {
      best = { id: candidate, score };
      tie = false;
    } else if (score === best.score) {
      tie = true;
    }
  }
  return best && !tie ? best.id : undefined;
}
