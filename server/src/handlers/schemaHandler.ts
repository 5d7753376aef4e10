// Schemas on the LSP side: the cache folder and workspace trust from the client, watching schema files,
// "Refresh Schemas", one notification per broken schema, and which schema applies (the status bar).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  WatchKind,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import type { CharterLanguageService } from '../engine/languageService';
import { SOURCE_WORDS, type SchemaAssignment } from '../engine/schema/schemaAssociation';
import type { SchemaProblem } from '../engine/schema/schemaService';
import {
  Notifications,
  Requests,
  type CharterInitializationOptions,
  type DocumentSchemaStatus,
  type RefreshSchemasResult,
  type SchemaStatusParams,
  type SchemaStatusResult,
  type WorkspaceTrustParams,
} from '../protocol';
import type { SchemaFetcher } from '../schemaRequest';
import type { SettingsCache } from './settingsCache';
import type { FindingsPublisher } from './findingsPublisher';
import type { WorkspaceFolders } from './workspaceFolders';

/** Where the bundled built-in schemas live: `dist/server.js` sits one folder below the extension's root. */
const BUILTIN_SCHEMA_DIR = path.resolve(__dirname, '..', 'schemas');

export class SchemaHandler {
  /** Schemas the user was already told about, by URI and state: one notification each. */
  private readonly notified = new Set<string>();
  private readonly watched = new Set<string>();
  private canWatch = false;
  private relativePatterns = false;
  private readonly trustListeners: Array<(trusted: boolean) => void> = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: CharterLanguageService,
    private readonly fetcher: SchemaFetcher,
    private readonly publisher: FindingsPublisher,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
  ) {}

  /** VS Code's workspace trust, as the client last said. Untrusted: no downloads, no git. */
  trusted = true;

  initialize(params: InitializeParams): void {
    const options = (params.initializationOptions ?? {}) as CharterInitializationOptions;
    if (typeof options.schemaCacheDir === 'string' && options.schemaCacheDir) this.fetcher.configure({ cacheDir: options.schemaCacheDir });
    this.trusted = options.workspaceTrusted !== false;
    this.service.setWorkspaceTrust(this.trusted);
    const watching = params.capabilities.workspace?.didChangeWatchedFiles;
    this.canWatch = !!watching?.dynamicRegistration;
    this.relativePatterns = !!watching?.relativePatternSupport;
  }

  /** The workspace was trusted (or not), as the client said. */
  onDidChangeTrust(listener: (trusted: boolean) => void): void {
    this.trustListeners.push(listener);
  }

  private changed(): void {
    this.publisher.scheduleAll();
  }

  listen(): void {
    this.connection.onNotification(Notifications.workspaceTrust, (params: WorkspaceTrustParams) => {
      this.trusted = params.trusted !== false;
      this.service.setWorkspaceTrust(this.trusted);
      this.notified.clear();
      for (const listener of this.trustListeners) listener(params.trusted !== false);
      this.changed();
    });
    this.connection.onRequest(Requests.refreshSchemas, () => this.refresh());
    this.connection.onRequest(Requests.schemaStatus, (params: SchemaStatusParams) => this.status(params.uri));
  }

  /** Every schema read goes through here: a file schema gets watched (even a missing one, so creating it counts). */
  beforeRead(uri: string): void {
    if (!uri.startsWith('file:') || this.watched.has(uri) || !this.canWatch) return;
    this.watched.add(uri);
    const file = URI.parse(uri);
    const folder = this.folders.folderOf(uri);
    const globPattern = this.relativePatterns
      ? { baseUri: Utils.dirname(file).toString(), pattern: Utils.basename(file) }
      : folder
        ? decodeURIComponent(uri.slice(folder.length + 1))
        : `**/${Utils.basename(file)}`;
    void this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }] })
      .catch((e: unknown) => this.connection.console.warn(`Cannot watch the schema ${file.fsPath}: ${(e as Error).message}`));
  }

  /** Schema files changed on disk: drop what was loaded from them and re-check open documents. */
  filesChanged(changes: FileEvent[]): void {
    let affected = false;
    for (const change of changes) affected = this.service.forgetSchemas(change.uri) || affected;
    if (affected) this.changed();
  }

  /** `charter.*` settings changed: associations may point elsewhere, downloads may be on or off. */
  configurationChanged(): void {
    this.service.forgetSchemas();
    this.notified.clear();
  }

  /** A schema failed to load (or was skipped as untrusted): say so once; the findings say it per document. */
  reportProblem(problem: SchemaProblem): void {
    const key = `${problem.state}\u0000${problem.uri}`;
    if (this.notified.has(key)) return;
    this.notified.add(key);
    // window/showMessage, a notification: nothing waits for the user to dismiss it.
    void this.connection.sendNotification(
      ShowMessageNotification.type,
      problem.state === 'untrusted'
        ? { type: MessageType.Info, message: `Charter: the schema ${problem.label} was not loaded: ${problem.reason}. The built-in schemas apply until you trust the workspace.` }
        : { type: MessageType.Error, message: `Charter: the schema ${problem.label} cannot be used: ${problem.reason}. Documents that use it show a schema/unavailable finding on their first line.` },
    );
  }

  async refresh(): Promise<RefreshSchemasResult> {
    const refreshed = this.service.loadedSchemaLocations().length;
    this.fetcher.refresh();
    this.service.forgetSchemas();
    this.notified.clear();
    this.publisher.scheduleAll();
    await Promise.all(this.documents.all().map((d) => this.publisher.check(d.uri)));
    return { refreshed };
  }

  async status(uri: string): Promise<SchemaStatusResult> {
    const document = this.documents.get(uri);
    if (!document) return { uri, schemas: [] };
    const settings = await this.settings.get(uri);
    const file = this.service.parse(uri, document.getText(), document.version);
    const described = await this.service.describeSchemas(file, { relativePath: this.folders.relativePath(uri), settings, folderUri: this.folders.folderOf(uri) });
    return {
      uri,
      schemas: described.map((d): DocumentSchemaStatus => {
        const state = d.state.state === 'ready' ? (d.state.cached.length > 0 ? 'cached' : 'ready') : d.state.state;
        const detail = d.state.state === 'ready' ? d.state.cached.map((c) => c.reason).join('; ') || undefined : d.state.reason;
        return {
          document: d.document,
          label: d.assignment.label,
          source: d.assignment.source,
          sourceDescription: SOURCE_WORDS[d.assignment.source],
          uri: d.assignment.uri,
          openUri: this.openUri(d.assignment),
          state,
          detail,
        };
      }),
    };
  }

  private openUri(assignment: SchemaAssignment): string {
    if (assignment.builtin) {
      const bundled = path.join(BUILTIN_SCHEMA_DIR, `${assignment.builtin.toLowerCase()}.schema.json`);
      return fs.existsSync(bundled) ? pathToFileURL(bundled).href : assignment.uri;
    }
    if (/^https?:/i.test(assignment.uri)) {
      const copy = this.fetcher.cachedCopy(assignment.uri);
      return copy ? pathToFileURL(copy).href : assignment.uri;
    }
    return assignment.uri;
  }
}
