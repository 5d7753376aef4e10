// docs/rules/README.md's tables are written from the registry by `npm run docs:rules`: this fails while the
// file says something the registry does not (a new rule, a changed summary, severity or policy default).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { CATALOGUE, FIX_RULES, SETTINGS_RULES } from '../../../server/src/engine/rules/index';
import { RULES_README, generatedTables, renderRulesReadme, yamlFlow } from '../../../scripts/rulesReadme';

describe('docs/rules/README.md', () => {
  it('is what npm run docs:rules writes from the rule registry', () => {
    const current = fs.readFileSync(RULES_README, 'utf8');
    assert.equal(current, renderRulesReadme(current), 'docs/rules/README.md is out of date: run npm run docs:rules');
  });

  it('lists every rule of the registry, linked to its page, in exactly one table', () => {
    const current = fs.readFileSync(RULES_README, 'utf8');
    for (const rule of [...CATALOGUE, ...SETTINGS_RULES, ...FIX_RULES]) {
      const row = `| [\`${rule.id}\`](${rule.docs.replace('docs/rules/', '')}) | ${rule.severity} | ${rule.summary} |`;
      assert.equal(current.split(row).length - 1, 1, rule.id);
    }
  });

  it('replaces a stale table between its markers and leaves the prose around it alone', () => {
    const current = fs.readFileSync(RULES_README, 'utf8');
    const stale = current.replace(/(<!-- rules:change -->\n)[^]*?(<!-- \/rules:change -->)/, '$1| rule | default | what it asks |\n|---|---|---|\n| old | row | here |\n$2');
    assert.notEqual(stale, current);
    assert.equal(renderRulesReadme(stale), current);
    assert.throws(() => renderRulesReadme(current.replace('<!-- /rules:fix -->', '')), /no <!-- rules:fix --> \.\.\. <!-- \/rules:fix --> pair/);
  });

  it('writes defaults in YAML flow style', () => {
    assert.equal(yamlFlow([{ above: 250000, role: 'sponsor' }]), '[{ above: 250000, role: sponsor }]');
    assert.equal(yamlFlow({}), '{}');
    assert.match(generatedTables().policy, /\| `maxWaiverDays` \| no limit \| `approvals\/segregation` \|/);
  });
});
