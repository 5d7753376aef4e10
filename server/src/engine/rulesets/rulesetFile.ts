// Reads a ruleset file (YAML) into rules and templates, or says in one sentence why it cannot be used.
// Every rule, path and function option is checked here, so a ruleset that loads cannot fail later.
import { parse as parseYaml } from 'yaml';
import type { DocumentKind, Severity } from '../types';
import { DOCUMENT_KINDS } from '../model/documentKinds';
import { FUNCTIONS, NESTED_CONDITION } from './functions/index';
import { isRecord, parseJsonPath } from './jsonPath';
import type { Check, Ruleset, RulesetRule, TemplateEntry } from './rulesetTypes';
import type { Result } from '../utils/result';

/** A ruleset is configuration, not data: these bounds keep a hostile one from costing much. */
export const MAX_RULESET_BYTES = 1_000_000;
const MAX_RULES = 500;
const MAX_CHECKS = 20;
const MAX_NESTING = 3;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const RULE_ID = /^pmo\/[a-z0-9]+(?:[-.][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-.][a-z0-9]+)*)*$/;
const TOP_LEVEL = ['apiVersion', 'kind', 'id', 'title', 'rules', 'templates'];
const RULE_KEYS = ['id', 'description', 'message', 'severity', 'docs', 'kinds', 'given', 'when', 'then', 'tiers'];

class RulesetError extends Error {}

/**
 * `uri` is where the text came from (relative `docs` and template paths resolve against it),
 * `label` how the user named it.
 */
export function readRuleset(text: string, uri: string, label: string): Result<{ ruleset: Ruleset }> {
  try {
    return { ok: true, ruleset: read(text, uri, label) };
  } catch (e) {
    // The reader throws RulesetError for what is wrong with the file, mapped to a reason here only.
    if (e instanceof RulesetError) return { ok: false, reason: e.message };
    throw e;
  }
}

function read(text: string, uri: string, label: string): Ruleset {
  if (text.length > MAX_RULESET_BYTES) fail(`it is larger than ${MAX_RULESET_BYTES / 1_000_000} MB`);
  let raw: unknown;
  try {
    raw = parseYaml(text.replace(/^\uFEFF/, ''), { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: 100, prettyErrors: false });
  } catch (e) {
    fail(`it is not valid YAML (${firstLine((e as Error).message)})`);
  }
  if (!isRecord(raw)) fail('it is not a YAML mapping with "rules" (and optionally "templates")');
  if (raw.kind !== undefined && raw.kind !== 'Ruleset') fail(`its kind is "${String(raw.kind)}", not "Ruleset"`);
  unknownKeys(raw, TOP_LEVEL, 'the ruleset');
  if (raw.rules !== undefined && !Array.isArray(raw.rules)) fail('"rules" is not a list');
  if (raw.templates !== undefined && !Array.isArray(raw.templates)) fail('"templates" is not a list');
  const rawRules = (raw.rules as unknown[] | undefined) ?? [];
  if (rawRules.length > MAX_RULES) fail(`it has more than ${MAX_RULES} rules`);
  const rules: RulesetRule[] = [];
  const ids = new Set<string>();
  rawRules.forEach((r, i) => {
    const rule = readRule(r, i, uri);
    if (ids.has(rule.id)) fail(`rule ${rule.id} is defined twice`);
    ids.add(rule.id);
    rules.push(rule);
  });
  const templates = ((raw.templates as unknown[] | undefined) ?? []).map((t, i) => readTemplate(t, i, uri));
  return { uri, label, rules, templates };
}

function readRule(raw: unknown, index: number, uri: string): RulesetRule {
  const where = `rule ${index + 1}`;
  if (!isRecord(raw)) fail(`${where} is not a mapping`);
  const id = raw.id;
  if (typeof id !== 'string' || !RULE_ID.test(id)) fail(`${where} has no id of the form pmo/<name> (lowercase words joined by "-", e.g. pmo/business-case-link)`);
  const at = `rule ${id}`;
  unknownKeys(raw, RULE_KEYS, at);
  if (typeof raw.description !== 'string' || !raw.description.trim()) fail(`${at} has no "description"`);
  if (raw.message !== undefined && typeof raw.message !== 'string') fail(`${at}: "message" is not a text`);
  const severity = raw.severity ?? 'warning';
  if (!SEVERITIES.includes(severity as Severity)) fail(`${at}: "severity" is not one of ${SEVERITIES.join(', ')}`);
  const kinds = raw.kinds ?? ['Project'];
  if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every((k) => DOCUMENT_KINDS.includes(k as DocumentKind))) fail(`${at}: "kinds" is a list of ${DOCUMENT_KINDS.join(', ')}`);
  const parsed = typeof raw.given === 'string' ? parseJsonPath(raw.given) : ({ ok: false, reason: `${at} has no "given" path` } as const);
  if (!parsed.ok) fail(`${at}: "given" ${parsed.reason}`);
  const given = parsed.path;
  if (given.text.startsWith('@')) fail(`${at}: "given" starts at the document, with "$"`);
  const when = readChecks(raw.when ?? [], `${at}, "when"`, 0);
  const then = readChecks(raw.then, `${at}, "then"`, 0);
  if (then.length === 0) fail(`${at} has no "then" check`);
  return {
    id,
    description: raw.description.trim(),
    message: raw.message as string | undefined,
    severity: severity as Severity,
    docs: readDocs(raw.docs, uri, at),
    kinds: kinds as DocumentKind[],
    given,
    when,
    then,
    tiers: readNames(raw.tiers, `${at}: "tiers"`),
  };
}

/** One check or a list of them. */
export function readChecks(raw: unknown, at: string, depth: number): Check[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length > MAX_CHECKS) fail(`${at} has more than ${MAX_CHECKS} checks`);
  return list.map((c, i) => readCheck(c, list.length > 1 ? `${at} ${i + 1}` : at, depth));
}

function readCheck(raw: unknown, at: string, depth: number): Check {
  if (!isRecord(raw)) fail(`${at} is not a mapping with "function"`);
  unknownKeys(raw, ['function', 'functionOptions', 'options', 'field', 'path'], at);
  const name = raw.function;
  const fn = typeof name === 'string' ? FUNCTIONS.get(name) : undefined;
  if (!fn) fail(`${at}: "${String(name)}" is not a Charter ruleset function (use one of ${[...FUNCTIONS.keys()].join(', ')})`);
  const rawOptions = raw.options ?? raw.functionOptions ?? {};
  if (!isRecord(rawOptions)) fail(`${at}: "options" is not a mapping`);
  const options = { ...rawOptions };
  if (NESTED_CONDITION.has(fn.name) && options.where !== undefined) {
    if (depth >= MAX_NESTING) fail(`${at}: conditions nest more than ${MAX_NESTING} deep`);
    const nested = readChecks(options.where, `${at}, "where"`, depth + 1);
    if (nested.length === 0) fail(`${at}: "where" is empty`);
    options.where = nested;
  }
  const problem = fn.checkOptions(options);
  if (problem) fail(`${at} (${fn.name}): ${problem}`);
  const check: Check = { function: fn.name, options };
  if (raw.field !== undefined && raw.path !== undefined) fail(`${at} has both "field" and "path"; use one`);
  if (raw.field !== undefined) {
    const field = typeof raw.field === 'string' ? parseJsonPath(`@${raw.field.startsWith('[') ? '' : '.'}${raw.field}`) : ({ ok: false, reason: 'is not a text' } as const);
    if (!field.ok) fail(`${at}: "field" ${field.reason}`);
    check.field = field.path;
  }
  if (raw.path !== undefined) {
    const path = typeof raw.path === 'string' ? parseJsonPath(raw.path) : ({ ok: false, reason: 'is not a text' } as const);
    if (!path.ok) fail(`${at}: "path" ${path.reason}`);
    check.path = path.path;
  }
  return check;
}

function readTemplate(raw: unknown, index: number, uri: string): TemplateEntry {
  const at = `template ${index + 1}`;
  if (!isRecord(raw)) fail(`${at} is not a mapping`);
  unknownKeys(raw, ['name', 'description', 'path', 'tiers'], at);
  if (typeof raw.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(raw.name)) fail(`${at} has no "name" (lowercase words joined by "-")`);
  if (typeof raw.path !== 'string' || !raw.path) fail(`template ${raw.name} has no "path" to its YAML file`);
  if (raw.description !== undefined && typeof raw.description !== 'string') fail(`template ${raw.name}: "description" is not a text`);
  return { name: raw.name, description: raw.description as string | undefined, uri: resolveAgainst(raw.path, uri), tiers: readNames(raw.tiers, `template ${raw.name}: "tiers"`) };
}

function readDocs(raw: unknown, uri: string, at: string): string {
  if (raw === undefined) return uri;
  if (typeof raw !== 'string' || !raw) fail(`${at}: "docs" is not a link`);
  const resolved = resolveAgainst(raw, uri);
  if (!/^(https?|file):/i.test(resolved)) fail(`${at}: "docs" is not an https link or a path next to the ruleset`);
  return resolved;
}

function readNames(raw: unknown, at: string): string[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((t) => typeof t === 'string' && t)) fail(`${at} is a list of tier names`);
  return list as string[];
}

/** A path written in a ruleset, relative to the ruleset itself. */
export function resolveAgainst(target: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return target;
  try {
    return new URL(target, base).href;
  } catch {
    return target;
  }
}

function unknownKeys(raw: Record<string, unknown>, allowed: readonly string[], at: string): void {
  const extra = Object.keys(raw).find((k) => !allowed.includes(k));
  if (extra !== undefined) fail(`${at} has an unknown key "${extra}" (allowed: ${allowed.join(', ')})`);
}

function fail(reason: string): never {
  throw new RulesetError(reason);
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}
