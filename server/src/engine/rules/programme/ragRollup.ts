import { docsFor } from '../../utils/docs';
import type { MemberEntry } from '../../workspace/indexTypes';
import { isLive } from '../lifecycle';
import type { Policy } from '../policy';
import { ruleOptions } from '../policyOptions';
import { portfolioRule } from '../ruleTypes';

const RANK: Record<string, number> = { green: 0, amber: 1, red: 2 };

/** The health of a programme: the worst RAG among its live projects, if any reports one. */
export function rolledUpRag(members: MemberEntry[], policy: Pick<Policy, 'liveStatuses'>): string | undefined {
  let worst: string | undefined;
  for (const m of members) {
    const rag = m.rag?.value;
    if (!rag || !(rag in RANK) || !isLive(m.status, policy)) continue;
    if (worst === undefined || RANK[rag] > RANK[worst]) worst = rag;
  }
  return worst;
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
    if (facts.kind !== 'Programme' || !facts.id || !facts.rag || !(facts.rag.value in RANK)) return;
    const members = portfolio.programmeMembers(facts.id.value);
    const worst = rolledUpRag(members, policy);
    if (!worst || RANK[worst] <= RANK[facts.rag.value]) return;
    const worse = members.filter((m) => m.rag && RANK[m.rag.value] > RANK[facts.rag!.value] && isLive(m.status, policy));
    report(
      facts.rag.range,
      { messageId: 'greener', data: { stated: facts.rag.value, worse: worse.map((m) => `${m.projectId ?? m.ref.relativePath} is ${m.rag!.value}`).join(', '), worst } },
      { related: worse.map((m) => ({ uri: m.ref.uri, range: m.rag!.range, message: `${m.projectId ?? m.ref.relativePath} is ${m.rag!.value}` })) },
    );
  },
});
