import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

const MEASURES = ['metric', 'baseline', 'target', 'targetDate'] as const;

export const measurable = documentRule({
  id: 'objectives/measurable',
  scope: 'document',
  severity: 'warning',
  summary: 'Every objective says how it is measured: metric, baseline, target and target date.',
  docs: docsFor('objectives/measurable'),
  kinds: ['Project'],
  messages: {
    notMeasurable: '{{name}} is not measurable yet: add {{missing}}.',
  },
  check({ document, report }) {
    for (const { path, value } of document.records(['objectives'])) {
      const missing = MEASURES.filter((key) => value[key] === undefined || value[key] === null || value[key] === '');
      if (missing.length === 0) continue;
      const name = typeof value.id === 'string' ? `Objective ${value.id}` : 'This objective';
      report(document.keyRange(path), { messageId: 'notMeasurable', data: { name, missing: listWords(missing) } });
    }
  },
});

function listWords(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
