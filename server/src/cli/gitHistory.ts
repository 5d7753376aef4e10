// Earlier versions of charter files from git, for trends (`charter report --git-history`). A small
// reader of our own: the engine never runs git; this hands it the texts as data. Bounded: a few dozen
// commits per file, a size cap per version, a timeout per git call; no shell.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
