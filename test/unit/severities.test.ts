import { strict as assert } from 'node:assert';
import { applyRuleSettings, severitySettingFor } from '../../server/src/engine/severities';
import type { Finding } from '../../server/src/engine/types';

const finding = (rule: string): Finding => ({
  rule,
  severity: 'error',
  message: 'm',
  uri: 'file:///a',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  docs: 'docs/rules/schema.md',
});

describe('severities', () => {
  it('prefers the exact rule id, then the nearest area/*, then *', () => {
    const rules = { 'budget/breakdown-sums': 'hint', 'budget/*': 'warning', '*': 'info' } as const;
    assert.equal(severitySettingFor('budget/breakdown-sums', rules), 'hint');
    assert.equal(severitySettingFor('budget/single-currency', rules), 'warning');
    assert.equal(severitySettingFor('schema/enum', rules), 'info');
    assert.equal(severitySettingFor('schema/enum', {}), undefined);
  });

  it('changes severities and drops rules that are off', () => {
    const out = applyRuleSettings([finding('schema/enum'), finding('status/stale-report'), finding('yaml/syntax')], { 'schema/enum': 'warning', 'status/*': 'off' });
    assert.deepEqual(out.map((f) => `${f.rule}:${f.severity}`), ['schema/enum:warning', 'yaml/syntax:error']);
  });
});
