// The words of the domain, spelled once: project statuses, RAG colours, how the portfolio groups and
// exports, what a severity setting may say. The engine, the server, the CLI and (through the protocol
// module) the client import them from here. Where the product's manifest or a schema must repeat one
// (`package.json` enums and defaults, the project schema's `status` enum), a test compares them with
// this module, so they cannot drift apart. The default file globs are per document kind: kinds/kindTable.ts.
// Plain constants only: the client bundles this module.

/** Where a project stands in its life, in lifecycle order (the project schema's `status` enum). */
export const PROJECT_STATUSES = ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A project is live while work is approved and not finished; `policy.liveStatuses` may say otherwise. */
export const DEFAULT_LIVE_STATUSES: readonly ProjectStatus[] = ['approved', 'active', 'on-hold'];

/** Finished projects are history: nothing about delivery is asked of them. */
export const FINISHED_STATUSES: readonly ProjectStatus[] = ['closed', 'cancelled'];

/** A status report's overall rating, greenest first (the schemas' `$defs/rag`). */
export const RAGS = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAGS)[number];

/** A milestone without a `status` is planned. */
export const DEFAULT_MILESTONE_STATUS = 'planned';

/** What the portfolio view and `charter report --group-by` group projects on, with the words the pickers show. */
export const GROUP_BY_KEYS = ['programme', 'status', 'rag', 'sponsor', 'manager', 'phase'] as const;
export type GroupBy = (typeof GROUP_BY_KEYS)[number];
export const GROUP_BY_LABELS: Readonly<Record<GroupBy, string>> = {
  programme: 'Programme',
  status: 'Status',
  rag: 'RAG',
  sponsor: 'Sponsor',
  manager: 'Manager',
  phase: 'Phase',
};
export const DEFAULT_GROUP_BY: GroupBy = 'programme';

/** The formats a portfolio report is rendered in (`charter report --format`, Export Portfolio Report). */
export const REPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_FORMAT_LABELS: Readonly<Record<ReportFormat, { label: string; description: string }>> = {
  md: { label: 'Markdown', description: 'summary table, roll-ups, Mermaid gantt' },
  html: { label: 'HTML', description: 'one self-contained file with the charts' },
  csv: { label: 'CSV', description: 'one row per project' },
  json: { label: 'JSON', description: 'the portfolio model' },
};

/** What `charter.rules` may set a rule to. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;

/** Never read as charter documents, whatever the include globs say. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.git/**'];

/** Whether a string is one of a vocabulary's words (a typed `includes`). */
export function isOneOf<T extends string>(words: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (words as readonly string[]).includes(value);
}
