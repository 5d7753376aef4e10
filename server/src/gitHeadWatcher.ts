// Tells when git's HEAD or refs move in a repository (branch switch, commit, pull, fetch), by watching
// the git directory itself. Editors' file watchers leave `.git` out, so the server cannot rely on
// workspace/didChangeWatchedFiles for it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GitRun } from './gitBaseline';

/** Git writes a ref in several steps (lock file, rename); one announcement per burst. */
const COALESCE_MS = 200;
const STATE_FILES = new Set(['HEAD', 'ORIG_HEAD', 'FETCH_HEAD', 'packed-refs']);

export class GitHeadWatcher {
  private readonly watched = new Map<string, fs.FSWatcher[]>();
  /** Folders outside git, watched for a `.git` that `git init` or a clone creates. */
  private readonly awaiting = new Map<string, fs.FSWatcher>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly git: GitRun,
    private readonly onMove: () => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts watching the repository at `root` (its top folder), once. */
  async watch(root: string): Promise<void> {
    if (this.watched.has(root)) return;
    this.watched.set(root, []);
    try {
      const [gitDir, commonDir] = (await this.git(['rev-parse', '--git-dir', '--git-common-dir'], root)).trim().split('\n').map((d) => path.resolve(root, d));
      const watchers = this.watched.get(root)!;
      const onState = (_event: string, name: string | Buffer | null) => {
        if (name === null || STATE_FILES.has(path.basename(String(name)).replace(/\.lock$/, ''))) this.moved();
      };
      watchers.push(fs.watch(gitDir, { persistent: false }, onState));
      if (commonDir !== gitDir) watchers.push(fs.watch(commonDir, { persistent: false }, onState));
      const refs = path.join(commonDir, 'refs');
      if (fs.existsSync(refs)) watchers.push(fs.watch(refs, { persistent: false, recursive: true }, () => this.moved()));
      for (const w of watchers) w.on('error', (e) => this.log(`Stopped watching git in ${root}: ${e.message}`));
    } catch (e) {
      this.log(`Cannot watch git in ${root}: ${(e as Error).message}`);
    }
  }

  /**
   * A folder that gave no baseline: once a repository appears in it (or in the repository it is already
   * in, once HEAD or a ref moves: the first commit, a fetch), the base is worth asking for again.
   */
  async watchForRepository(folder: string): Promise<void> {
    const root = await this.git(['rev-parse', '--show-toplevel'], folder).then((out) => out.trim(), () => undefined);
    if (root) {
      if (this.watched.has(root)) return;
      await this.watch(root);
      this.moved(); // what moved between the failed attempt and the watch starting would go unnoticed
      return;
    }
    if (this.awaiting.has(folder)) return;
    try {
      const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
        if (name !== null && String(name) !== '.git') return;
        this.awaiting.delete(folder);
        watcher.close();
        this.moved();
      });
      watcher.on('error', (e) => this.log(`Stopped watching ${folder} for a git repository: ${e.message}`));
      this.awaiting.set(folder, watcher);
      // Created while git was asked, before the watch began?
      if (fs.existsSync(path.join(folder, '.git'))) {
        this.awaiting.delete(folder);
        watcher.close();
        this.moved();
      }
    } catch (e) {
      this.log(`Cannot watch ${folder} for a git repository: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watchers of this.watched.values()) for (const w of watchers) w.close();
    this.watched.clear();
    for (const w of this.awaiting.values()) w.close();
    this.awaiting.clear();
  }

  private moved(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onMove();
    }, COALESCE_MS);
  }
}
