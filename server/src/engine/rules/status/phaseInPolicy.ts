import { docsFor } from '../../utils/docs';
import { isClearNearest, suggestionsFor } from '../../utils/suggest';
import { replaceFix } from '../reporting';
import type { DocumentRule } from '../ruleTypes';

export const phaseInPolicy: DocumentRule = {
  id: 'status/phase-in-policy',
  scope: 'document',
  severity: 'error',
  summary: "A project's phase, and every phase in its phase log, is one of the policy's phases.",
  docs: docsFor('status/phase-in-policy'),
  kinds: ['Project'],
  check({ document, policy, report }) {
    const paths = [['phase'], ...document.records(['phaseLog']).map((r) => [...r.path, 'phase'])];
    for (const path of paths) {
      const phase = document.get(path);
      if (typeof phase !== 'string' || policy.phases.includes(phase)) continue;
      const suggestions = suggestionsFor(phase, policy.phases);
      const suggestion = suggestions[0];
      const range = document.valueRange(path);
      report(range, `"${phase}" is not a phase of the policy (${policy.phases.join(', ')}).${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, {
        fixes: suggestion ? [replaceFix(`Change to "${suggestion}"`, document.uri, range, suggestion, isClearNearest(phase, suggestions))] : undefined,
      });
    }
  },
};
