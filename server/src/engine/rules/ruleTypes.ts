// What a governance rule is. A rule is data plus a `check()`: it reads documents (and, for a portfolio
// rule, the workspace index) and reports findings; it never runs workspace code and never does I/O.
import type { DocumentKind, Fix, Range, RelatedLocation, RuleId, Severity } from '../types';
import type { PortfolioQuery, IndexedDocument } from '../workspace/indexTypes';
import type { CharterDocument } from '../model/charterReader';
import type { Policy } from './policy';
import type { ChangeLog } from '../change/changeRecords';
import type { Delta } from '../change/deltas';
import type { DataPath } from '../utils/yamlNodes';

export interface RuleMeta {
  id: RuleId;
  /** The default; `x-severity` and the `charter.rules` setting can change it. */
  severity: Severity;
  /** One sentence: what the rule asks for. Shown in SARIF rule metadata and the docs index. */
  summary: string;
  /** Repository-relative docs page, `docs/rules/<area>/<name>.md`. */
  docs: string;
  /** The document kinds the rule checks. */
  kinds: readonly DocumentKind[];
}

export interface ReportExtras {
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface DocumentRuleContext {
  document: CharterDocument;
  policy: Policy;
  /** The day date rules are evaluated on, `YYYY-MM-DD`. */
  today: string;
  report(range: Range, message: string, extras?: ReportExtras): void;
}

export interface PortfolioRuleContext {
  /** The document the findings are about; every finding lands in its file. */
  target: IndexedDocument;
  /** The rest of the portfolio. Every read is recorded, so the rule re-runs only when what it read changes. */
  portfolio: PortfolioQuery;
  policy: Policy;
  report(range: Range, message: string, extras?: ReportExtras): void;
}

export interface DocumentRule extends RuleMeta {
  scope: 'document';
  check(context: DocumentRuleContext): void;
}

export interface PortfolioRule extends RuleMeta {
  scope: 'portfolio';
  check(context: PortfolioRuleContext): void;
}

export type Rule = DocumentRule | PortfolioRule;

export interface ChangeRuleContext {
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
  report(range: Range, message: string, extras?: ReportExtras): void;
  /** Related information pointing at a node of the base, saying what it held there. */
  atBase(path: DataPath, message: string): RelatedLocation;
}

/** A rule that compares a charter with its base (`charter check --base`, `charter.baseRef`). */
export interface ChangeRule extends RuleMeta {
  scope: 'change';
  check(context: ChangeRuleContext): void;
}
