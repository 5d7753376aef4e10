// Runs ruleset rules over one document: for every node the rule's `given` path reaches, when every
// `when` check holds, each `then` check that fails is one finding on the node it checked (or, when that
// node is absent, on the nearest key above it).
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { DocumentKind, Finding } from '../types';
import { locate, ownerKeyRange, valueRange, type DataPath } from '../utils/yamlNodes';
import { FUNCTIONS } from './functions/index';
import { evaluatePath, type PathMatch } from './jsonPath';
import { renderMessage } from './messageTemplate';
import type { Check, FunctionContext, Ruleset, RulesetRule, RulesetWorkspace } from './rulesetTypes';
import { tierOf, type Tier } from './tiers';

/** A rule reports at most this many findings in one document. */
const MAX_FINDINGS_PER_RULE = 200;

export interface RulesetRunContext {
  file: ParsedFile;
  doc: ParsedDocument;
  kind: DocumentKind;
  today: string;
  tiers: Tier[];
  toBase: FunctionContext['toBase'];
  policyKey: string;
  workspace: RulesetWorkspace;
}

/** The places a check looks at, from the node the rule is on. */
function targetsOf(check: Check, match: PathMatch, root: unknown): PathMatch[] {
  if (check.path) return evaluatePath(check.path, root);
  if (check.field) return evaluatePath(check.field, match.value, match.path);
  return [match];
}

/** A function context for one document, with `holds` for nested conditions. */
export function functionContext(root: unknown, run: Pick<RulesetRunContext, 'today' | 'toBase' | 'workspace' | 'policyKey'>): FunctionContext {
  const context: FunctionContext = {
    root,
    at: [],
    today: run.today,
    toBase: run.toBase,
    policyKey: run.policyKey,
    workspace: run.workspace,
    holds: (check, value, checkRoot, at) => firstFailure(check, { path: at, value }, checkRoot, run) === undefined,
  };
  return context;
}

/** Functions that say something about an absent value; every other one is about a value that is there. */
const ABOUT_ABSENCE = new Set(['defined', 'undefined', 'truthy', 'count', 'portfolio']);

/**
 * The first target of a condition (`when`, `where`, a tier) that does not hold, with why; undefined
 * when it holds for every target. A condition about a value's form does not hold when the value is
 * absent: "when the category is regulatory" is false for a charter without a category.
 */
function firstFailure(check: Check, match: PathMatch, root: unknown, run: Pick<RulesetRunContext, 'today' | 'toBase' | 'workspace' | 'policyKey'>): { target: PathMatch; reason: string } | undefined {
  const fn = FUNCTIONS.get(check.function)!;
  const base = functionContext(root, run);
  for (const target of targetsOf(check, match, root)) {
    if (target.value === undefined && !ABOUT_ABSENCE.has(fn.name)) return { target, reason: 'it is missing' };
    const reason = fn.evaluate(target.value, check.options, { ...base, at: target.path });
    if (reason !== undefined) return { target, reason };
  }
  return undefined;
}

/** The tier of a document under the policy's tiers. */
export function documentTier(root: unknown, run: Pick<RulesetRunContext, 'today' | 'toBase' | 'workspace' | 'policyKey' | 'tiers'>): string | undefined {
  return tierOf(run.tiers, (check) => firstFailure(check, { path: [], value: root }, root, run) === undefined);
}

export function runRulesets(rulesets: readonly Ruleset[], run: RulesetRunContext): Finding[] {
  const root = run.doc.value;
  const findings: Finding[] = [];
  let tier: string | undefined | null = null; // computed when a rule asks
  for (const ruleset of rulesets) {
    for (const rule of ruleset.rules) {
      if (!rule.kinds.includes(run.kind)) continue;
      if (rule.tiers.length > 0) {
        if (tier === null) tier = documentTier(root, run);
        if (tier === undefined || !rule.tiers.includes(tier)) continue;
      }
      findings.push(...runRule(rule, ruleset, root, run, tier ?? undefined));
    }
  }
  return findings;
}

function runRule(rule: RulesetRule, ruleset: Ruleset, root: unknown, run: RulesetRunContext, tier: string | undefined): Finding[] {
  const out: Finding[] = [];
  for (const match of evaluatePath(rule.given, root)) {
    if (rule.when.some((check) => firstFailure(check, match, root, run) !== undefined)) continue;
    for (const check of rule.then) {
      const fn = FUNCTIONS.get(check.function)!;
      const base = functionContext(root, run);
      for (const target of targetsOf(check, match, root)) {
        const reason = fn.evaluate(target.value, check.options, { ...base, at: target.path });
        if (reason === undefined) continue;
        out.push({
          rule: rule.id,
          severity: rule.severity,
          message: renderMessage(rule.message, { value: target.value, given: match.value, path: target.path, reason, description: rule.description, rule: rule.id, tier, root }),
          uri: run.file.uri,
          range: rangeOf(run.file, run.doc, target.path, match.path),
          docs: rule.docs,
          origin: `ruleset ${ruleset.label}`,
          description: rule.description,
        });
        if (out.length >= MAX_FINDINGS_PER_RULE) return out;
      }
    }
  }
  return out;
}

/**
 * The node at a path; when it is absent, the key of the nearest node above it, unless that is the
 * document itself: then the rule's `given` node, which says more than the first line would.
 */
function rangeOf(file: ParsedFile, doc: ParsedDocument, path: DataPath, given: DataPath) {
  const located = locate(doc.yaml, path);
  if (located.node === null && !located.pair && located.reached === doc.yaml.contents && given.length > 0 && path !== given) return rangeOf(file, doc, given, given);
  const [start, end] = located.node !== null || located.pair ? valueRange(located, doc.start, file.text) : ownerKeyRange({ node: located.reached, pair: located.reachedPair, reached: located.reached }, doc.start);
  return file.lines.rangeOf(start, end);
}
