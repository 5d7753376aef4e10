import { docsFor } from '../../utils/docs';
import { comparisonCurrency, describeAmount, inCurrency } from '../fx';
import { countsAgainstCap } from '../lifecycle';
import { formatMoney, sumMoney } from '../money';
import { ruleOptions } from '../policyOptions';
import { portfolioRule } from '../ruleTypes';

/**
 * The approved budgets of a programme's projects that were granted (approved, live or closed; not
 * proposals, not cancelled ones, which released their money) fit under its cap: in the cap's currency when all share it, else in the policy's base currency. A project whose
 * currency cannot be converted is named in the message and flagged on its own value by budget/fx-rate.
 */
export const budgetCap = portfolioRule({
  id: 'programme/budget-cap',
  scope: 'portfolio',
  severity: 'error',
  summary: "The approved budgets of a programme's approved, live and closed projects add up to no more than its cap.",
  docs: docsFor('programme/budget-cap'),
  kinds: ['Programme'],
  messages: {
    overCap: "The {{count}} projects of {{programme}} add up to {{total}} {{unit}}, {{over}} {{unit}} above its cap of {{cap}}. Raise the cap, or bring a project's budget down.",
    overCapNoRate: "The {{count}} projects of {{programme}} add up to {{total}} {{unit}}, {{over}} {{unit}} above its cap of {{cap}}. ({{skipped}} cannot be converted to {{unit}}: see budget/fx-rate.) Raise the cap, or bring a project's budget down.",
    overCapOtherCurrency: "The {{count}} projects of {{programme}} add up to {{total}} {{unit}}, {{over}} {{unit}} above its cap of {{cap}}. ({{skipped}} in other currencies not counted: set policy.baseCurrency and policy.fxRates to count them.) Raise the cap, or bring a project's budget down.",
  },
  options: ruleOptions('liveStatuses', 'baseCurrency', 'fxRates'),
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
    report(
      facts.cap.range,
      {
        messageId: skipped === 0 ? 'overCap' : policy.baseCurrency ? 'overCapNoRate' : 'overCapOtherCurrency',
        data: { count: counted.length, programme: facts.id.value, total: formatMoney(total), unit, over: formatMoney(total - cap), cap: describeAmount(facts.cap.value, facts.currency, policy), skipped },
      },
      {
        related: counted.map(({ member: m }) => ({
          uri: m.ref.uri,
          range: m.approved!.range,
          message: `${m.projectId ?? m.ref.relativePath}: ${describeAmount(m.approved!.value, m.currency, policy)}`,
        })),
      },
    );
  },
});
