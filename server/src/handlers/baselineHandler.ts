// Change control on the LSP side: the base text of each charter from git, for the engine's change
// rules, hover and the client's Compare with Base. Only in a trusted workspace (running git in an
// untrusted folder runs that folder's git hooks and config). A base is cached per folder, setting and
// HEAD position; blob texts per blob id. When HEAD or a ref moves, everything is evaluated again; a
// folder that had no base (no repository yet, no commit, no such ref) is asked again when that changes.
import { MessageType, DidChangeWatchedFilesNotification, ShowMessageNotification, WatchKind, type Connection, type FileEvent, type InitializeParams } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { BaseText } from '../engine/change/baseline';
import { BlobCache, GitBaseline, GitProblem, resolveAutoBase, runGit, type GitRun } from '../gitBaseline';
import { Requests, type BaseTextParams, type BaseTextResult, type CharterInitializationOptions } from '../protocol';
import type { SettingsCache } from './settingsCache';
import type { WorkspaceFolders } from './workspaceFolders';
import { GitHeadWatcher } from '../gitHeadWatcher';

/** Files whose change means HEAD or a ref moved: a branch switch, a commit, a pull, a fetch. */
const GIT_STATE = /\/\.git\/(HEAD|ORIG_HEAD|FETCH_HEAD|packed-refs|refs\/.*)$/;

export class BaselineHandler {
  private trusted = true;
  private readonly baselines = new Map<string, Promise<GitBaseline | undefined>>();
  private readonly blobs = new BlobCache();
  private readonly told = new Set<string>();
  private readonly listeners: Array<() => void> = [];
  private canWatch = false;
  private readonly heads: GitHeadWatcher;

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
    private readonly git: GitRun = runGit,
  ) {
    this.heads = new GitHeadWatcher(git, () => this.changed(), (message) => connection.console.warn(message));
  }

  initialize(params: InitializeParams): void {
    const options = (params.initializationOptions ?? {}) as CharterInitializationOptions;
    this.trusted = options.workspaceTrusted !== false;
    this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  listen(): void {
    this.connection.onRequest(Requests.baseText, (params: BaseTextParams) => this.baseTextFor(params.uri));
  }

  /**
   * Also ask the client to watch git's HEAD and refs (the server watches the git directory itself too,
   * since editors' watchers usually leave `.git` out), so a branch switch or a commit re-evaluates.
   */
  watchGitState(folderUris: string[]): void {
    if (!this.canWatch) return;
    const watchers = folderUris.map((uri) => ({ globPattern: { baseUri: uri, pattern: '.git/{HEAD,ORIG_HEAD,FETCH_HEAD,packed-refs,refs/**}' }, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }));
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e: unknown) => this.connection.console.warn(`Cannot watch git's HEAD: ${(e as Error).message}`));
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.changed();
  }

  /** Called after the base moved (HEAD, refs, trust, settings): for whoever re-validates. */
  onDidChangeBase(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Watched files changed: true (and everything re-evaluated) when git's HEAD or refs are among them. */
  filesChanged(changes: FileEvent[]): boolean {
    if (!changes.some((c) => GIT_STATE.test(c.uri))) return false;
    this.changed();
    return true;
  }

  /** `charter.baseRef` may have changed. */
  configurationChanged(): void {
    this.baselines.clear();
  }

  /** The engine's provider. */
  readonly provider = async (uri: string, relativePath: string): Promise<BaseText | undefined> => {
    const baseline = await this.baselineOf(uri);
    return baseline?.provider(uri, relativePath);
  };

  private changed(): void {
    this.baselines.clear();
    for (const listener of this.listeners) listener();
  }

  /** What the change rules of a folder's files compare with: the base commit, or why there is none. */
  async baseIdentity(folderUri: string): Promise<string> {
    const baseline = await this.baselineOf(`${folderUri.replace(/\/$/, '')}/portfolio.yaml`);
    return baseline ? `${baseline.ref}@${baseline.commit}` : this.trusted ? 'none' : 'untrusted';
  }

  private async baselineOf(uri: string): Promise<GitBaseline | undefined> {
    if (!this.trusted || !uri.startsWith('file:')) return undefined;
    const folder = this.folders.folderOf(uri);
    if (!folder) return undefined;
    const setting = (await this.settings.get(uri)).baseRef;
    if (setting === 'off') return undefined;
    const key = `${folder}\u0000${setting}`;
    let baseline = this.baselines.get(key);
    if (!baseline) {
      baseline = this.open(folder, setting);
      this.baselines.set(key, baseline);
    }
    return baseline;
  }

  private async open(folder: string, setting: string): Promise<GitBaseline | undefined> {
    const path = URI.parse(folder).fsPath;
    try {
      const { ref, label } = setting === 'auto' ? await resolveAutoBase(path, this.git) : { ref: setting, label: setting };
      const baseline = await GitBaseline.open(path, ref, { git: this.git, cache: this.blobs, label });
      void this.heads.watch(baseline.root);
      return baseline;
    } catch (e) {
      if (!(e instanceof GitProblem)) throw e;
      this.tell(folder, setting, e);
      // Not for ever: a repository created, a first commit or a fetch later brings the base.
      void this.heads.watchForRepository(path);
      return undefined;
    }
  }

  /** Says once per folder and reason why no change rule runs. `auto` in a folder outside git only logs: nothing was asked for. */
  private tell(folder: string, setting: string, problem: GitProblem): void {
    const key = `${folder}\u0000${setting}\u0000${problem.message}`;
    if (this.told.has(key)) return;
    this.told.add(key);
    const message = `Charter: no change control against ${setting === 'auto' ? 'the base branch' : `"${setting}"`} for ${URI.parse(folder).fsPath}: ${problem.message}. Set charter.baseRef to another ref, or to "off".`;
    this.connection.console.info(message);
    if (setting !== 'auto' || /not installed/.test(problem.message)) void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  }

  /** For the client's `charter-base:` documents and Compare with Base: a head file's base, or a base URI's text. */
  private async baseTextFor(uri: string): Promise<BaseTextResult | null> {
    if (uri.startsWith('file:')) {
      const relativePath = this.folders.relativePath(uri);
      const base = await this.provider(uri, relativePath);
      return base ? { text: base.text, ref: base.ref, path: base.path, uri: base.uri } : null;
    }
    if (!uri.startsWith('charter-base:')) return null;
    const parsed = URI.parse(uri);
    const path = parsed.path.replace(/^\//, '');
    for (const baseline of this.baselines.values()) {
      const b = await baseline;
      if (!b || b.ref !== parsed.query) continue;
      const text = await b.textAt(path);
      if (text !== undefined) return { text, ref: b.ref, path, uri };
    }
    return null;
  }
}
