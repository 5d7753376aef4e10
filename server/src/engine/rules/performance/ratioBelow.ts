// CPI and SPI below the policy's thresholds: the same check on two ratios, so one module builds both rules.
import { computePerformance, readPerformanceInputs, type PerformanceMetrics } from '../../metrics/performance';
import { compareRatio, formatRatio, roundToCents } from '../../metrics/metricValues';
import { docsFor } from '../../utils/docs';
import type { DataPath } from '../../utils/yamlNodes';
import { isLive } from '../lifecycle';
import { formatMoney } from '../money';
import { ruleOptions } from '../policyOptions';
import { documentRule, type DocumentRule } from '../ruleTypes';

interface RatioRule {
  id: string;
  metric: 'cpi' | 'spi';
  threshold: 'cpiThreshold' | 'spiThreshold';
  summary: string;
  /** Where the finding goes: the figure the ratio is most about. */
  path: DataPath;
  /** The message; placeholders: ratio, threshold, earnedValue, plannedValue, actualCost, measuredOn. */
  below: string;
}

function ratioRule(spec: RatioRule): DocumentRule<'below'> {
  return documentRule({
    id: spec.id,
    scope: 'document',
    severity: 'warning',
    summary: spec.summary,
    docs: docsFor(spec.id),
    kinds: ['Project'],
    messages: { below: spec.below },
    options: ruleOptions('liveStatuses', spec.threshold),
    check({ document, policy, today, report }) {
      if (!isLive(document.text(['status']), policy)) return;
      const metrics = computePerformance(readPerformanceInputs(document.root), today);
      const ratio = metrics[spec.metric].value;
      if (ratio === null || compareRatio(ratio, policy[spec.threshold]) !== -1) return;
      report(document.valueRange(spec.path), {
        messageId: 'below',
        data: {
          ratio: formatRatio(ratio),
          threshold: formatMoney(policy[spec.threshold]),
          earnedValue: amount(metrics, 'earnedValue'),
          plannedValue: amount(metrics, 'plannedValue'),
          actualCost: amount(metrics, 'actualCost'),
          measuredOn: metrics.measuredOn,
        },
      });
    },
  });
}

const amount = (m: PerformanceMetrics, key: 'earnedValue' | 'plannedValue' | 'actualCost') => {
  const v = m[key].value;
  return v === null ? '?' : `${formatMoney(roundToCents(v))}${m.currency ? ` ${m.currency}` : ''}`;
};

export const cpiBelow = ratioRule({
  id: 'performance/cpi-below',
  metric: 'cpi',
  threshold: 'cpiThreshold',
  summary: "A live project's cost performance index (earned value / actual cost) is not below the policy's threshold.",
  path: ['budget', 'actualToDate'],
  below:
    "CPI is {{ratio}} (earned value {{earnedValue}} for actual cost {{actualCost}} on {{measuredOn}}), below the policy's {{threshold}}. The work done is costing more than planned: say in the status report why, and update the forecast at completion.",
});

export const spiBelow = ratioRule({
  id: 'performance/spi-below',
  metric: 'spi',
  threshold: 'spiThreshold',
  summary: "A live project's schedule performance index (earned value / planned value) is not below the policy's threshold.",
  path: ['progress', 'percentComplete'],
  below:
    "SPI is {{ratio}} (earned value {{earnedValue}} against planned value {{plannedValue}} on {{measuredOn}}), below the policy's {{threshold}}. Less work is done than planned by now: say in the status report how the project catches up, and update the forecast end.",
});

