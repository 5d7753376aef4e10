import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleIds } from '../../server/src/engine/ruleIds';
import { SchemaRegistry } from '../../server/src/engine/schema/schemaRegistry';
import { checkSettingsFile } from '../../server/src/engine/settingsCheck';
import type { Finding } from '../../server/src/engine/types';

const URI = 'file:///w/.vscode/settings.json';

function check(text: string, registry = new SchemaRegistry()): Array<Finding & { text: string }> {
  const lines = text.split('\n');
  return checkSettingsFile(URI, text, { rules: ruleIds(registry), registry }).map((f) => ({
    ...f,
    text: f.range.start.line === f.range.end.line ? lines[f.range.start.line].slice(f.range.start.character, f.range.end.character) : '(multi-line)',
  }));
}

describe('settings file check', () => {
  it('is quiet on valid settings in both spellings, with comments and trailing commas', () => {
    const text = `{
  // the PMO's settings
  "editor.tabSize": 2,
  "charter.rules": { "schema/additionalProperties": "warning", "budget/*": "off", "schema/required": "info" },
  "charter.asOf": "2026-12-01",
  "charter.files.include": ["**/*.charter.yaml"],
  "charter.files.maxSizeKB": 1024,
  "charter": { "portfolio": { "groupBy": "status" }, "validate.enable": true },
  "charter.policy": { "reportingCadenceDays": 14, "approvalThresholds": [{ "above": "250000.00", "role": "sponsor" }] },
  "charter.schemas": [{ "fileMatch": ["projects/**"], "url": ".pmo/p.json" }],
}`;
    assert.deepEqual(check(text), []);
  });

  it('reports an unknown rule id on its key and an unknown severity on its value, with the nearest', () => {
    const findings = check('{\n  "charter.rules": { "budget/aproval-threshold": "warning", "text/no-placeholders": "warn" }\n}');
    assert.deepEqual(
      findings.map((f) => [f.rule, f.text, f.severity]),
      [
        ['settings/unknown-rule', '"budget/aproval-threshold"', 'warning'],
        ['settings/invalid-value', '"warn"', 'warning'],
      ],
    );
    assert.equal(findings[0].message, 'No rule is called "budget/aproval-threshold", so this severity applies to nothing. Did you mean "budget/approval-threshold"?');
    assert.match(findings[1].message, /must be one of error, warning, info, hint, off; this one is ignored\. Did you mean "warning"\?/);
    assert.equal(findings[0].docs, 'docs/rules/settings/unknown-rule.md');
  });

  it('accepts a PMO rule id that a registered schema declares with x-rule, and no other', () => {
    const registry = new SchemaRegistry();
    registry.add('https://pmo.example.org/p.json', { type: 'object', properties: { costCentre: { type: 'string', 'x-rule': 'pmo/cost-centre' } } });
    assert.deepEqual(check('{ "charter.rules": { "pmo/cost-centre": "error", "pmo/*": "warning" } }', registry), []);
    assert.deepEqual(check('{ "charter.rules": { "pmo/cost-center": "error" } }', registry).map((f) => f.rule), ['settings/unknown-rule']);
  });

  it('reports an unknown charter.* key, dotted or nested, with the nearest setting', () => {
    const findings = check('{ "charter.asof": "2026-12-01", "charter": { "files": { "includes": [] } }, "charter.portfolio.groupby": "rag" }');
    assert.deepEqual(findings.map((f) => [f.rule, f.text]), [
      ['settings/unknown-setting', '"charter.asof"'],
      ['settings/unknown-setting', '"includes"'],
      ['settings/unknown-setting', '"charter.portfolio.groupby"'],
    ]);
    assert.equal(findings[0].message, 'Charter has no setting "charter.asof", so it has no effect. Did you mean "charter.asOf"?');
    assert.match(findings[1].message, /"charter\.files\.includes".*Did you mean "charter\.files\.include"\?/);
  });

  it('reports a malformed or unreal charter.asOf', () => {
    for (const value of ['"01/12/2026"', '"2026-02-30"', '20261201']) {
      const findings = check(`{ "charter.asOf": ${value} }`);
      assert.deepEqual(findings.map((f) => [f.rule, f.text]), [['settings/invalid-value', value]], value);
      assert.match(findings[0].message, /^charter\.asOf must be a real day written as YYYY-MM-DD/);
    }
  });

  it('reports policy values of the wrong type where they are, by the Portfolio schema', () => {
    const findings = check('{ "charter.policy": { "reportingCadenceDays": "14", "contingency": { "maxPercent": "15%" }, "phases": "delivery" } }');
    assert.deepEqual(findings.map((f) => [f.rule, f.text]).sort(), [
      ['settings/invalid-value', '"14"'],
      ['settings/invalid-value', '"15%"'],
      ['settings/invalid-value', '"delivery"'],
    ]);
    assert.ok(findings.some((f) => f.message === 'charter.policy.reportingCadenceDays must be a whole number; the policy keeps its other value for it.'), findings.map((f) => f.message).join('\n'));
  });

  it('reports values of the wrong type for the other settings', () => {
    const findings = check('{ "charter.validate.enable": "yes", "charter.files.exclude": "**/old/**", "charter.portfolio.groupBy": "programe", "charter.schemas": [{ "url": "x.json" }], "charter.rules": [] }');
    assert.equal(findings.length, 5);
    assert.ok(findings.every((f) => f.rule === 'settings/invalid-value'));
    assert.ok(findings.some((f) => /Did you mean "programme"/.test(f.message)));
    const size = check('{ "charter.files.maxSizeKB": "1MB", "charter": { "files": { "maxSizeKB": 0 } } }');
    assert.deepEqual(size.map((f) => [f.rule, f.text]), [['settings/invalid-value', '"1MB"'], ['settings/invalid-value', '0']]);
    assert.match(size[0].message, /charter\.files\.maxSizeKB must be a number of kilobytes/);
  });
});

describe('settings check: PMO rulesets and templates', () => {
  it('knows charter.rulesets and charter.templates, and says when their values are malformed', () => {
    assert.deepEqual(check('{ "charter.rulesets": ["pmo/acme.ruleset.yaml"], "charter.templates": [{ "name": "major", "path": "pmo/major.template.yaml" }] }'), []);
    const findings = check('{ "charter.rulesets": "pmo/acme.ruleset.yaml", "charter.templates": [{ "name": "major" }] }');
    assert.deepEqual(findings.map((f) => [f.rule, f.text]), [
      ['settings/invalid-value', '"pmo/acme.ruleset.yaml"'],
      ['settings/invalid-value', '{ "name": "major" }'],
    ]);
  });

  it('knows the rule ids of loaded rulesets', () => {
    assert.equal(ruleIds(new SchemaRegistry()).known('pmo/risk-owner'), false);
    assert.equal(ruleIds(new SchemaRegistry(), ['pmo/risk-owner']).known('pmo/risk-owner'), true);
    assert.equal(ruleIds(new SchemaRegistry(), ['pmo/risk-owner']).known('pmo/*'), true);
  });
});

describe('rule ids', () => {
  it('knows every rule id the engine writes, so no real rule is reported as unknown', () => {
    const root = path.resolve(__dirname, '..', '..', 'server', 'src');
    const ids = new Set<string>();
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (entry.name.endsWith('.ts')) for (const m of fs.readFileSync(full, 'utf8').matchAll(/'((?:yaml|schema|settings|files|suppression|waiver)\/[a-z][a-zA-Z-]*)'/g)) ids.add(m[1]);
      }
    };
    visit(root);
    assert.ok(ids.has('yaml/syntax') && ids.has('files/not-included'));
    const known = ruleIds(new SchemaRegistry());
    for (const id of ids) assert.ok(known.known(id), id);
    assert.ok(known.known('internal/rule-failed'));
  });
});
