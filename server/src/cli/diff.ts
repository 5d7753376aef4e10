// `charter diff --base <ref>`: what changed in the charters against the base ref, for a reviewer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parseCharterFile } from '../engine/parser/charterParser';
import { baseUri } from '../engine/change/baseline';
import { runCheck } from './check';
import { buildChangeSummary, type ChangeSummary, type HeadFile, type RemovedFile } from './diff/changeSummary';
import { formatDiffMarkdown } from './diff/diffMarkdown';
import { UsageError } from './workspace';

export const DIFF_FORMATS = ['md', 'json'] as const;

export interface DiffOptions {
  cwd: string;
  paths: string[];
  base: string;
  format?: string;
  out?: string;
  asOf?: string;
  config?: string;
  offline?: boolean;
}

export interface DiffOutcome {
  output: string;
  exitCode: number;
  notice?: string;
  summary?: ChangeSummary;
}

export async function runDiff(options: DiffOptions): Promise<DiffOutcome> {
  const format = options.format ?? (options.out && path.extname(options.out).toLowerCase() === '.json' ? 'json' : 'md');
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}" for charter diff. Use one of: ${DIFF_FORMATS.join(', ')}.`);
  const checked = await runCheck({ cwd: options.cwd, paths: options.paths, format: 'json', asOf: options.asOf, config: options.config, color: false, offline: options.offline, base: options.base });
  const baseline = checked.baseline;
  if (!baseline) return { output: '', exitCode: 0, notice: checked.notice };

  const head: HeadFile[] = [];
  const basePaths = new Set<string>();
  for (const c of checked.checked) {
    if (!c.parsed) continue; // with --base nothing comes from a cache: never taken
    const base = await baseline.provider(c.parsed.uri, c.relativePath);
    if (base) basePaths.add(base.path);
    head.push({ parsed: c.parsed, relativePath: c.relativePath, findings: c.findings, base: base ? { parsed: parseCharterFile(base.uri, base.text), path: base.path } : undefined });
  }
  // Charters the base had under the workspace that the head no longer has (after following renames).
  const removed: RemovedFile[] = [];
  const prefix = baseline.relativeOf(checked.root) ?? '';
  const isCharter = picomatch(checked.settings.files.include, { ignore: checked.settings.files.exclude, dot: false });
  const inScope = scopeOf(options.cwd, options.paths);
  for (const repoPath of baseline.tree.keys()) {
    if (basePaths.has(repoPath) || (prefix && !repoPath.startsWith(`${prefix}/`))) continue;
    const relative = prefix ? repoPath.slice(prefix.length + 1) : repoPath;
    const absolute = path.join(checked.root, relative);
    if (!isCharter(relative) || !inScope(absolute) || fs.existsSync(absolute)) continue;
    const text = await baseline.textAt(repoPath);
    if (text !== undefined) removed.push({ parsed: parseCharterFile(baseUri(baseline.ref, repoPath), text), path: repoPath });
  }
  const summary = buildChangeSummary({ ref: baseline.ref, commit: baseline.commit, head, removed, policy: checked.policy });
  const text = format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : formatDiffMarkdown(summary);
  if (!options.out) return { output: text, exitCode: 0, summary };
  const target = path.resolve(options.cwd, options.out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return { output: `Wrote the change summary against ${baseline.ref} (${format}) to ${path.relative(options.cwd, target) || target}\n`, exitCode: 0, summary };
}

/**
 * Which removed files the summary lists: all of the workspace without path arguments, else those under
 * a folder argument (a file argument exists, so it was not removed; its rename is followed as a change).
 */
function scopeOf(cwd: string, paths: string[]): (absolute: string) => boolean {
  if (paths.length === 0) return () => true;
  const folders = paths.map((p) => path.resolve(cwd, p)).filter((p) => fs.statSync(p).isDirectory());
  return (absolute) => folders.some((folder) => absolute.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
}
