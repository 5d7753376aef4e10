// What a PMO ruleset is, once read: declarative rules (a path, a condition, checks from a fixed function
// library, a message template) and named charter templates. Nothing in it is ever executed as code.
import type { IdNamespace } from '../model/documentKinds';
import type { DocumentKind, Severity } from '../types';
import type { DataPath } from '../utils/yamlNodes';
import type { JsonPath } from './jsonPath';
import type { Conversion } from '../rules/fx';

export type FunctionOptions = Record<string, unknown>;

/** One use of a library function: on the rule's node, on a `field` under it, or at an absolute `path`. */
export interface Check {
  function: string;
  options: FunctionOptions;
  /** Relative to the node being checked (`owner`, `links[*].type`). */
  field?: JsonPath;
  /** From the document root (`$.budget.currency`). */
  path?: JsonPath;
}

export interface RulesetRule {
  id: string;
  description: string;
  message?: string;
  severity: Severity;
  /** An absolute URL (an `https:` page, or the ruleset file itself when the rule names none). */
  docs: string;
  kinds: DocumentKind[];
  given: JsonPath;
  /** All must hold for the rule to apply to a node. */
  when: Check[];
  /** Each that fails is one finding. */
  then: Check[];
  /** The policy tiers the rule applies to; every tier when empty. */
  tiers: string[];
}

export interface TemplateEntry {
  name: string;
  description?: string;
  /** Absolute URI of the template's YAML text. */
  uri: string;
  tiers: string[];
}

export interface Ruleset {
  /** Where it was read from: a `file:` or `https:` URI, or `builtin:<name>`. */
  uri: string;
  /** How the user wrote it (`pmo/acme.ruleset.yaml`), for messages. */
  label: string;
  rules: RulesetRule[];
  templates: TemplateEntry[];
}

/** What a library function may know besides the value it checks. Everything is pure data or a pure query. */
export interface FunctionContext {
  /** The whole document the rule runs on. */
  root: unknown;
  /** Where the checked value sits in the document. */
  at: DataPath;
  /** `YYYY-MM-DD`: the day date checks are evaluated on. */
  today: string;
  /** What else a result depends on (the policy's rates, the day): part of every memo key. */
  policyKey: string;
  /** Converts an amount to the policy's base currency, or says why it cannot. */
  toBase(amount: bigint, currency: string | undefined): Conversion;
  /** The other documents of the workspace, for `references` and `portfolio`. */
  workspace: RulesetWorkspace;
  /** Whether a check holds for a value (nested conditions in `count` and `portfolio`). */
  holds(check: Check, value: unknown, root: unknown, at: DataPath): boolean;
}

export interface RulesetWorkspace {
  /** Whether the workspace holds a document of this kind at all: references are checked only then. */
  hasKind(kind: DocumentKind): boolean;
  /** Ids of a namespace: project, programme, person ids and strategic objective ids. */
  ids(namespace: IdNamespace): ReadonlySet<string>;
  /** The plain values of every document of a kind in the workspace. */
  values(kind: DocumentKind): unknown[];
  /** A result computed once until the workspace changes (portfolio aggregates per group). */
  memo<T>(key: string, compute: () => T): T;
}

export interface RulesetFunction {
  name: string;
  /** What is wrong with the options, or undefined; checked when the ruleset loads. */
  checkOptions(options: FunctionOptions): string | undefined;
  /**
   * Undefined when the value passes; otherwise why not, as a phrase a message can use
   * (`{{reason}}`). Absent values pass every function but `defined` and `truthy`.
   */
  evaluate(value: unknown, options: FunctionOptions, context: FunctionContext): string | undefined;
}
