import { docsFor } from '../../utils/docs';
import { comparisonCurrency, describeAmount, inCurrency } from '../fx';
import { countsAgainstCap } from '../lifecycle';
import { formatMoney, sumMoney } from '../money';
import type { PortfolioRule } from '../ruleTypes';

/**
 * The approved budgets of a programme's projects that were granted (approved, live or closed; not
 * proposals, not cancelled ones, which released their money) fit under its cap: in the cap's currency when all share it, else in the policy's base currency. A project whose
 * currency cannot be converted is named in the message and flagged on its own value by budget/fx-rate.
 */
export const budgetCap: PortfolioRule = {
  id: 'programme/budget-cap',
  scope: 'portfolio',
  severity: 'error',
  summary: "The approved budgets of a programme's approved, live and closed projects add up to no more than its cap.",
  docs: docsFor('programme/budget-cap'),
  kinds: ['Programme'],
  check({ target, portfolio, policy, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Programme' || !facts.id || !facts.cap || !facts.currency) return;
    const members = portfolio.programmeMembers(facts.id.value).filter((m) => countsAgainstCap(m.status, policy) && m.approved);
    const unit = comparisonCurrency([facts.currency, ...members.map((m) => m.currency)], policy) ?? facts.currency;
    const cap = inCurrency(facts.cap.value, facts.currency, unit, policy);
    if (cap === undefined) return; // the cap's own currency has no rate: budget/fx-rate reports it
    const counted = members.flatMap((m) => {
      const amount = inCurrency(m.approved!.value, m.currency, unit, policy);
      return amount === undefined ? [] : [{ member: m, amount }];
    });
    const total = sumMoney(counted.map((c) => c.amount));
    if (total <= cap) return;
    const skipped = members.length - counted.length;
    const hint = policy.baseCurrency ? `cannot be converted to ${unit}: see budget/fx-rate` : 'in other currencies not counted: set policy.baseCurrency and policy.fxRates to count them';
    report(
      facts.cap.range,
      `The ${counted.length} projects of ${facts.id.value} add up to ${formatMoney(total)} ${unit}, ${formatMoney(total - cap)} ${unit} above its cap of ${describeAmount(facts.cap.value, facts.currency, policy)}.${skipped > 0 ? ` (${skipped} ${hint}.)` : ''} Raise the cap, or bring a project's budget down.`,
      {
        related: counted.map(({ member: m }) => ({
          uri: m.ref.uri,
          range: m.approved!.range,
          message: `${m.projectId ?? m.ref.relativePath}: ${describeAmount(m.approved!.value, m.currency, policy)}`,
        })),
      },
    );
  },
};
