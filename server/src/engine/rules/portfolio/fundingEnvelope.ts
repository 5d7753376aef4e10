import { docsFor } from '../../utils/docs';
import type { FundingEntry } from '../../workspace/indexTypes';
import { canCompare, comparisonCurrency, describeAmount, inCurrency } from '../fx';
import { isCommitted } from '../lifecycle';
import { formatMoney, sumMoney, type Money } from '../money';
import { fiscalYearOf, type Policy } from '../policy';
import { ruleOptions } from '../policyOptions';
import { portfolioRule } from '../ruleTypes';

/** How many contributing projects a finding lists as related locations. */
const MAX_RELATED = 25;

/**
 * What a project draws from each fiscal year: its `budget.phasing` when given, else its whole approved
 * budget in the fiscal year its schedule starts in.
 */
export function drawsByYear(entry: Pick<FundingEntry, 'phasing' | 'start' | 'approved'>, policy: Policy): Map<number, Money> {
  const draws = new Map<number, Money>();
  if (entry.phasing) {
    for (const phase of entry.phasing) draws.set(phase.fiscalYear, (draws.get(phase.fiscalYear) ?? 0n) + phase.amount);
  } else if (entry.start && entry.approved) {
    draws.set(fiscalYearOf(entry.start.value, policy.fiscalYearStartMonth, policy.fiscalYearNaming), entry.approved.value);
  }
  return draws;
}

/**
 * Committed budgets (approved or live projects) count towards the envelopes of the fiscal years they
 * draw from. On the Portfolio document: each envelope holds what counts towards it, compared in the
 * envelope's currency or, across currencies, in the policy's base currency. On a committed project: each
 * year it draws from has an envelope it can be counted in (checked once the portfolio has any envelope).
 */
export const fundingEnvelope = portfolioRule({
  id: 'portfolio/funding-envelope',
  scope: 'portfolio',
  severity: 'error',
  summary: "The committed budgets drawing on a fiscal year fit within that year's funding envelope.",
  docs: docsFor('portfolio/funding-envelope'),
  kinds: ['Portfolio', 'Project'],
  messages: {
    noEnvelope: "This project draws on fiscal year {{year}}, for which the portfolio has no funding envelope. Add one to the portfolio's funding, or check the start date and budget.phasing.",
    cannotConvert: "This project's budget is in {{currency}}, but the funding envelope for fiscal year {{year}} is in {{envelopeCurrencies}}, and the policy cannot convert between them. Add policy.baseCurrency and policy.fxRates, or budget in the envelope's currency.",
    overEnvelope: 'The {{count}} committed projects drawing on fiscal year {{year}} add up to {{total}} {{currency}}, {{over}} {{currency}} above the envelope of {{envelope}}. Raise the envelope, or move or shrink a project.',
    overEnvelopeSkipped: 'The {{count}} committed projects drawing on fiscal year {{year}} add up to {{total}} {{currency}}, {{over}} {{currency}} above the envelope of {{envelope}}. ({{skipped}} more cannot be converted to {{currency}}: see budget/fx-rate.) Raise the envelope, or move or shrink a project.',
  },
  options: ruleOptions('liveStatuses', 'fiscalYearStartMonth', 'fiscalYearNaming', 'baseCurrency', 'fxRates'),
  check({ target, portfolio, policy, report }) {
    const facts = target.facts;
    if (facts.kind === 'Project') {
      // No readable currency: the schema reports it; a mismatch here would be a second finding for one problem.
      if (!isCommitted(facts.status?.value, policy) || !facts.start || !facts.approved || !facts.currency) return;
      const envelopes = portfolio.envelopes();
      if (envelopes.length === 0) return;
      for (const year of drawsByYear(facts, policy).keys()) {
        const inYear = envelopes.filter((e) => e.fiscalYear === year);
        if (inYear.some((e) => canCompare(facts.currency, e.currency, policy))) continue;
        report(
          facts.start.range,
          inYear.length === 0
            ? { messageId: 'noEnvelope', data: { year } }
            : { messageId: 'cannotConvert', data: { currency: facts.currency, year, envelopeCurrencies: inYear.map((e) => e.currency).join(', ') } },
        );
      }
      return;
    }
    if (facts.kind !== 'Portfolio' || facts.funding.length === 0) return;
    const budgets = portfolio.projectBudgets().filter((b) => isCommitted(b.status, policy) && b.approved);
    for (const envelope of facts.funding) {
      const drawing = budgets.flatMap((b) => {
        const amount = drawsByYear(b, policy).get(envelope.fiscalYear);
        return amount === undefined ? [] : [{ entry: b, amount }];
      });
      const currency = comparisonCurrency([envelope.currency, ...drawing.map((d) => d.entry.currency)], policy) ?? envelope.currency;
      const limit = inCurrency(envelope.amount.value, envelope.currency, currency, policy);
      if (limit === undefined) continue; // the envelope's own currency has no rate: budget/fx-rate reports it
      const counted = drawing
        .flatMap((d) => {
          const amount = inCurrency(d.amount, d.entry.currency, currency, policy);
          return amount === undefined ? [] : [{ ...d, converted: amount }];
        })
        .sort((a, b) => (a.converted > b.converted ? -1 : a.converted < b.converted ? 1 : 0));
      const total = sumMoney(counted.map((c) => c.converted));
      if (total <= limit) continue;
      const skipped = drawing.length - counted.length;
      const envelopeText = describeAmount(envelope.amount.value, envelope.currency, policy);
      report(
        envelope.amount.range,
        {
          messageId: skipped > 0 ? 'overEnvelopeSkipped' : 'overEnvelope',
          data: { count: counted.length, year: envelope.fiscalYear, total: formatMoney(total), currency, over: formatMoney(total - limit), envelope: envelopeText, skipped },
        },
        {
          related: counted.slice(0, MAX_RELATED).map((c) => ({
            uri: c.entry.ref.uri,
            range: c.entry.approved!.range,
            message: `${c.entry.projectId ?? c.entry.ref.relativePath}: ${describeAmount(c.amount, c.entry.currency, policy)} in fiscal year ${envelope.fiscalYear}`,
          })),
        },
      );
    }
  },
});

