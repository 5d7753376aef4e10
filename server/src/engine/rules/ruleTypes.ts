// What a governance rule is. A rule is data plus a `check()`: it reads documents (and, for a portfolio
// rule, the workspace index) and reports findings; it never runs workspace code and never does I/O.
// The data (its meta) says everything about the rule without running it: id, default severity, docs
// page, summary, every message it can give, and the policy keys it reads (its options).
import type { DocumentKind, Fix, Range, RelatedLocation, RuleId, Severity } from '../types';
import type { PortfolioQuery, IndexedDocument } from '../workspace/indexTypes';
import type { CharterDocument } from '../model/charterReader';
import type { Policy } from './policy';
import type { ChangeLog } from '../change/changeRecords';
import type { Delta } from '../change/deltas';
import type { DataPath } from '../utils/yamlNodes';
import type { MessageRef } from './messages';
import type { RuleOptions } from './policyOptions';

export interface RuleMeta<M extends string = string> {
  id: RuleId;
  /** The default; `x-severity` and the `charter.rules` setting can change it. */
  severity: Severity;
  /** One sentence: what the rule asks for. Shown in SARIF rule metadata and the docs index. */
  summary: string;
  /** Repository-relative docs page, `docs/rules/<area>/<name>.md`. */
  docs: string;
  /** The document kinds the rule checks. */
  kinds: readonly DocumentKind[];
  /** Message id -> template; `{{name}}` is filled from the data the rule reports (messages.ts). */
  messages: Readonly<Record<M, string>>;
  /** The policy keys the rule reads, with their schema and defaults; absent when it reads none. */
  options?: RuleOptions;
}

/** How a rule reports: where, which of its messages with what data, and any fixes or related places. */
export type Report<M extends string> = (range: Range, message: MessageRef<M>, extras?: ReportExtras) => void;

export interface ReportExtras {
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface DocumentRuleContext<M extends string = string> {
  document: CharterDocument;
  policy: Policy;
  /** The day date rules are evaluated on, `YYYY-MM-DD`. */
  today: string;
  report: Report<M>;
}

export interface PortfolioRuleContext<M extends string = string> {
  /** The document the findings are about; every finding lands in its file. */
  target: IndexedDocument;
  /** The rest of the portfolio. Every read is recorded, so the rule re-runs only when what it read changes. */
  portfolio: PortfolioQuery;
  policy: Policy;
  report: Report<M>;
}

export interface DocumentRule<M extends string = string> extends RuleMeta<M> {
  scope: 'document';
  check(context: DocumentRuleContext<M>): void;
}

export interface PortfolioRule<M extends string = string> extends RuleMeta<M> {
  scope: 'portfolio';
  check(context: PortfolioRuleContext<M>): void;
}

export type Rule = DocumentRule | PortfolioRule;

export interface ChangeRuleContext<M extends string = string> {
  /** The charter as it is on the branch (the head). */
  document: CharterDocument;
  /** The same charter on the base ref: the approved baseline. */
  base: CharterDocument;
  /** The ref the base was read from, for messages. */
  baseRef: string;
  /** What changed, in governance terms. */
  deltas: Delta[];
  /** The `changes:` records new on the branch. */
  log: ChangeLog;
  policy: Policy;
  today: string;
  report: Report<M>;
  /** Related information pointing at a node of the base, saying what it held there. */
  atBase(path: DataPath, message: string): RelatedLocation;
}

/** A rule that compares a charter with its base (`charter check --base`, `charter.baseRef`). */
export interface ChangeRule<M extends string = string> extends RuleMeta<M> {
  scope: 'change';
  check(context: ChangeRuleContext<M>): void;
}

// Identity functions that let TypeScript infer a rule's message ids from its `messages`, so
// `report(range, { messageId: 'typo' })` does not compile.
export const documentRule = <M extends string>(rule: DocumentRule<M>): DocumentRule<M> => rule;
export const portfolioRule = <M extends string>(rule: PortfolioRule<M>): PortfolioRule<M> => rule;
export const changeRule = <M extends string>(rule: ChangeRule<M>): ChangeRule<M> => rule;
