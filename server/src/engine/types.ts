// The vocabulary shared by every engine module, the language server and the CLI.
// Positions follow LSP: 0-based lines, characters counted in UTF-16 code units.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** `area/name`, e.g. `schema/enum`, `budget/breakdown-sums`. */
export type RuleId = string;

/** The kinds of charter document: the table in model/documentKinds.ts. */
export type { DocumentKind } from './model/documentKinds';

/** A text replacement, in the coordinates of the file it edits. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /**
   * Safe: the only reasonable repair, applied by fix-all (`source.fixAll.charter`) and `charter check --fix`.
   * A suggestion guesses (one reading of an ambiguous date, a swap of two dates) or inserts a placeholder
   * someone still has to fill in: offered as a quick-fix in the editor, never applied in bulk.
   */
  safe: boolean;
  /** Edits keyed by file URI; most fixes touch only the finding's own file. */
  edits: Record<string, TextEdit[]>;
  /** The fix a user most likely wants (for example the closest did-you-mean). */
  preferred?: boolean;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  /** A repository-relative docs page (`docs/rules/schema.md`) or an absolute URL from `x-docs`. */
  docs: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Where the finding came from when that matters to the reader, e.g. the schema that produced it. */
  origin?: string;
  /** What the rule asks for, for rules the built-in catalogue does not describe (PMO ruleset rules). */
  description?: string;
}
