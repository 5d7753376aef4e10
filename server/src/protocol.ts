// Custom messages between the Charter client and server, declared once and imported by both sides.
// Only types and string constants live here: no runtime dependency on either side.
// The domain's words the client shows (pickers, filters), spelled once in the engine: constants and a typed membership test.
export { FINISHED_STATUSES, GROUP_BY_KEYS, GROUP_BY_LABELS, isOneOf, PROJECT_STATUSES, RAGS, REPORT_FORMAT_LABELS, REPORT_FORMATS } from './engine/model/vocabulary';
import type { ReportFormat } from './engine/model/vocabulary';
import type { GroupBy, Portfolio, PortfolioFilter, PortfolioGroup, PortfolioProject, Rag, SourceLocation } from './engine/portfolio/portfolioTypes';

export const Requests = {
  /** Re-check every charter the server knows; returns how many files and findings. */
  validateWorkspace: 'charter/validateWorkspace',
  /** Forget cached schemas and fetch them again; resolves once open documents are re-validated. */
  refreshSchemas: 'charter/refreshSchemas',
  /** Which schema applies to each document of a file, and where it came from (the status bar item). */
  schemaStatus: 'charter/schemaStatus',
  /** The portfolio model of the whole workspace, grouped and filtered (the tree and the dashboard). */
  portfolio: 'charter/portfolio',
  /** The portfolio rendered as a report (md, html, csv, json) or as the dashboard's page. */
  report: 'charter/report',
  /** The PMO's charter templates for a folder (New Charter offers them besides the built-in skeleton). */
  templates: 'charter/templates',
  /** A new charter's text from a named template. */
  renderTemplate: 'charter/renderTemplate',
  /** The base text of a charter (change control): for a `file:` URI its base, for a `charter-base:` URI that text. Null when there is none. */
  baseText: 'charter/baseText',
} as const;

export interface TemplatesParams {
  /** The workspace folder the new charter goes into. */
  folderUri: string;
}

export interface TemplateInfo {
  name: string;
  description?: string;
  tiers: string[];
  from: string;
}

export interface RenderTemplateParams {
  folderUri: string;
  name: string;
  id: string;
  title: string;
  programme?: string;
  manager?: string;
}

export interface RenderTemplateResult {
  text: string;
}

export const Notifications = {
  /** Client to server: the workspace was trusted (or not). Untrusted: no downloads, no schema from outside the workspace. */
  workspaceTrust: 'charter/workspaceTrust',
  /** Server to client: a charter (or its findings) changed, so the portfolio should be asked for again. No params. */
  portfolioChanged: 'charter/portfolioChanged',
} as const;

/**
 * The web extension (vscode.dev, github.dev): its server runs in a worker with no file system, so the
 * client reads files through VS Code's file system API and hands them over.
 */
export const WebMessages = {
  /** Client to server, notification: the workspace's charter files as they are on disk. */
  workspaceFiles: 'charter/web/workspaceFiles',
  /** Server to client, request: a file's text (a schema inside the workspace); `{ uri }` in, the text out. */
  readFile: 'charter/web/readFile',
} as const;

export interface WebWorkspaceFilesParams {
  files: Array<{ uri: string; text: string }>;
}

export interface WebInitializationOptions {
  /** Where rule docs are linked from (a site that publishes `docs/`); default https://charter.dev/. */
  docsRoot?: string;
}

export interface PortfolioParams {
  /** Default: the `charter.portfolio.groupBy` setting. */
  groupBy?: GroupBy;
  filter?: PortfolioFilter;
}

export interface PortfolioResult {
  /** Every project of the workspace, unfiltered, with its findings. */
  portfolio: Portfolio;
  groupBy: GroupBy;
  /** The filtered projects, grouped, with roll-ups. */
  groups: PortfolioGroup[];
}

export type { GroupBy, Portfolio, PortfolioFilter, PortfolioGroup, PortfolioProject, Rag, SourceLocation };

export type { ReportFormat } from './engine/model/vocabulary';

export interface ReportParams {
  /** A report format, or `dashboard` for the dashboard webview's page. */
  format: ReportFormat | 'dashboard';
  /** Default: the `charter.portfolio.groupBy` setting. */
  groupBy?: GroupBy;
}

/** The dashboard's page: its body and its styles (in VS Code's theme variables). */
export interface DashboardPage {
  body: string;
  css: string;
}

export interface ReportResult {
  /** The report's text; for `dashboard`, the page body. */
  content: string;
  /** For `dashboard`: the page's styles. */
  css?: string;
}

/** What the client passes as `initializationOptions`. */
export interface CharterInitializationOptions {
  /** Where downloaded schemas are cached (the extension's global storage). */
  schemaCacheDir?: string;
  /** VS Code's workspace trust; trusted when absent. */
  workspaceTrusted?: boolean;
  /**
   * Where the server keeps its findings cache (the extension's workspace storage), so a restart does not
   * parse unchanged files again; no cache when absent.
   */
  findingsCacheDir?: string;
}

export interface BaseTextParams {
  uri: string;
}

export interface BaseTextResult {
  text: string;
  /** The base ref, as named in findings (`origin/main`, `HEAD`, the setting). */
  ref: string;
  /** The file's path at the base, repository-relative. */
  path: string;
  /** The `charter-base:` URI of the text. */
  uri: string;
}

export interface WorkspaceTrustParams {
  trusted: boolean;
}

export interface SchemaStatusParams {
  uri: string;
}

export interface SchemaStatusResult {
  uri: string;
  /** One entry per YAML document in the file that a schema applies to. */
  schemas: DocumentSchemaStatus[];
}

export interface DocumentSchemaStatus {
  /** The document's index in the file (0 for the first). */
  document: number;
  /** How findings name the schema: `.pmo/project.schema.json`, a URL, `built-in Project schema`. */
  label: string;
  source: 'modeline' | 'property' | 'setting' | 'builtin';
  /** Where it came from, in words: `the charter.schemas setting`. */
  sourceDescription: string;
  /** The schema's URI (a built-in schema's `$id`). */
  uri: string;
  /** What to open to show the schema: a file URI (the schema, a cached copy, the bundled built-in) or a URL. */
  openUri: string;
  /** `cached`: a saved copy stands in for a download that failed. */
  state: 'ready' | 'cached' | 'unavailable' | 'untrusted';
  /** Why, when the state is not `ready`. */
  detail?: string;
}

export interface ValidateWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

export interface RefreshSchemasResult {
  refreshed: number;
}
