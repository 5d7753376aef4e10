import { docsFor } from '../../utils/docs';
import { documentRule } from '../ruleTypes';

const RACI_ROLES = new Set(['accountable', 'responsible', 'consulted', 'informed']);

/**
 * Exactly one person answers for the outcome. A stakeholder list that names no RACI roles at all (only
 * the sponsor, say) is left alone: the sponsor is then the one accountable.
 */
export const oneAccountable = documentRule({
  id: 'raci/one-accountable',
  scope: 'document',
  severity: 'warning',
  summary: 'When stakeholders are given RACI roles, exactly one of them is accountable.',
  docs: docsFor('raci/one-accountable'),
  kinds: ['Project'],
  messages: {
    several: '{{count}} stakeholders are accountable; exactly one person answers for the outcome. Keep one accountable and make the others responsible or consulted.',
    severalNamed: '{{count}} stakeholders are accountable ({{names}}); exactly one person answers for the outcome. Keep one accountable and make the others responsible or consulted.',
    noneAccountable: 'The stakeholders have RACI roles but none is accountable. Make exactly one person accountable: the one who answers for the outcome.',
  },
  check({ document, report }) {
    const stakeholders = document.records(['stakeholders']);
    const accountable = stakeholders.filter((s) => s.value.role === 'accountable');
    const people = new Set(accountable.map((s) => String(s.value.person ?? `#${s.index}`)));
    if (people.size > 1) {
      const names = [...people].filter((p) => !p.startsWith('#'));
      // One problem, one finding: on the first accountable row, pointing at the others.
      const [first] = accountable;
      const others = accountable.slice(1).filter((o) => o.value.person === undefined || o.value.person !== first.value.person);
      report(
        document.valueRange([...first.path, 'role']),
        names.length ? { messageId: 'severalNamed', data: { count: people.size, names: names.join(', ') } } : { messageId: 'several', data: { count: people.size } },
        { related: others.map((o) => ({ uri: document.uri, range: document.valueRange([...o.path, 'role']), message: `also accountable: ${String(o.value.person ?? 'unnamed')}` })) },
      );
      return;
    }
    if (people.size === 0 && stakeholders.some((s) => typeof s.value.role === 'string' && RACI_ROLES.has(s.value.role))) {
      report(document.keyRange(['stakeholders']), { messageId: 'noneAccountable' });
    }
  },
});
