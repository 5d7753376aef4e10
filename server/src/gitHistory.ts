// Earlier versions of charter files from git, for trends: `charter report --git-history`, and the
// server in a trusted workspace. A small reader of our own: the engine never runs git; this hands it the
// texts as data. Bounded: a few dozen commits per file, a size cap per version, a timeout per git call;
// no shell.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';

/** Commits read per file: two or three years of monthly reports. */
const MAX_VERSIONS = 40;
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
const GIT_TIMEOUT_MS = 20_000;

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT_BYTES, timeout: GIT_TIMEOUT_MS, encoding: 'utf8', windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

export interface GitHistoryResult {
  /** Workspace-relative path -> the file's committed texts, newest first. */
  history: Record<string, string[]>;
  /** Why there is no history (no git, not a repository), for a notice; undefined when it was read. */
  problem?: string;
}

/**
 * The committed versions of each file, keyed by its workspace-relative path. Files outside the
 * repository or never committed have none; a version too large to read is skipped.
 */
export async function readGitHistory(cwd: string, files: Array<{ relativePath: string; absolutePath: string }>): Promise<GitHistoryResult> {
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { history: {}, problem: missing ? 'git is not installed (or not on PATH): no trends from history' : `${cwd} is not in a git repository: no trends from history` };
  }
  const history: Record<string, string[]> = {};
  const realTop = fs.realpathSync(top);
  for (const { relativePath: relative, absolutePath } of files) {
    let real: string;
    try {
      real = fs.realpathSync(absolutePath);
    } catch {
      continue;
    }
    const inRepo = path.relative(realTop, real).split(path.sep).join('/');
    if (inRepo.startsWith('..') || path.isAbsolute(inRepo)) continue;
    let commits: string[];
    try {
      commits = (await git(['log', `-n${MAX_VERSIONS}`, '--format=%H', '--end-of-options', 'HEAD', '--', inRepo], top)).split('\n').filter((c) => /^[0-9a-f]{40,64}$/.test(c));
    } catch {
      continue; // no commits yet, or the file is not tracked
    }
    const texts: string[] = [];
    for (const commit of commits) {
      try {
        texts.push(await git(['show', `${commit}:${inRepo}`], top));
      } catch {
        // too large for the buffer, or gone at that commit: no data point
      }
    }
    if (texts.length > 0) history[relative] = texts;
  }
  return { history };
}

/**
 * The server's reader: history is read again only when the repository's HEAD moves (a commit, a
 * checkout), so a portfolio refresh after an edit costs one `git rev-parse`.
 */
export class GitHistoryCache {
  private head: string | undefined;
  private cached = new Map<string, string[]>();

  async read(cwd: string, files: Array<{ relativePath: string; absolutePath: string }>): Promise<Record<string, string[]>> {
    let head: string;
    try {
      head = `${(await git(['rev-parse', '--show-toplevel'], cwd)).trim()}@${(await git(['rev-parse', '--verify', '--quiet', 'HEAD'], cwd)).trim()}`;
    } catch {
      return {}; // no git, no repository, or no commit yet: no history
    }
    if (head !== this.head) {
      this.head = head;
      this.cached = new Map();
    }
    const missing = files.filter((f) => !this.cached.has(f.absolutePath));
    if (missing.length > 0) {
      const { history } = await readGitHistory(cwd, missing);
      for (const f of missing) this.cached.set(f.absolutePath, history[f.relativePath] ?? []);
    }
    const out: Record<string, string[]> = {};
    for (const f of files) {
      const texts = this.cached.get(f.absolutePath);
      if (texts && texts.length > 0) out[f.relativePath] = texts;
    }
    return out;
  }
}

/** The top folder of the git repository around `folder`; undefined when there is none (or no git). */
async function repositoryTop(folder: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], folder)).trim();
  } catch {
    return undefined;
  }
}

/**
 * The server's source of past versions: the charters on disk (`file:` URIs), from git, and only while
 * the workspace is trusted; nothing otherwise. A multi-root workspace may span several repositories:
 * each charter's history comes from the repository around it, with a cache per repository.
 */
export function charterHistoryReader(trusted: () => boolean, caches = new Map<string, GitHistoryCache>()) {
  return async (sources: Array<{ file: { uri: string }; relativePath: string }>): Promise<Record<string, string[]>> => {
    if (!trusted()) return {};
    const byFolder = new Map<string, Array<{ relativePath: string; absolutePath: string }>>();
    for (const s of sources) {
      const uri = URI.parse(s.file.uri);
      if (uri.scheme !== 'file' || !/\.charter\.ya?ml$/i.test(uri.fsPath)) continue;
      const folder = path.dirname(uri.fsPath);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), { relativePath: s.relativePath, absolutePath: uri.fsPath }]);
    }
    // One `git rev-parse` per folder that holds charters, to find its repository.
    const byRepository = new Map<string, Array<{ relativePath: string; absolutePath: string }>>();
    for (const [folder, files] of byFolder) {
      const top = await repositoryTop(folder);
      if (top !== undefined) byRepository.set(top, [...(byRepository.get(top) ?? []), ...files]);
    }
    const out: Record<string, string[]> = {};
    for (const [top, files] of byRepository) {
      let cache = caches.get(top);
      if (!cache) caches.set(top, (cache = new GitHistoryCache()));
      Object.assign(out, await cache.read(top, files));
    }
    return out;
  };
}
