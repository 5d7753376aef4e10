import { readPerformanceInputs } from '../../metrics/performance';
import { readTolerances, toleranceBreaches } from '../../metrics/tolerance';
import { docsFor } from '../../utils/docs';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const forecastBeyondTolerance = documentRule({
  id: 'performance/forecast-beyond-tolerance',
  scope: 'document',
  severity: 'warning',
  summary: "A live project's forecast cost and forecast end stay within the tolerances its authority gives the manager.",
  docs: docsFor('performance/forecast-beyond-tolerance'),
  kinds: ['Project'],
  messages: {
    beyondTolerance: '{{fact}}. An exception report to the sponsor is needed: ask for a decision, or bring the forecast back within tolerance.',
  },
  options: ruleOptions('liveStatuses'),
  check({ document, policy, report }) {
    if (!isLive(document.text(['status']), policy)) return;
    for (const breach of toleranceBreaches(readPerformanceInputs(document.root), readTolerances(document.root))) {
      const fact = breach.fact.charAt(0).toUpperCase() + breach.fact.slice(1);
      report(document.valueRange(breach.path), { messageId: 'beyondTolerance', data: { fact } });
    }
  },
});
