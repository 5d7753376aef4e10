// Rule meta: messages as templates filled by one formatter, and the policy keys rules read (their
// options) held to the portfolio schema's `policy`, which validates portfolio.yaml and charter.policy.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CHANGE_RULES, RULES, SUPPRESSION_RULES } from '../../../server/src/engine/rules/index';
import { formatMessage, placeholdersOf } from '../../../server/src/engine/rules/messages';
import { DEFAULT_POLICY, resolvePolicy } from '../../../server/src/engine/rules/policy';
import { POLICY_OPTIONS, policyDefaults, ruleOptions } from '../../../server/src/engine/rules/policyOptions';
import { REPO } from '../../support/engine';

const ALL = [...RULES, ...CHANGE_RULES];
const PORTFOLIO_SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/portfolio.schema.json'), 'utf8'));
const POLICY_SCHEMA = PORTFOLIO_SCHEMA.properties.policy.properties as Record<string, Record<string, unknown>>;
/** Keywords that describe a value rather than constrain it: they stay in the schema, for hover and completion. */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', 'default', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions']);

function validationKeywords(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(validationKeywords);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([k]) => !ANNOTATIONS.has(k)).map(([k, v]) => [k, validationKeywords(v)]));
}

describe('rule messages', () => {
  const messages = { plain: 'Nothing to fill.', filled: '{{who}} owes {{ amount }} ({{who}} again).' };

  it('fills every placeholder from the data, the same name as often as it appears', () => {
    assert.equal(formatMessage(messages, { messageId: 'plain' }), 'Nothing to fill.');
    assert.equal(formatMessage(messages, { messageId: 'filled', data: { who: 'raj', amount: 12n } }), 'raj owes 12 (raj again).');
  });

  it('inserts values as they are: no replacement patterns, no second pass over the filled text', () => {
    assert.equal(formatMessage(messages, { messageId: 'filled', data: { who: "$& $' {{amount}}", amount: 0 } }), "$& $' {{amount}} owes 0 ($& $' {{amount}} again).");
  });

  it('throws on an id the rule does not declare or a placeholder without a value: a bug in the rule, not a message', () => {
    assert.throws(() => formatMessage(messages, { messageId: 'nope' }, 'x/y'), /x\/y has no message "nope"/);
    assert.throws(() => formatMessage(messages, { messageId: 'toString' }), /has no message "toString"/);
    assert.throws(() => formatMessage(messages, { messageId: 'filled', data: { who: 'raj' } }), /needs a value for \{\{amount\}\}/);
  });

  it('gives every rule at least one message; each is a sentence whose braces are all placeholders', () => {
    for (const rule of [...ALL, ...SUPPRESSION_RULES]) {
      const entries = Object.entries(rule.messages as Record<string, string>);
      assert.ok(entries.length > 0, rule.id);
      for (const [id, template] of entries) {
        assert.match(id, /^[a-z][A-Za-z]*$/, `${rule.id}: ${id}`);
        assert.match(template, /[.?]$/, `${rule.id}: ${id} ends a sentence`);
        const rest = template.replace(/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g, '');
        assert.ok(!rest.includes('{{') && !rest.includes('}}'), `${rule.id}: ${id} has a malformed placeholder`);
        assert.deepEqual(placeholdersOf(template), [...new Set(placeholdersOf(template))]);
      }
    }
  });
});

describe('rule messages in use', () => {
  it('gives every message a use: its id is written in the module of its rule', () => {
    const root = path.join(REPO, 'server/src/engine/rules');
    const sources = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => fs.readdirSync(path.join(root, d.name)).map((f) => fs.readFileSync(path.join(root, d.name, f), 'utf8')));
    for (const rule of ALL) {
      const source = sources.find((s) => s.includes(`id: '${rule.id}'`));
      assert.ok(source, rule.id);
      // The declaration itself is `id: '...'`; a use is the id as a quoted string elsewhere.
      for (const id of Object.keys(rule.messages)) assert.ok(source.includes(`'${id}'`), `${rule.id}: message "${id}" is never reported`);
    }
    const suppressions = fs.readFileSync(path.join(REPO, 'server/src/engine/suppressions.ts'), 'utf8');
    for (const rule of SUPPRESSION_RULES) {
      for (const id of Object.keys(rule.messages)) assert.ok(suppressions.includes(`'${id}'`), `${rule.id}: message "${id}" is never reported`);
    }
  });
});

describe('rule options and the policy', () => {
  it('declares in each rule every policy key its module reads directly', () => {
    const root = path.join(REPO, 'server/src/engine/rules');
    for (const area of fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of fs.readdirSync(path.join(root, area.name))) {
        const source = fs.readFileSync(path.join(root, area.name, file), 'utf8');
        const ids = [...source.matchAll(/\bid: '([a-z]+\/[a-z-]+)'/g)].map((m) => m[1]);
        const reads = new Set([...source.matchAll(/\bpolicy\.([A-Za-z]+)\b/g)].map((m) => m[1]));
        for (const id of ids) {
          const rule = ALL.find((r) => r.id === id);
          assert.ok(rule, `${file}: ${id} is in the registry`);
          for (const key of reads) assert.ok(rule.options?.keys.includes(key as never), `${id} reads policy.${key} but does not declare it in options`);
        }
      }
    }
  });

  it('gives a rule its keys as one object schema with their defaults', () => {
    const options = ruleOptions('reportingCadenceDays', 'baseCurrency');
    assert.deepEqual(options.schema, { type: 'object', properties: { reportingCadenceDays: { type: 'integer', minimum: 1 }, baseCurrency: { $ref: '#/$defs/currency' } } });
    assert.deepEqual(options.defaults, { reportingCadenceDays: 31 });
  });

  it("matches the portfolio schema's policy: the same keys, the same constraints, the same stated defaults", () => {
    assert.deepEqual(POLICY_OPTIONS.map((o) => o.key).sort(), Object.keys(POLICY_SCHEMA).sort());
    for (const option of POLICY_OPTIONS) {
      assert.deepEqual(validationKeywords(POLICY_SCHEMA[option.key]), option.schema, `policy.${option.key}`);
      if ('default' in POLICY_SCHEMA[option.key]) assert.deepEqual(POLICY_SCHEMA[option.key].default, (option as { default?: unknown }).default, `policy.${option.key} default`);
    }
  });

  it('has defaults that pass their own schema, and that the "Default policy" snippet writes out', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const defaults = policyDefaults();
    for (const [key, value] of Object.entries(defaults)) {
      const validate = ajv.compile({ $defs: PORTFOLIO_SCHEMA.$defs, ...POLICY_OPTIONS.find((o) => o.key === key)!.schema });
      assert.ok(validate(value), `policy.${key} default: ${ajv.errorsText(validate.errors)}`);
    }
    const snippet = PORTFOLIO_SCHEMA.properties.policy.defaultSnippets.find((s: { label: string }) => s.label === 'Default policy').body as Record<string, unknown>;
    for (const [key, value] of Object.entries(snippet)) assert.deepEqual(value, defaults[key], `snippet policy.${key}`);
  });

  it('resolves the built-in policy from those defaults alone', () => {
    assert.deepEqual(resolvePolicy(), DEFAULT_POLICY);
    assert.equal(DEFAULT_POLICY.reportingCadenceDays, 31);
    assert.deepEqual(DEFAULT_POLICY.allowedTransitions.closed, []);
    assert.equal(DEFAULT_POLICY.cpiThreshold, 900000n);
    assert.ok(!('baseCurrency' in DEFAULT_POLICY) && !('fxAsOf' in DEFAULT_POLICY) && !('maxWaiverDays' in DEFAULT_POLICY));
  });
});
