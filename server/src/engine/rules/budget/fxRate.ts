import { docsFor } from '../../utils/docs';
import type { DataPath } from '../../utils/yamlNodes';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

/**
 * Once the policy compares money in a base currency, every currency used has a rate to it: an amount
 * that cannot be converted would otherwise drop out of thresholds, caps and envelopes unseen.
 */
export const fxRate = documentRule({
  id: 'budget/fx-rate',
  scope: 'document',
  severity: 'error',
  summary: "Every currency a budget, cap or envelope uses has an exchange rate to the policy's base currency.",
  docs: docsFor('budget/fx-rate'),
  kinds: ['Project', 'Programme', 'Portfolio'],
  messages: {
    noRate: '{{currency}} has no exchange rate to {{base}} in policy.fxRates, so this amount cannot be compared with thresholds, caps and envelopes (which are in {{base}}). Add {{currency}} to policy.fxRates, e.g. fxRates: { {{currency}}: <value of one {{currency}} in {{base}}> }.',
  },
  options: ruleOptions('baseCurrency', 'fxRates'),
  check({ document, policy, report }) {
    const base = policy.baseCurrency;
    if (!base) return;
    const paths: DataPath[] =
      document.kind === 'Portfolio' ? document.records(['funding']).map((r) => [...r.path, 'currency']) : [['budget', 'currency']];
    for (const path of paths) {
      const currency = document.text(path);
      if (!currency || currency === base || policy.fxRates[currency] !== undefined || !/^[A-Z]{3}$/.test(currency)) continue;
      report(document.valueRange(path), { messageId: 'noRate', data: { currency, base } });
    }
  },
});
