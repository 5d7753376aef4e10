import { docsFor } from '../../utils/docs';
import { formatMoney, sumMoney } from '../money';
import type { PortfolioRule } from '../ruleTypes';

export const budgetCap: PortfolioRule = {
  id: 'programme/budget-cap',
  scope: 'portfolio',
  severity: 'error',
  summary: "The approved budgets of a programme's projects (not cancelled) add up to no more than its cap.",
  docs: docsFor('programme/budget-cap'),
  kinds: ['Programme'],
  check({ target, portfolio, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Programme' || !facts.id || !facts.cap || !facts.currency) return;
    const members = portfolio.programmeMembers(facts.id.value).filter((m) => m.status !== 'cancelled' && m.approved);
    const counted = members.filter((m) => m.currency === facts.currency);
    const total = sumMoney(counted.map((m) => m.approved!.value));
    if (total <= facts.cap.value) return;
    const unit = facts.currency;
    const skipped = members.length - counted.length;
    report(
      facts.cap.range,
      `The ${counted.length} projects of ${facts.id.value} add up to ${formatMoney(total)} ${unit}, ${formatMoney(total - facts.cap.value)} ${unit} above its cap of ${formatMoney(facts.cap.value)} ${unit}.${skipped > 0 ? ` (${skipped} in other currencies not counted.)` : ''} Raise the cap, or bring a project's budget down.`,
      { related: counted.map((m) => ({ uri: m.ref.uri, range: m.approved!.range, message: `${m.projectId ?? m.ref.relativePath}: ${formatMoney(m.approved!.value)} ${unit}` })) },
    );
  },
};
