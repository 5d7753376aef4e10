// `charter check`: the editor's findings, for a terminal or a CI job.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService } from '../engine/languageService';
import { cliCacheDir, SchemaFetcher, timeoutFromEnv } from '../schemaRequest';
import type { Finding } from '../engine/types';
import { formatJson, formatStylish, summarise, type FileResult } from './formatters';
import { resolveWorkspace, UsageError } from './workspace';

export const CHECK_FORMATS = ['stylish', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  cwd: string;
  paths: string[];
  format: CheckFormat;
  maxWarnings?: number;
  asOf?: string;
  config?: string;
  color: boolean;
  /** Download no schema: http(s) schemas come from the cache only. */
  offline?: boolean;
  /** Where downloaded schemas are cached; default `$XDG_CACHE_HOME/charter`, else `.charter-cache/` in the workspace. */
  cacheDir?: string;
}

export interface CheckOutcome {
  output: string;
  exitCode: number;
  results: FileResult[];
}

export async function runCheck(options: CheckOptions): Promise<CheckOutcome> {
  if (!(CHECK_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`Unknown format "${options.format}". Use one of: ${CHECK_FORMATS.join(', ')}.`);
  }
  const workspace = resolveWorkspace(options.cwd, options.paths, options.config);
  if (options.asOf) workspace.settings.asOf = options.asOf;
  const fetcher = new SchemaFetcher({
    cacheDir: options.cacheDir ?? cliCacheDir(workspace.root),
    timeoutMs: timeoutFromEnv(),
    offline: options.offline ? 'charter check runs with --offline' : undefined,
  });
  const service = getLanguageService({ schemaRequest: fetcher.request });
  const folderUri = pathToFileURL(workspace.root).href;
  const results: FileResult[] = [];
  for (const file of workspace.files) {
    const uri = pathToFileURL(file).href;
    const text = readText(file);
    const parsed = service.parse(uri, text);
    const findings = await service.validate(parsed, { relativePath: toPosix(path.relative(workspace.root, file)), settings: workspace.settings, folderUri });
    results.push({ file: toPosix(path.relative(options.cwd, file)), findings: sortFindings(findings) });
  }
  const summary = summarise(results);
  const output = options.format === 'json' ? formatJson(results) : formatStylish(results, options.color);
  const overWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  return { output, exitCode: summary.errors > 0 || overWarnings ? 1 : 0, results };
}

/** Reads a file as UTF-8; a binary file keeps its NUL bytes so the engine reports it as not text. */
function readText(file: string): string {
  const buffer = fs.readFileSync(file);
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
