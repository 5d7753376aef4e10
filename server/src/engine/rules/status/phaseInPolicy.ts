import { docsFor } from '../../utils/docs';
import { isClearNearest, suggestionsFor } from '../../utils/suggest';
import { replaceFix } from '../reporting';
import { ruleOptions } from '../policyOptions';
import { documentRule } from '../ruleTypes';

export const phaseInPolicy = documentRule({
  id: 'status/phase-in-policy',
  scope: 'document',
  severity: 'error',
  summary: "A project's phase, and every phase in its phase log, is one of the policy's phases.",
  docs: docsFor('status/phase-in-policy'),
  kinds: ['Project'],
  messages: {
    notInPolicy: '"{{phase}}" is not a phase of the policy ({{phases}}).',
    notInPolicyDidYouMean: '"{{phase}}" is not a phase of the policy ({{phases}}). Did you mean "{{suggestion}}"?',
  },
  options: ruleOptions('phases'),
  check({ document, policy, report }) {
    const paths = [['phase'], ...document.records(['phaseLog']).map((r) => [...r.path, 'phase'])];
    for (const path of paths) {
      const phase = document.get(path);
      if (typeof phase !== 'string' || policy.phases.includes(phase)) continue;
      const suggestions = suggestionsFor(phase, policy.phases);
      const suggestion = suggestions[0];
      const range = document.valueRange(path);
      const phases = policy.phases.join(', ');
      report(range, suggestion ? { messageId: 'notInPolicyDidYouMean', data: { phase, phases, suggestion } } : { messageId: 'notInPolicy', data: { phase, phases } }, {
        fixes: suggestion ? [replaceFix(`Change to "${suggestion}"`, document.uri, range, suggestion, isClearNearest(phase, suggestions))] : undefined,
      });
    }
  },
});
