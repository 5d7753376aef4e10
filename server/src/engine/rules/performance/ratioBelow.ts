// CPI and SPI below the policy's thresholds: the same check on two ratios, so one module builds both rules.
import { computePerformance, readPerformanceInputs, type PerformanceMetrics } from '../../metrics/performance';
import { compareRatio, formatRatio, roundToCents } from '../../metrics/metricValues';
import { docsFor } from '../../utils/docs';
import type { DataPath } from '../../utils/yamlNodes';
import { isLive } from '../lifecycle';
import { formatMoney } from '../money';
import type { DocumentRule } from '../ruleTypes';

interface RatioRule {
  id: string;
  name: 'CPI' | 'SPI';
  metric: 'cpi' | 'spi';
  threshold: 'cpiThreshold' | 'spiThreshold';
  summary: string;
  /** Where the finding goes: the figure the ratio is most about. */
  path: DataPath;
  explain(m: PerformanceMetrics): string;
  advice: string;
}

function ratioRule(spec: RatioRule): DocumentRule {
  return {
    id: spec.id,
    scope: 'document',
    severity: 'warning',
    summary: spec.summary,
    docs: docsFor(spec.id),
    kinds: ['Project'],
    check({ document, policy, today, report }) {
      if (!isLive(document.text(['status']), policy)) return;
      const metrics = computePerformance(readPerformanceInputs(document.root), today);
      const ratio = metrics[spec.metric].value;
      if (ratio === null || compareRatio(ratio, policy[spec.threshold]) !== -1) return;
      report(
        document.valueRange(spec.path),
        `${spec.name} is ${formatRatio(ratio)} (${spec.explain(metrics)} on ${metrics.measuredOn}), below the policy's ${formatMoney(policy[spec.threshold])}. ${spec.advice}`,
      );
    },
  };
}

const amount = (m: PerformanceMetrics, key: 'earnedValue' | 'plannedValue' | 'actualCost') => {
  const v = m[key].value;
  return v === null ? '?' : `${formatMoney(roundToCents(v))}${m.currency ? ` ${m.currency}` : ''}`;
};

export const cpiBelow: DocumentRule = ratioRule({
  id: 'performance/cpi-below',
  name: 'CPI',
  metric: 'cpi',
  threshold: 'cpiThreshold',
  summary: "A live project's cost performance index (earned value / actual cost) is not below the policy's threshold.",
  path: ['budget', 'actualToDate'],
  explain: (m) => `earned value ${amount(m, 'earnedValue')} for actual cost ${amount(m, 'actualCost')}`,
  advice: 'The work done is costing more than planned: say in the status report why, and update the forecast at completion.',
});

export const spiBelow: DocumentRule = ratioRule({
  id: 'performance/spi-below',
  name: 'SPI',
  metric: 'spi',
  threshold: 'spiThreshold',
  summary: "A live project's schedule performance index (earned value / planned value) is not below the policy's threshold.",
  path: ['progress', 'percentComplete'],
  explain: (m) => `earned value ${amount(m, 'earnedValue')} against planned value ${amount(m, 'plannedValue')}`,
  advice: 'Less work is done than planned by now: say in the status report how the project catches up, and update the forecast end.',
});

