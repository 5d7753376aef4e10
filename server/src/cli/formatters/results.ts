// What every output format starts from: the findings of each checked file, and their totals.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../engine/types';

export interface FileResult {
  /** Path relative to the current directory, `/`-separated. */
  file: string;
  findings: Finding[];
}

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface FormatOptions {
  color: boolean;
  /** The directory paths are written relative to (related locations point into other files). */
  cwd: string;
}

export function summarise(results: FileResult[]): CheckSummary {
  const all = results.flatMap((r) => r.findings);
  return {
    files: results.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
  };
}

export function summaryLine(summary: CheckSummary, color = false): string {
  const problems = summary.errors + summary.warnings + summary.infos;
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  if (problems === 0) return color ? `\u001b[32m✔ ${files} checked, no problems\u001b[0m` : `✔ ${files} checked, no problems`;
  const text = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info) in ${files}`;
  return color ? `\u001b[${summary.errors > 0 ? 31 : 33}m${text}\u001b[0m` : text;
}

/** A file URI as a `/`-separated path relative to `cwd`; other URIs unchanged. */
export function relativePath(uri: string, cwd: string): string {
  if (!uri.startsWith('file:')) return uri;
  return path.relative(cwd, fileURLToPath(uri)).split(path.sep).join('/');
}
