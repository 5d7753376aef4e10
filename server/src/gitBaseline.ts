// Base texts from git for change control: `git show`-style reads at a base commit, renames followed.
// The engine never runs git; the CLI and the server build one of these and pass its provider in.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUri, type BaseText, type BaseTextProvider } from './engine/change/baseline';

/** Bounds on what git may hand us: a hostile repository must not exhaust memory or hang the host. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;
const GIT_TIMEOUT_MS = 30_000;
/** Blob texts kept, by blob id: a base changes only when the ref moves, so a blob is read once. */
const MAX_CACHED_BLOBS = 2000;

export class GitProblem extends Error {
  /** `unavailable`: no git or no repository (a notice, no change rules); `ref`: the ref does not exist (the user's typo). */
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'ref',
  ) {
    super(message);
  }
}

export interface GitRun {
  (args: string[], cwd: string): Promise<string>;
}

/** Runs git without a shell, with bounded output and time; rejects with git's own message. */
export const runGit: GitRun = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT_BYTES, timeout: GIT_TIMEOUT_MS, encoding: 'utf8', windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        reject(Object.assign(new Error(code === 'ENOENT' ? 'git is not installed (or not on PATH)' : (stderr || error.message).trim()), { missingGit: code === 'ENOENT' }));
      } else resolve(stdout);
    });
  });

export interface GitBaselineSnapshot {
  /** The repository's top folder, real path. */
  root: string;
  ref: string;
  commit: string;
}

/**
 * The base of one ref in one repository: which blob each path had at the base commit, and where each
 * file of the working tree was at that commit (renames). Built once per ref and HEAD position.
 */
export class GitBaseline implements GitBaselineSnapshot {
  private readonly blobs = new Map<string, string>();

  private constructor(
    readonly root: string,
    readonly ref: string,
    readonly commit: string,
    /** Repository-relative path at the base -> blob id. */
    readonly tree: Map<string, string>,
    /** Repository-relative path now -> path at the base, for files renamed since. */
    readonly renames: Map<string, string>,
    /** Paths added since the base: they have no base even if an unrelated file once had their name. */
    readonly added: Set<string>,
    private readonly git: GitRun,
    private readonly cache: BlobCache,
  ) {}

  /** Opens the base of `ref` for the repository around `folder`. Rejects with a GitProblem a host can show. */
  static async open(folder: string, ref: string, options: { git?: GitRun; cache?: BlobCache; label?: string } = {}): Promise<GitBaseline> {
    const git = options.git ?? runGit;
    let top: string;
    try {
      top = (await git(['rev-parse', '--show-toplevel'], folder)).trim();
    } catch (e) {
      const missing = (e as { missingGit?: boolean }).missingGit;
      throw new GitProblem(missing ? 'git is not installed (or not on PATH)' : `${folder} is not in a git repository`, 'unavailable');
    }
    if (ref.startsWith('-') || ref.includes('\0')) throw new GitProblem(`"${ref}" is not a git ref`, 'ref');
    let commit: string;
    try {
      commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top)).trim();
    } catch {
      throw new GitProblem(`git has no commit "${ref}" in ${top}`, 'ref');
    }
    const root = fs.realpathSync(top);
    try {
      const { tree, renames, added } = await readTree(git, root, commit);
      return new GitBaseline(root, options.label ?? ref, commit, tree, renames, added, git, options.cache ?? new BlobCache());
    } catch (e) {
      // Too large a tree for the output bound, a corrupt object: no baseline, said once, never a crash.
      throw new GitProblem(`git could not list the files of "${ref}": ${(e as Error).message.split('\n')[0]}`, 'unavailable');
    }
  }

  /** Where a working-tree file (repository-relative) was at the base, or undefined when it is new. */
  basePathOf(relative: string): string | undefined {
    const from = this.renames.get(relative);
    if (from) return from;
    if (this.added.has(relative)) return undefined;
    return this.tree.has(relative) ? relative : undefined;
  }

  /** The repository-relative path of an absolute path, or undefined when it lies outside the repository. */
  relativeOf(absolute: string): string | undefined {
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch {
      real = path.resolve(absolute);
    }
    const rel = path.relative(this.root, real);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  /** The text of a path at the base commit (repository-relative), or undefined when it had none. */
  async textAt(basePath: string): Promise<string | undefined> {
    const blob = this.tree.get(basePath);
    if (!blob) return undefined;
    return this.cache.get(blob, async () => (await this.git(['cat-file', 'blob', blob], this.root)).replace(/^\uFEFF/, ''));
  }

  /** The engine's provider: file URIs of the working tree -> their base text. */
  readonly provider: BaseTextProvider = async (uri: string): Promise<BaseText | undefined> => {
    if (!uri.startsWith('file:')) return undefined;
    const relative = this.relativeOf(fileURLToPath(uri));
    const basePath = relative && this.basePathOf(relative);
    if (!basePath) return undefined;
    const text = await this.textAt(basePath);
    return text === undefined ? undefined : { text, uri: baseUri(this.ref, basePath), ref: this.ref, path: basePath };
  };
}


/** Which blob each path has at `commit`, and how the working tree moved files since (renames, additions). */
async function readTree(git: GitRun, root: string, commit: string): Promise<{ tree: Map<string, string>; renames: Map<string, string>; added: Set<string> }> {
  const tree = new Map<string, string>();
  for (const line of (await git(['ls-tree', '-r', '-z', '--full-tree', commit], root)).split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(line);
    if (m) tree.set(m[2], m[1]);
  }
  const renames = new Map<string, string>();
  const added = new Set<string>();
  const fields = (await git(['diff', '--name-status', '-M', '-z', commit, '--'], root)).split('\0');
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++];
      const to = fields[i++];
      if (status.startsWith('R')) renames.set(to, from);
    } else {
      const file = fields[i++];
      if (status === 'A') added.add(file);
    }
  }
  return { tree, renames, added };
}

/**
 * The editor's `auto` base: the merge-base of HEAD with the remote's default branch (origin/HEAD, else
 * origin/main or origin/master), else HEAD itself (the last commit). `label` names it in messages.
 */
export async function resolveAutoBase(folder: string, git: GitRun = runGit): Promise<{ ref: string; label: string }> {
  const attempt = async (args: string[]) => {
    try {
      return (await git(args, folder)).trim();
    } catch {
      return '';
    }
  };
  let remote = (await attempt(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])).replace(/^refs\/remotes\//, '');
  if (!remote) {
    for (const candidate of ['origin/main', 'origin/master']) {
      if (await attempt(['rev-parse', '--verify', '--quiet', `refs/remotes/${candidate}`])) {
        remote = candidate;
        break;
      }
    }
  }
  const mergeBase = remote ? await attempt(['merge-base', 'HEAD', `refs/remotes/${remote}`]) : '';
  return mergeBase ? { ref: mergeBase, label: remote } : { ref: 'HEAD', label: 'HEAD' };
}

/** Blob texts by blob id: the same blob at any ref is the same text, so (ref, blob) needs only the blob. */
export class BlobCache {
  private readonly texts = new Map<string, Promise<string>>();

  get(blob: string, read: () => Promise<string>): Promise<string> {
    let text = this.texts.get(blob);
    if (!text) {
      if (this.texts.size >= MAX_CACHED_BLOBS) this.texts.delete(this.texts.keys().next().value!);
      text = read();
      text.catch(() => this.texts.delete(blob));
      this.texts.set(blob, text);
    }
    return text;
  }

  get size(): number {
    return this.texts.size;
  }
}
