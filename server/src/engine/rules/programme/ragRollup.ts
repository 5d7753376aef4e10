import { docsFor } from '../../utils/docs';
import type { MemberEntry } from '../../workspace/indexTypes';
import { isLive, isRag, isWorseRag, rolledUpRag } from '../lifecycle';
import type { Policy } from '../policy';
import { ruleOptions } from '../policyOptions';
import { portfolioRule } from '../ruleTypes';
import type { Rag } from '../../model/vocabulary';

/** The health of a programme: the roll-up of its members' RAGs. */
function programmeRag(members: MemberEntry[], policy: Pick<Policy, 'liveStatuses'>): Rag | undefined {
  return rolledUpRag(members.map((m) => ({ rag: m.rag?.value, live: isLive(m.status, policy) })));
}

/**
 * A programme that states its own RAG (`statusReport.rag`) may not look greener than its projects: its
 * RAG is at least as bad as its worst live project's. A programme that states none is left alone.
 */
export const ragRollup = portfolioRule({
  id: 'programme/rag-rollup',
  scope: 'portfolio',
  severity: 'warning',
  summary: "A programme's stated RAG is no greener than the worst RAG of its live projects.",
  docs: docsFor('programme/rag-rollup'),
  kinds: ['Programme'],
  messages: {
    greener: 'The programme reports {{stated}}, but {{worse}}. A programme is no greener than its worst project: report {{worst}}, or bring the project back on track.',
  },
  options: ruleOptions('liveStatuses'),
  check({ target, portfolio, policy, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Programme' || !facts.id || !facts.rag) return;
    const stated = facts.rag.value;
    if (!isRag(stated)) return;
    const members = portfolio.programmeMembers(facts.id.value);
    const worst = programmeRag(members, policy);
    if (!worst || !isWorseRag(worst, stated)) return;
    const worse = members.filter((m) => { const rag = m.rag?.value; return isRag(rag) && isWorseRag(rag, stated) && isLive(m.status, policy); });
    report(
      facts.rag.range,
      { messageId: 'greener', data: { stated: facts.rag.value, worse: worse.map((m) => `${m.projectId ?? m.ref.relativePath} is ${m.rag!.value}`).join(', '), worst } },
      { related: worse.map((m) => ({ uri: m.ref.uri, range: m.rag!.range, message: `${m.projectId ?? m.ref.relativePath} is ${m.rag!.value}` })) },
    );
  },
});
