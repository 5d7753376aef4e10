import { readPerformanceInputs } from '../../metrics/performance';
import { readTolerances, toleranceBreaches } from '../../metrics/tolerance';
import { docsFor } from '../../utils/docs';
import { isDict } from '../../model/charterReader';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

const DIMENSIONS = ['schedule', 'cost', 'scope', 'benefits', 'resources'] as const;

export const ragInconsistent = documentRule({
  id: 'status/rag-inconsistent',
  scope: 'document',
  severity: 'warning',
  summary: "A live project's overall RAG is not green while one of its dimensions is red or a forecast is beyond tolerance.",
  docs: docsFor('status/rag-inconsistent'),
  kinds: ['Project'],
  messages: {
    greenButNot: 'The status report says green, but {{reasons}}. Rate the project amber or red (red needs a recovery plan), or correct the figures.',
  },
  options: ruleOptions('liveStatuses'),
  check({ document, policy, report }) {
    if (!isLive(document.text(['status']), policy) || document.text(['statusReport', 'rag']) !== 'green') return;
    const reasons: string[] = [];
    const dimensions = document.get(['statusReport', 'dimensions']);
    const red = isDict(dimensions) ? DIMENSIONS.filter((d) => dimensions[d] === 'red') : [];
    if (red.length > 0) reasons.push(`${red.join(' and ')} ${red.length === 1 ? 'is' : 'are'} red`);
    for (const breach of toleranceBreaches(readPerformanceInputs(document.root), readTolerances(document.root))) reasons.push(breach.fact);
    if (reasons.length === 0) return;
    report(document.valueRange(['statusReport', 'rag']), { messageId: 'greenButNot', data: { reasons: reasons.join('; ') } });
  },
});
