// `charter check`: the editor's findings, for a terminal or a CI job.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, type CharterLanguageService, type ValidationContext } from '../engine/languageService';
import type { ParsedFile } from '../engine/parser/charterParser';
import { safeFixesOf } from '../engine/services/codeActions';
import { formatFixChanges, type FixChange } from './fixReport';
import { applyTextEdits } from '../engine/utils/textEdits';
import { notWrittenFinding, readSource, writeFixed, type SourceFile } from './fixWrite';
import { cliCacheDir, SchemaFetcher, timeoutFromEnv } from '../schemaRequest';
import type { CharterSettings } from '../engine/settings';
import type { PhaseTimes } from '../engine/utils/phaseTimes';
import type { Finding } from '../engine/types';
import type { Policy } from '../engine/rules/policy';
import { globSync } from 'tinyglobby';
import { formatResults, OUTPUT_FORMATS, summarise, type FileResult } from './formatters';
import { resolveWorkspace, UsageError } from './workspace';
import { GitBaseline, GitProblem } from '../gitBaseline';
import { noChartersMessage, settingsFileWarnings, workspaceWarnings } from './warnings';
import { CheckCache, checkedPrint, type CheckCacheOptions } from './checkCache';

export const CHECK_FORMATS = OUTPUT_FORMATS;
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
  /** Apply every safe fix (the editor's "fix all", `source.fixAll.charter`) and write the files back. */
  fix?: boolean;
  /** Work out the same fixes as `fix`, list them, and write nothing. */
  fixDryRun?: boolean;
  /**
   * Parse every file exactly (every node's range) rather than reading clean files fast and parsing only
   * those with findings. The findings are the same either way; `charter report` and fixes need the trees.
   */
  exactOnly?: boolean;
  /** A git ref whose charters are the approved baseline: adds the change rules (`--base`). */
  base?: string;
  /**
   * `--cache`: unchanged files are read from the cache (facts and findings) instead of parsed; the output
   * is the same as without. Not used with `exactOnly`, `fix`, `fixDryRun` or `base`.
   */
  cache?: CheckCacheOptions;
}

/** A fix can reveal or enable another (a renamed key, then its value); stop after a few rounds. */
const MAX_FIX_ROUNDS = 5;

export interface CheckOutcome {
  output: string;
  exitCode: number;
  results: FileResult[];
  /**
   * The checked files as parsed, with their workspace-relative paths: what `charter report` builds on.
   * `parsed` is absent for a file whose findings came from the cache (never with `exactOnly`).
   */
  checked: Array<{ parsed?: ParsedFile; relativePath: string; findings: Finding[] }>;
  settings: CharterSettings;
  /** With `fix` or `fixDryRun`: what was (or would be) changed, one line per fix; empty otherwise. */
  fixLog: string;
  /** Lines for stderr: ineffective settings, charter files outside the globs, no charter file at all. */
  warnings: string;
  /** The base the change rules compared with, when `base` was given and git could read it. */
  baseline?: GitBaseline;
  /** Said once on stderr: why no change rules ran (no git, not a repository). */
  notice?: string;
  /** The workspace folder. */
  root: string;
  /** Time per phase (read, parse, index, validate, rules, publish = formatting the output). */
  phaseTimes: PhaseTimes;
  /** With `cache`: how many files joined the index from the cache, and how many files' findings it gave. */
  cacheUse?: { filesRestored: number; findingsReused: number };
  /** The policy in force: the workspace's Portfolio (also when only some files were named) under `charter.policy`. */
  policy: Policy;
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
  const { baseline, notice } = options.base !== undefined ? await openBaseline(workspace.root, options.base) : {};
  const service = getLanguageService({ schemaRequest: fetcher.request, baseText: baseline?.provider });
  service.setFileSizeLimit(workspace.settings.files.maxSizeKB);
  const folderUri = pathToFileURL(workspace.root).href;
  // The workspace is one portfolio: whole-portfolio rules see every charter in it, also when only some are checked.
  const parsedFiles = new Map<string, ReturnType<typeof service.parse>>();
  const portfolio = new Set([...portfolioFiles(workspace.root, workspace.settings.files), ...workspace.files]);
  const sources = new Map<string, SourceFile>();
  // Change rules compare with the base's exact parse; fixes edit the tree: both keep every file exact.
  const fast = !options.exactOnly && !options.fix && !options.fixDryRun && options.base === undefined;
  const cache = fast && options.cache ? CheckCache.open(options.cache, options.cwd, workspace, (url) => fetcher.cachedCopy(url)) : undefined;
  for (const file of portfolio) {
    const source = service.phaseTimes.time('read', () => readSource(file));
    sources.set(file, source);
    const uri = pathToFileURL(file).href;
    const relativePath = toPosix(path.relative(workspace.root, file));
    // An unchanged file joins the index from the cache, without a parse.
    if (cache && !source.unreadable && service.phaseTimes.time('index', () => cache.session.restore(service.workspace, uri, relativePath, source.text, 0))) continue;
    const parsed = (fast && service.parseFast(uri, source.text)) || service.parse(uri, source.text);
    service.workspace.setFile(parsed, relativePath);
    parsedFiles.set(file, parsed);
  }
  const changes: FixChange[] = [];
  const notWritten = new Map<string, Finding>();
  if (options.fix || options.fixDryRun) {
    for (const file of workspace.files) {
      const relativePath = toPosix(path.relative(workspace.root, file));
      const original = parsedFiles.get(file)!;
      const { fixed, applied } = await fixFile(service, original, { relativePath, settings: workspace.settings, folderUri });
      const fileChanges = applied.map((c) => ({ ...c, file: toPosix(path.relative(options.cwd, file)) }));
      if (fixed === original) continue;
      if (options.fixDryRun) {
        changes.push(...fileChanges);
        service.workspace.setFile(original, relativePath);
        continue;
      }
      const refused = writeFixed(sources.get(file)!, fixed.text);
      if (refused) {
        // The file stays as it is on disk, and so is it checked and indexed; none of its changes were made.
        notWritten.set(file, notWrittenFinding(file, refused));
        service.workspace.setFile(original, relativePath);
        continue;
      }
      changes.push(...fileChanges);
      parsedFiles.set(file, fixed);
    }
  }
  // The engine put the exact parse's facts into the index; the report and fixes read the parse itself.
  const placed = (file: string, exact: ParsedFile): void => {
    parsedFiles.set(file, exact);
  };
  /**
   * A file's findings, placed exactly: the file is parsed exactly when it has a finding, and so is every
   * fast-read file a finding points into (a programme's budget cap lists the projects' amounts).
   */
  const checkPlaced = (file: string, relativePath: string) => {
    // A file read from the cache whose findings must be worked out again is read now.
    const parsed = parsedFiles.get(file) ?? service.readClosed(pathToFileURL(file).href, sources.get(file)!.text);
    return service.checkClosed(parsed, { relativePath, settings: workspace.settings, folderUri }, (exact) => placed(file, exact));
  };
  // Findings the cache still vouches for: the file, the configuration and everything its cross-file rules read are unchanged.
  const fromCache = cache ? cache.session.validFindings(service.workspace) : new Map<string, Finding[]>();
  const ownFindings = new Map<string, Finding[]>();
  const fixLog = options.fix || options.fixDryRun ? formatFixChanges(changes, !!options.fixDryRun) : '';
  const results: FileResult[] = [];
  const checked: CheckOutcome['checked'] = [];
  for (const file of workspace.files) {
    const relativePath = toPosix(path.relative(workspace.root, file));
    const cached = fromCache.get(pathToFileURL(file).href);
    if (cached) {
      results.push({ file: toPosix(path.relative(options.cwd, file)), findings: cached });
      checked.push({ relativePath, findings: cached });
      continue;
    }
    const refused = notWritten.get(file);
    const unreadable = sources.get(file)!.unreadable;
    const own = unreadable ? undefined : await checkPlaced(file, relativePath);
    const findings = unreadable ? [unreadable] : sortFindings([...(refused ? [refused] : []), ...own!.findings]);
    if (own) ownFindings.set(pathToFileURL(file).href, findings);
    results.push({ file: toPosix(path.relative(options.cwd, file)), findings });
    checked.push({ parsed: own?.file ?? parsedFiles.get(file), relativePath, findings });
  }
  const summary = summarise(results);
  const none = workspace.files.length === 0 ? noChartersMessage(workspace, options.cwd) : '';
  const output = service.phaseTimes.time('publish', () => (none && options.format === 'stylish' ? none : formatResults(options.format, results, { color: options.color, cwd: options.cwd })));
  const filesPrint = checkedPrint([...portfolio, '', ...workspace.files]);
  const settingsLines = cache?.session.previousSettingsWarnings(filesPrint) ?? settingsFileWarnings(workspace, service, options.cwd);
  const cacheNotes = cache ? (cache.problem ?? '') + cache.save(service, workspace.settings, ownFindings, { checkedPrint: filesPrint, lines: settingsLines }, options.cwd) : '';
  const warnings = cacheNotes + workspaceWarnings(workspace, [...portfolio], service, options.cwd, settingsLines).join('') + (none && options.format !== 'stylish' ? `charter: warning: ${none}` : '');
  const overWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  const cacheUse = cache && { filesRestored: cache.session.restoredCount, findingsReused: fromCache.size };
  return {
    output,
    exitCode: summary.errors > 0 || overWarnings ? 1 : 0,
    results,
    checked,
    settings: workspace.settings,
    fixLog,
    warnings,
    baseline,
    notice,
    root: workspace.root,
    policy: service.workspace.policy(workspace.settings.policy),
    cacheUse,
    phaseTimes: service.phaseTimes,
  };
}

/** The git base of `ref`; without git or a repository a notice instead (never a crash); an unknown ref is the user's to fix. */
async function openBaseline(root: string, ref: string): Promise<{ baseline?: GitBaseline; notice?: string }> {
  if (!ref.trim()) throw new UsageError('--base needs a git ref, e.g. --base main.');
  try {
    return { baseline: await GitBaseline.open(root, ref) };
  } catch (e) {
    if (e instanceof GitProblem && e.kind === 'unavailable') return { notice: `charter: --base ${ref}: ${e.message}, so no change rules ran.\n` };
    if (e instanceof GitProblem) throw new UsageError(`--base ${ref}: ${e.message}.`);
    throw e;
  }
}

/**
 * Applies the file's safe fixes (what "Fix all" applies in the editor) until none is left; returns the
 * same parse when nothing changed, and each change made. Suggestions are never applied here.
 */
async function fixFile(service: CharterLanguageService, parsed: ParsedFile, context: ValidationContext): Promise<{ fixed: ParsedFile; applied: Array<Omit<FixChange, 'file'>> }> {
  let current = parsed;
  const applied: Array<Omit<FixChange, 'file'>> = [];
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const findings = (await service.validate(current, context)).filter((f) => f.uri === current.uri);
    const fixes = safeFixesOf(findings);
    const edits = fixes.flatMap((f) => f.edits);
    if (edits.length === 0) break;
    const text = applyTextEdits(current.text, edits);
    if (text === current.text) break;
    for (const { finding, edits: own } of fixes) {
      for (const edit of own) {
        const before = current.text.slice(current.lines.offsetAt(edit.range.start), current.lines.offsetAt(edit.range.end));
        applied.push({ line: edit.range.start.line + 1, rule: finding.rule, before, after: edit.newText });
      }
    }
    current = service.parse(current.uri, text, current.version + 1);
    service.workspace.setFile(current, context.relativePath);
  }
  return { fixed: current, applied };
}

/** Every charter file of the workspace, by the `charter.files.*` globs. */
export function portfolioFiles(root: string, globs: { include: string[]; exclude: string[] }): string[] {
  return globSync(globs.include, { cwd: root, ignore: globs.exclude, absolute: true, dot: false, followSymbolicLinks: false }).map((f) => path.normalize(f));
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
