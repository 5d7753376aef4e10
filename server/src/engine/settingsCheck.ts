// Checks the `charter.*` keys of a VS Code settings file (JSON with comments): an unknown key, a rule id
// no rule has, a severity or value of the wrong kind would otherwise be dropped without a word, and the
// PMO would believe a setting is in force that is not. Findings point into the file itself.
import type { ErrorObject } from 'ajv';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { RuleIds } from './ruleIds';
import { builtinSchemaId } from './schema/builtinSchemas';
import type { SchemaRegistry } from './schema/schemaRegistry';
import { describeType } from './services/schemaMessages';
import type { Finding, RuleId } from './types';
import { isIsoDate } from './utils/dates';
import { docsFor } from './utils/docs';
import { LineIndex } from './utils/lineIndex';
import { didYouMean } from './utils/suggest';
import { GROUP_BY_KEYS, isOneOf, SEVERITY_SETTINGS } from './model/vocabulary';

const MAX_FINDINGS = 200;

type ValueCheck = (node: JsonNode, name: string, out: Reporter) => void;

interface Reporter {
  add(rule: RuleId, node: JsonNode, message: string): void;
  rules: RuleIds;
  registry?: SchemaRegistry;
}

/** Every `charter.*` setting, by its dotted name, and what its value must be. */
const SETTINGS: Record<string, ValueCheck> = {
  schemas: checkSchemas,
  rules: checkRules,
  policy: checkPolicy,
  'files.include': stringList,
  'files.exclude': stringList,
  'files.maxSizeKB': sizeInKB,
  'validate.enable': boolean,
  'format.enable': boolean,
  'schemaDownload.enable': boolean,
  'portfolio.groupBy': oneOf(GROUP_BY_KEYS),
  asOf: checkAsOf,
  rulesets: checkRulesets,
  templates: checkTemplates,
  'trace.server': oneOf(['off', 'messages', 'verbose']),
};

export interface SettingsCheckOptions {
  rules: RuleIds;
  /** For `charter.policy`: checked against the Portfolio schema's `policy`, as `portfolio.yaml` is. */
  registry?: SchemaRegistry;
}

export function checkSettingsFile(uri: string, text: string, options: SettingsCheckOptions): Finding[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object') return []; // not JSON: the editor's JSON support says so, the CLI refuses it
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const out: Reporter = {
    rules: options.rules,
    registry: options.registry,
    add(rule, node, message) {
      if (findings.length >= MAX_FINDINGS) return;
      findings.push({ rule, severity: 'warning', message, uri, range: lines.rangeOf(node.offset, node.offset + node.length), docs: docsFor(rule) });
    },
  };
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    if (key === 'charter') {
      if (valueNode.type === 'object') checkGroup([], valueNode, out);
      else out.add('settings/invalid-value', valueNode, '"charter" holds the settings as an object: { "rules": { ... } }. Write the settings inside it, or as "charter.<name>" keys.');
    } else if (key.startsWith('charter.')) {
      checkSetting(key.slice('charter.'.length).split('.'), keyNode, valueNode, out);
    }
  }
  return findings;
}

/** The members of an object that stands for a prefix of setting names (`"charter": {...}`, `"charter.files": {...}`). */
function checkGroup(prefix: string[], object: JsonNode, out: Reporter): void {
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
    checkSetting([...prefix, ...keyNode.value.split('.')], keyNode, valueNode, out);
  }
}

function checkSetting(segments: string[], keyNode: JsonNode, valueNode: JsonNode, out: Reporter): void {
  const name = segments.join('.');
  const check = SETTINGS[name];
  if (check) return check(valueNode, `charter.${name}`, out);
  if (valueNode.type === 'object' && Object.keys(SETTINGS).some((known) => known.startsWith(`${name}.`))) return checkGroup(segments, valueNode, out);
  const nearest = didYouMean(name, Object.keys(SETTINGS));
  out.add(
    'settings/unknown-setting',
    keyNode,
    `Charter has no setting "charter.${name}", so it has no effect.${nearest ? ` Did you mean "charter.${nearest}"?` : ` The settings are: ${Object.keys(SETTINGS).map((s) => `charter.${s}`).join(', ')}.`}`,
  );
}

function checkRules(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'object') return out.add('settings/invalid-value', node, `${name} must be an object of rule ids and severities, like { "text/no-placeholders": "warning" }.`);
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
    const rule = keyNode.value;
    if (!out.rules.known(rule)) {
      const nearest = out.rules.nearest(rule);
      out.add('settings/unknown-rule', keyNode, `No rule is called "${rule}", so this severity applies to nothing.${nearest ? ` Did you mean "${nearest}"?` : ' Use a rule id from docs/rules, an area such as "budget/*", or a PMO schema\'s x-rule.'}`);
    }
    if (valueNode.type !== 'string' || !isOneOf(SEVERITY_SETTINGS, valueNode.value)) {
      const nearest = typeof valueNode.value === 'string' ? nearestWord(valueNode.value, SEVERITY_SETTINGS) : undefined;
      out.add('settings/invalid-value', valueNode, `The severity of ${rule} must be one of ${SEVERITY_SETTINGS.join(', ')}; this one is ignored.${nearest ? ` Did you mean "${nearest}"?` : ''}`);
    }
  }
}

function checkSchemas(node: JsonNode, name: string, out: Reporter): void {
  const shape = `each entry is { "fileMatch": ["projects/**/*.charter.yaml"], "url": ".pmo/project.schema.json" }`;
  if (node.type !== 'array') return out.add('settings/invalid-value', node, `${name} must be a list; ${shape}.`);
  for (const item of node.children ?? []) {
    const fileMatch = member(item, 'fileMatch');
    const url = member(item, 'url');
    const fileMatchOk = fileMatch && (fileMatch.type === 'string' || (fileMatch.type === 'array' && (fileMatch.children ?? []).length > 0 && (fileMatch.children ?? []).every((c) => c.type === 'string')));
    if (item.type !== 'object' || !fileMatchOk || !url || url.type !== 'string' || !url.value) {
      out.add('settings/invalid-value', item, `This ${name} entry is ignored: ${shape}.`);
    }
  }
}

function checkPolicy(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'object') return out.add('settings/invalid-value', node, `${name} must be an object of policy values, like { "reportingCadenceDays": 14 }.`);
  const validate = out.registry?.fragment(`${builtinSchemaId('Portfolio')}#/properties/policy`);
  if (!validate) return;
  const value = valueOf(node);
  if (validate(value)) return;
  for (const error of (validate.errors ?? []) as ErrorObject[]) {
    const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const target = at(node, path) ?? node;
    const where = [name, ...path].join('.');
    out.add('settings/invalid-value', target, `${where} ${policyProblem(error)}; the policy keeps its other value for it.`);
  }
}

function policyProblem(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(params.type).split(',').map(describeType).join(' or ')}`;
    case 'additionalProperties':
      return `has no key "${String(params.additionalProperty)}"`;
    case 'required':
      return `needs "${String(params.missingProperty)}"`;
    default:
      return error.message ?? 'is not valid';
  }
}

function checkAsOf(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'string' || !isIsoDate(node.value as string)) out.add('settings/invalid-value', node, `${name} must be a real day written as YYYY-MM-DD, like "2027-03-31"; until then date rules use today.`);
}

function stringList(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'array' || !(node.children ?? []).every((c) => c.type === 'string')) out.add('settings/invalid-value', node, `${name} must be a list of globs, like ["**/*.charter.yaml"]; the default is used instead.`);
}

function checkRulesets(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'array' || !(node.children ?? []).every((c) => c.type === 'string' && c.value)) {
    out.add('settings/invalid-value', node, `${name} must be a list of ruleset paths or URLs, like ["pmo/acme.ruleset.yaml"]; no ruleset is used until it is.`);
  }
}

/** `charter.templates`: a list of `{ name, path }`, each entry that is not one is skipped. */
function checkTemplates(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'array') {
    out.add('settings/invalid-value', node, `${name} must be a list of { "name": ..., "path": ... }; no template is offered until it is.`);
    return;
  }
  for (const entry of node.children ?? []) {
    const keys = new Map((entry.type === 'object' ? (entry.children ?? []) : []).map((p) => [p.children?.[0]?.value as string, p.children?.[1]]));
    const ok = (key: string) => keys.get(key)?.type === 'string' && !!keys.get(key)?.value;
    if (!ok('name') || !ok('path')) out.add('settings/invalid-value', entry, `Each entry of ${name} names a template and the path of its YAML, like { "name": "standard", "path": "pmo/standard.template.yaml" }; this one is skipped.`);
  }
}

function sizeInKB(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'number' || !((node.value as number) >= 1)) out.add('settings/invalid-value', node, `${name} must be a number of kilobytes, 1 or more, like 512; the default (256) is used instead.`);
}

function boolean(node: JsonNode, name: string, out: Reporter): void {
  if (node.type !== 'boolean') out.add('settings/invalid-value', node, `${name} must be true or false; the default is used instead.`);
}

function oneOf(values: readonly string[]): ValueCheck {
  return (node, name, out) => {
    if (node.type === 'string' && values.includes(node.value as string)) return;
    const nearest = typeof node.value === 'string' ? nearestWord(node.value, values) : undefined;
    out.add('settings/invalid-value', node, `${name} must be one of ${values.join(', ')}; the default is used instead.${nearest ? ` Did you mean "${nearest}"?` : ''}`);
  };
}

/** A short form (`warn`, `err`) or a near spelling. */
function nearestWord(input: string, words: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  return (lower.length >= 3 ? words.find((w) => w.startsWith(lower)) : undefined) ?? didYouMean(input, words);
}

function member(object: JsonNode, key: string): JsonNode | undefined {
  if (object.type !== 'object') return undefined;
  return object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

function at(node: JsonNode, path: string[]): JsonNode | undefined {
  let current: JsonNode | undefined = node;
  for (const part of path) {
    if (!current) return undefined;
    current = current.type === 'array' ? current.children?.[Number(part)] : member(current, part);
  }
  return current;
}

function valueOf(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).filter((p) => p.children?.length === 2).map((p) => [String(p.children![0].value), valueOf(p.children![1])]));
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}
