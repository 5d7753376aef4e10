import { docsFor } from '../../utils/docs';
import { formatMoney, sumMoney } from '../money';
import { fiscalYearOf } from '../policy';
import type { PortfolioRule } from '../ruleTypes';

/** How many contributing projects a finding lists as related locations. */
const MAX_RELATED = 25;

/**
 * A project's approved budget counts towards the fiscal year in which its schedule starts. On the
 * Portfolio document: each envelope holds what counts towards it. On a live project: its fiscal year has
 * an envelope in its currency (checked once the portfolio has any envelope at all).
 */
export const fundingEnvelope: PortfolioRule = {
  id: 'portfolio/funding-envelope',
  scope: 'portfolio',
  severity: 'error',
  summary: 'The approved budgets of the projects starting in a fiscal year fit within that year\'s funding envelope.',
  docs: docsFor('portfolio/funding-envelope'),
  kinds: ['Portfolio', 'Project'],
  check({ target, portfolio, policy, report }) {
    const facts = target.facts;
    const month = policy.fiscalYearStartMonth;
    if (facts.kind === 'Project') {
      // Finished projects are history: their year's envelope may be gone from the portfolio.
      if (facts.status?.value === 'cancelled' || facts.status?.value === 'closed' || !facts.start || !facts.approved) return;
      const envelopes = portfolio.envelopes();
      if (envelopes.length === 0) return;
      const year = fiscalYearOf(facts.start.value, month);
      const inYear = envelopes.filter((e) => e.fiscalYear === year);
      if (inYear.some((e) => !facts.currency || e.currency === facts.currency)) return;
      report(
        facts.start.range,
        inYear.length === 0
          ? `This project starts in fiscal year ${year}, for which the portfolio has no funding envelope. Add one to the portfolio's funding, or check the start date.`
          : `This project's budget is in ${facts.currency}, but the funding envelope for fiscal year ${year} is in ${inYear.map((e) => e.currency).join(', ')}. Budget in the envelope's currency.`,
      );
      return;
    }
    if (facts.kind !== 'Portfolio' || facts.funding.length === 0) return;
    const budgets = portfolio.projectBudgets().filter((b) => b.status !== 'cancelled' && b.start && b.approved);
    for (const envelope of facts.funding) {
      const counted = budgets
        .filter((b) => b.currency === envelope.currency && fiscalYearOf(b.start!.value, month) === envelope.fiscalYear)
        .sort((a, b) => (a.approved!.value > b.approved!.value ? -1 : a.approved!.value < b.approved!.value ? 1 : 0));
      const total = sumMoney(counted.map((b) => b.approved!.value));
      if (total <= envelope.amount.value) continue;
      const unit = envelope.currency;
      report(
        envelope.amount.range,
        `The ${counted.length} projects starting in fiscal year ${envelope.fiscalYear} add up to ${formatMoney(total)} ${unit}, ${formatMoney(total - envelope.amount.value)} ${unit} above the envelope of ${formatMoney(envelope.amount.value)} ${unit}. Raise the envelope, or move or shrink a project.`,
        {
          related: counted.slice(0, MAX_RELATED).map((b) => ({
            uri: b.ref.uri,
            range: b.approved!.range,
            message: `${b.projectId ?? b.ref.relativePath}: ${formatMoney(b.approved!.value)} ${unit}, starting ${b.start!.value}`,
          })),
        },
      );
    }
  },
};
