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

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watchers of this.watched.values()) for (const w of watchers) w.close();
    this.watched.clear();
  }

  private moved(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onMove();
    }, COALESCE_MS);
  }
}
