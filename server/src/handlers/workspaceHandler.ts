// The whole workspace on the LSP side: index every charter file of every folder at start (in the
// background, with progress), keep the index current from the editor and the file system, and publish
// findings for the files that are not open, so the Problems panel shows the whole portfolio. The
// FindingsPublisher checks and publishes every file, open or closed; this handler tells it what changed
// and gives it the text on disk of the closed ones.
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { readRegularFile, ReadRefused } from '../fileReading';
import { unreadableFileFinding } from '../engine/parser/charterParser';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WatchKind,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { CharterLanguageService } from '../engine/languageService';
import type { CharterSettings } from '../engine/settings';
import type { Finding } from '../engine/types';
import type { IndexChange } from '../engine/workspace/workspaceIndex';
import type { ValidateWorkspaceResult } from '../protocol';
import type { FindingsCacheStore } from './findingsCacheStore';
import type { ClosedFile, FindingsPublisher } from './findingsPublisher';
import type { SettingsCache } from './settingsCache';
import type { FolderState, WorkspaceFolders } from './workspaceFolders';
import type { WorkspaceNotices } from './workspaceNotices';

/** Files read, or closed files validated, between two yields to the event loop. */
const BATCH = 25;

export class WorkspaceHandler {
  /** The text on disk of each indexed file, with a version counter of our own. */
  private readonly disk = new Map<string, ClosedFile>();
  private bulk = false;
  private canWatch = false;
  private relativePatterns = false;
  private watcher: Promise<{ dispose(): void } | undefined> | undefined;
  private ready: Promise<void> = Promise.resolve();
  /** Resolves when the index holds every charter file: until then cross-file findings would be wrong. */
  private indexDone!: Promise<void>;
  private finishIndexing: () => void = () => undefined;
  private indexSettled = true;
  /** Called when `.vscode/settings.json` of a folder changes on disk (clients without workspace/configuration). */
  onSettingsFileChanged: () => void = () => undefined;
  /** The persistent findings cache (in the extension's storage), when the client named a folder for it. */
  cache: FindingsCacheStore | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: CharterLanguageService,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
    private readonly publisher: FindingsPublisher,
    private readonly notices: WorkspaceNotices,
  ) {
    service.workspace.onDidChange((change) => this.indexChanged(change));
    publisher.closedFiles = {
      get: (uri) => (this.service.workspace.has(uri) ? this.disk.get(uri) : undefined),
      uris: () => [...this.disk.keys()].filter((uri) => !this.documents.get(uri) && this.service.workspace.has(uri)),
    };
    this.beginIndexing();
  }

  /** Resolves once the workspace index is complete (at start, and again after each re-index). */
  indexed(): Promise<void> {
    return this.indexDone;
  }

  initialize(params: InitializeParams): void {
    const watching = params.capabilities.workspace?.didChangeWatchedFiles;
    this.canWatch = !!watching?.dynamicRegistration;
    this.relativePatterns = !!watching?.relativePatternSupport;
  }

  /** Indexes every folder in the background; resolves when all files are indexed and published. */
  start(): Promise<void> {
    this.ready = this.ready.then(() => this.reindex());
    return this.ready;
  }

  /** Called after the folder joined WorkspaceFolders. */
  folderAdded(): void {
    void this.start();
  }

  /** Called after the folder left WorkspaceFolders. */
  folderRemoved(uri: string): void {
    const folder = trimSlash(uri);
    for (const file of this.service.workspace.allFiles()) if (file.uri.startsWith(`${folder}/`)) this.forgetFile(file.uri);
  }

  /** Settings changed: the globs may match other files, and every finding may change. */
  configurationChanged(): void {
    // Clients announce the configuration once at start as well; re-index only when it really changed.
    this.ready = this.ready.then(async () => {
      for (const folder of this.folders.states()) {
        if (JSON.stringify(await this.settings.get(folder.uri)) !== folder.settingsKey) return this.reindex();
      }
      // Same settings in force, but the settings file may have changed in what it gets wrong.
      await this.refreshNotices();
    });
  }

  /** An editor opened a charter: it joins the portfolio with its editor text. */
  opened(document: TextDocument): void {
    const folder = this.folderOf(document.uri);
    if (!this.service.workspace.has(document.uri) && !(folder && folder.matches(relative(folder, document.uri)))) return;
    const file = this.service.parse(document.uri, document.getText(), document.version);
    this.service.workspace.setFile(file, folder ? relative(folder, document.uri) : document.uri);
  }

  /** An editor closed a file: the file on disk is the portfolio's version again. */
  closed(uri: string): void {
    this.service.forget(uri); // the editor's tree of it is not needed any more
    if (!this.service.workspace.has(uri)) {
      this.publisher.forget(uri);
      return;
    }
    void this.readFromDisk(uri).then(() => this.publisher.schedule(uri));
  }

  /** `workspace/didChangeWatchedFiles`: charters created, changed, deleted (a rename is a delete and a create). */
  filesChanged(changes: FileEvent[]): void {
    for (const change of changes) {
      if (change.uri.endsWith('/.vscode/settings.json') && this.folderOf(change.uri)) {
        this.onSettingsFileChanged();
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        for (const file of this.service.workspace.allFiles()) if (file.uri === change.uri || file.uri.startsWith(`${change.uri}/`)) this.forgetFile(file.uri);
        // Files never indexed (unreadable ones) may still show findings.
        for (const uri of [...this.publisher.published.keys()]) if ((uri === change.uri || uri.startsWith(`${change.uri}/`)) && !this.documents.get(uri) && !this.service.workspace.has(uri)) this.publisher.forget(uri);
        continue;
      }
      const folder = this.folderOf(change.uri);
      if (!folder || !folder.matches(relative(folder, change.uri)) || this.documents.get(change.uri)) continue;
      void this.readFromDisk(change.uri).then(() => this.publisher.schedule(change.uri));
    }
  }

  /** Re-checks every file of the portfolio, open or closed, and counts findings. */
  async validateWorkspace(): Promise<ValidateWorkspaceResult> {
    await this.ready;
    const uris = new Set([...this.service.workspace.allFiles().map((f) => f.uri), ...this.documents.all().map((d) => d.uri)]);
    const findings: Finding[] = [];
    for (const uri of uris) findings.push(...((await this.publisher.check(uri)) ?? []));
    return {
      files: uris.size,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    };
  }

  private async reindex(): Promise<void> {
    this.beginIndexing();
    const started = performance.now();
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Charter', 0, 'Finding charters', false);
    this.bulk = true;
    const indexedFolders: Array<{ uri: string; path: string; settings: CharterSettings }> = [];
    const found = new Set<string>();
    try {
      for (const folder of this.folders.states()) {
        const settings = await this.settings.get(folder.uri);
        indexedFolders.push({ uri: folder.uri, path: folder.path, settings });
        this.configure(folder, settings);
        const files = await glob(folder.include, { cwd: folder.path, ignore: folder.exclude, absolute: true, dot: false, followSymbolicLinks: false });
        for (const file of files) found.add(URI.file(file).toString());
      }
      for (const indexed of this.service.workspace.allFiles()) if (!found.has(indexed.uri) && !this.documents.get(indexed.uri)) this.forgetFile(indexed.uri);
      await this.cache?.begin(indexedFolders);
      const uris = [...found].sort();
      for (let i = 0; i < uris.length; i += BATCH) {
        // A batch is read concurrently (timed as one), then indexed one by one.
        const batch = uris.slice(i, i + BATCH);
        const texts = await this.service.phaseTimes.timeAsync('read', () => Promise.all(batch.map((uri) => (this.documents.get(uri) ? undefined : this.readText(uri)))));
        batch.forEach((uri, k) => {
          const text = texts[k];
          if (this.documents.get(uri)) this.indexOpen(uri);
          else if (text !== undefined) this.indexText(uri, text, true);
        });
        report(progress, i + BATCH, uris.length, 'Indexing');
        await nextTurn();
      }
      this.registerWatcher();
      this.bulk = false;
      this.endIndexing();
      // Findings the cache vouches for are published as they are; the other files are checked.
      const cached = this.cache?.validFindings() ?? new Map<string, Finding[]>();
      const all = [...new Set([...this.service.workspace.allFiles().map((f) => f.uri), ...this.documents.all().map((d) => d.uri)])];
      for (let i = 0; i < all.length; i += BATCH) {
        for (const uri of all.slice(i, i + BATCH)) {
          const known = this.documents.get(uri) ? undefined : cached.get(uri);
          await (known ? this.publisher.publishCached(uri, known) : this.publisher.check(uri)).catch((e: unknown) => this.connection.console.error(`Charter could not check ${uri}: ${(e as Error)?.stack ?? String(e)}`));
        }
        report(progress, i + BATCH, all.length, 'Checking');
        await nextTurn();
      }
      this.cache?.scheduleSave();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.connection.console.info(`Charter: checked ${all.length} charter files in ${seconds} s (${this.service.phaseTimes}); the findings cache gave ${cached.size} of them.`);
      await this.notices.refresh(indexedFolders, (uri) => this.isCharter(uri));
    } finally {
      this.bulk = false;
      this.endIndexing();
      progress.done();
    }
  }

  /** Open files wait for the index being built before they are checked (see indexed()). */
  private beginIndexing(): void {
    if (!this.indexSettled) return;
    this.indexSettled = false;
    this.indexDone = new Promise((resolve) => (this.finishIndexing = resolve));
  }

  private endIndexing(): void {
    this.indexSettled = true;
    this.finishIndexing();
  }

  /** Settings files and charter-like files outside the globs, for every folder as indexed now. */
  private async refreshNotices(): Promise<void> {
    const folders = [];
    for (const folder of this.folders.states()) folders.push({ uri: folder.uri, path: folder.path, settings: await this.settings.get(folder.uri) });
    await this.notices.refresh(folders, (uri) => this.isCharter(uri));
  }

  /** Indexed, or a file the folder's globs take (a file created since the last glob counts too). */
  private isCharter(uri: string): boolean {
    if (this.service.workspace.has(uri)) return true;
    const folder = this.folderOf(uri);
    return !!folder && folder.matches(relative(folder, uri));
  }

  private configure(folder: FolderState, settings: CharterSettings): void {
    folder.settingsKey = JSON.stringify(settings);
    this.service.setFileSizeLimit(settings.files.maxSizeKB);
    folder.include = settings.files.include;
    folder.exclude = settings.files.exclude;
    const included = picomatch(folder.include, { dot: false });
    const excluded = picomatch(folder.exclude.length > 0 ? folder.exclude : ['\u0000'], { dot: true });
    folder.matches = (relativePath) => included(relativePath) && !excluded(relativePath);
  }

  private registerWatcher(): void {
    if (!this.canWatch) return;
    const watchers = this.folders.states().flatMap((folder) =>
      [...folder.include, '**/.vscode/settings.json'].map((pattern) => ({
        globPattern: this.relativePatterns ? { baseUri: folder.uri, pattern } : pattern,
        kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete,
      })),
    );
    const previous = this.watcher;
    this.watcher = (async () => {
      (await previous)?.dispose();
      return this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e: unknown) => {
        this.connection.console.warn(`Charter cannot watch charter files for changes: ${(e as Error).message}`);
        return undefined;
      });
    })();
  }

  private indexOpen(uri: string): void {
    const document = this.documents.get(uri);
    if (document) this.opened(document);
  }

  /** `restoring`: while (re-)indexing, an unchanged file joins the index from the persistent cache. */
  private async readFromDisk(uri: string, restoring = false): Promise<void> {
    const text = await this.readText(uri);
    if (text !== undefined) this.indexText(uri, text, restoring);
  }

  /** The file's text on disk, or undefined (and the file forgotten) when it cannot be read any more. */
  private async readText(uri: string): Promise<string | undefined> {
    try {
      // Only a regular file: a charter that links to a device or a pipe must not hang the server.
      return (await readRegularFile(URI.parse(uri).fsPath)).toString('utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      this.forgetFile(uri);
      // A pipe, a device or a file nobody may read gets the finding charter check gives it; a deleted one nothing.
      if (e instanceof ReadRefused && !e.missing) await this.publisher.unreadable(uri, [unreadableFileFinding(uri, e.message)]);
      return undefined;
    }
  }

  private indexText(uri: string, text: string, restoring: boolean): void {
    if (this.documents.get(uri)) return; // opened meanwhile: the editor's text wins
    const previous = this.disk.get(uri);
    if (previous && previous.text === text && this.service.workspace.file(uri)?.text === text) {
      this.cache?.seen(uri, text);
      return;
    }
    const version = (previous?.version ?? 0) + 1;
    this.disk.set(uri, { text, version });
    const folder = this.folderOf(uri);
    const relativePath = folder ? relative(folder, uri) : uri;
    if (restoring && this.service.phaseTimes.time('index', () => this.cache?.restore(uri, relativePath, text, version))) return;
    this.cache?.seen(uri, text);
    // A closed file is read fast when that gives the same findings; only its facts stay in the index.
    this.service.workspace.setFile(this.service.readClosed(uri, text, version), relativePath);
  }

  private forgetFile(uri: string): void {
    this.disk.delete(uri);
    this.cache?.forget(uri);
    if (this.service.workspace.has(uri)) this.service.workspace.removeFile(uri);
    if (!this.documents.get(uri)) this.publisher.forget(uri);
  }

  private indexChanged(change: IndexChange): void {
    // A file re-read exactly only gained ranges: whoever pointed into it placed it, nobody else's findings change.
    if (this.bulk || change.placement) return;
    for (const uri of change.uris) {
      if (uri === change.changed) continue; // whoever changed it checks it
      this.publisher.schedule(uri);
    }
  }

  private folderOf(uri: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const folder of this.folders.states()) if (uri.startsWith(`${folder.uri}/`) && (!best || folder.uri.length > best.uri.length)) best = folder;
    return best;
  }
}

function relative(folder: FolderState, uri: string): string {
  return decodeURIComponent(uri.slice(folder.uri.length + 1));
}

function trimSlash(uri: string): string {
  return uri.replace(/\/$/, '');
}

function report(progress: WorkDoneProgressServerReporter, done: number, total: number, what: string): void {
  const count = Math.min(done, total);
  progress.report(total === 0 ? 100 : Math.round((count / total) * 100), `${what} ${count} of ${total} charter files`);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
