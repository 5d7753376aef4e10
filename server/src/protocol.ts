// Custom messages between the Charter client and server, and the client's commands, declared once and
// imported by both sides: each message is a typed RequestType/NotificationType (its params and result),
// so neither side spells a method name or casts a result (test/unit/protocolMessages.test.ts fails on a
// bare one). The client imports this module and nothing else of server/src (eslint.config.mjs), so what
// it loads from here at run time stays small: vscode-jsonrpc's message types and, from the engine, leaf
// modules that import nothing (test/unit/clientBundle.test.ts); everything else from the engine is a type.
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-jsonrpc';
// The domain's words the client shows (pickers, filters), spelled once in the engine: constants and a typed membership test.
export { FINISHED_STATUSES, GROUP_BY_KEYS, GROUP_BY_LABELS, isOneOf, PROJECT_STATUSES, RAGS, REPORT_FORMAT_LABELS, REPORT_FORMATS } from './engine/model/vocabulary';
import type { ReportFormat } from './engine/model/vocabulary';
import type { GroupBy, Portfolio, PortfolioFilter, PortfolioGroup, PortfolioProject, Rag, SourceLocation } from './engine/portfolio/portfolioTypes';

/** Client to server. Every request answers with its result type or rejects with a message. */
export const Requests = {
  /** Re-check every charter the server knows; returns how many files and findings. */
  validateWorkspace: new RequestType0<ValidateWorkspaceResult, void>('charter/validateWorkspace'),
  /** Forget cached schemas and fetch them again; resolves once open documents are re-validated. */
  refreshSchemas: new RequestType0<RefreshSchemasResult, void>('charter/refreshSchemas'),
  /** Which schema applies to each document of a file, and where it came from (the status bar item). */
  schemaStatus: new RequestType<SchemaStatusParams, SchemaStatusResult, void>('charter/schemaStatus'),
  /** The portfolio model of the whole workspace, grouped and filtered (the tree and the dashboard). */
  portfolio: new RequestType<PortfolioParams, PortfolioResult, void>('charter/portfolio'),
  /** The portfolio rendered as a report (md, html, csv, json) or as the dashboard's page. */
  report: new RequestType<ReportParams, ReportResult, void>('charter/report'),
  /** The PMO's charter templates for a folder (New Charter offers them besides the built-in skeleton). */
  templates: new RequestType<TemplatesParams, TemplateInfo[], void>('charter/templates'),
  /** A new charter's text from a named template. */
  renderTemplate: new RequestType<RenderTemplateParams, RenderTemplateResult, void>('charter/renderTemplate'),
  /** The base text of a charter (change control): for a `file:` URI its base, for a `charter-base:` URI that text. Null when there is none. */
  baseText: new RequestType<BaseTextParams, BaseTextResult | null, void>('charter/baseText'),
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
  workspaceTrust: new NotificationType<WorkspaceTrustParams>('charter/workspaceTrust'),
  /** Server to client: a charter (or its findings) changed, so the portfolio should be asked for again. No params. */
  portfolioChanged: new NotificationType0('charter/portfolioChanged'),
} as const;

/**
 * The web extension (vscode.dev, github.dev): its server runs in a worker with no file system, so the
 * client reads files through VS Code's file system API and hands them over.
 */
export const WebMessages = {
  /** Client to server, notification: the workspace's charter files as they are on disk. */
  workspaceFiles: new NotificationType<WebWorkspaceFilesParams>('charter/web/workspaceFiles'),
  /** Server to client, request: a file's text (a schema inside the workspace). */
  readFile: new RequestType<WebReadFileParams, string, void>('charter/web/readFile'),
} as const;

export interface WebReadFileParams {
  uri: string;
}

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

export type { ReportFormat };

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

/**
 * The commands the client registers (`package.json` contributes the ones a user can run). The server's
 * code actions and code lenses name `showRuleDocs` and `showReferences`, with the arguments below.
 */
export const Commands = {
  validateWorkspace: 'charter.validateWorkspace',
  refreshSchemas: 'charter.refreshSchemas',
  openSchema: 'charter.openSchema',
  showOutput: 'charter.showOutput',
  restartServer: 'charter.restartServer',
  newCharter: 'charter.newCharter',
  openDashboard: 'charter.openDashboard',
  exportReport: 'charter.exportReport',
  compareWithBase: 'charter.compareWithBase',
  portfolioGroupBy: 'charter.portfolio.groupBy',
  portfolioFilter: 'charter.portfolio.filter',
  portfolioRefresh: 'charter.portfolio.refresh',
  portfolioOpen: 'charter.portfolio.open',
  portfolioCopyId: 'charter.portfolio.copyId',
  portfolioRevealInExplorer: 'charter.portfolio.revealInExplorer',
  portfolioCheckProject: 'charter.portfolio.checkProject',
  /** Opens a rule's documentation page. Arguments: {@link ShowRuleDocsArgs}. */
  showRuleDocs: 'charter.showRuleDocs',
  /** Shows locations in the peek view at a position. Arguments: {@link ShowReferencesArgs}. */
  showReferences: 'charter.showReferences',
} as const;

/** The commands only code calls (the server's code actions and lenses); `package.json` contributes every other one. */
export const INTERNAL_COMMANDS: ReadonlyArray<(typeof Commands)[keyof typeof Commands]> = [Commands.showRuleDocs, Commands.showReferences];

export interface WirePosition {
  line: number;
  character: number;
}

export interface WireLocation {
  uri: string;
  range: { start: WirePosition; end: WirePosition };
}

/** `charter.showRuleDocs`: the page's address (a bundled `file:` Markdown page or a URL), then the rule id. */
export type ShowRuleDocsArgs = [href: string, rule: string];

/** `charter.showReferences`: the document and position the peek opens at, then the locations it lists. */
export type ShowReferencesArgs = [uri: string, position: WirePosition, locations: WireLocation[]];

/** A command as LSP carries it, with its arguments typed by the command. */
export interface TypedCommand<A extends unknown[]> {
  title: string;
  command: string;
  arguments: A;
}

export function showRuleDocsCommand(title: string, ...args: ShowRuleDocsArgs): TypedCommand<ShowRuleDocsArgs> {
  return { title, command: Commands.showRuleDocs, arguments: args };
}

export function showReferencesCommand(title: string, ...args: ShowReferencesArgs): TypedCommand<ShowReferencesArgs> {
  return { title, command: Commands.showReferences, arguments: args };
}

/** `charter.newCharter`'s argument (none: prompt for everything). */
export interface NewCharterArgs {
  /** Project id, lower-case words joined by hyphens. */
  id?: string;
  title?: string;
  /** A Programme id; omitted from the charter when empty. */
  programme?: string;
  /** Where to write `<id>.charter.yaml`: a path or a file URI. Default: `projects/` of the first workspace folder if it exists, else the folder itself. */
  folder?: string;
  /** A PMO template's name (`charter.templates`, templates of a ruleset); the built-in skeleton when absent. */
  template?: string;
  /** Open the new file in an editor (default true). */
  open?: boolean;
  /** true: prompt for what is missing. Otherwise (any arguments given) never prompt: the id defaults to `new-project`, the title to one made from the id, no programme. */
  interactive?: boolean;
}

// Pure helpers the client runs itself (tooltips, New Charter's prompts and skeleton): leaf modules of the
// engine, re-exported so that the client imports this module only.
export { markdownCode, markdownText } from './engine/utils/escape';
export { charterSkeleton, titleFromId, validateProjectId } from './engine/services/newCharter';

/** `charter.exportReport`'s argument (none: prompt for everything). */
export interface ExportReportArgs {
  format?: ReportFormat;
  /** Where to write: a path or a file URI. Default: `portfolio-report.<format>` in the first workspace folder. */
  out?: string;
  groupBy?: GroupBy;
  /** Open the written report (default: only when run interactively). */
  open?: boolean;
  /** true: prompt for the format and location. Otherwise (any arguments given) never prompt: the format defaults to `md`. */
  interactive?: boolean;
}
