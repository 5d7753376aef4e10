// A persistent cache of a portfolio check: per file, its facts (what the workspace index holds) and its
// findings, keyed by the file's content hash; the whole cache by the engine build, the settings and the
// schemas and rulesets in force. A file whose text is unchanged joins the index from its cached facts,
// without a parse. Its cached findings hold only while what they were computed from still holds:
// - per-file findings depend on the file's text, the configuration (the cache's key) and the portfolio's
//   policy (the Portfolio documents; with rulesets, every file, since their functions read the values);
// - cross-file findings depend on the index keys the file's portfolio-rule runs read (recorded with a
//   fingerprint of each): any other file's change to one of those keys invalidates them, and only them.
// The engine does no I/O: the host reads and writes the text (atomically) and hashes.
import type { Finding } from '../types';
import type { IndexedDocument } from './indexTypes';
import type { IndexedFile, WorkspaceIndex } from './workspaceIndex';

const HEADER = 'charter-findings-cache';
/** Bump when the layout of the body changes. */
export const CACHE_FORMAT_VERSION = 1;

export type Hash = (text: string) => string;

export interface CachedFile {
  /** Content hash of the text the facts and findings were taken from. */
  hash: string;
  relativePath: string;
  fast: boolean;
  documents: IndexedDocument[];
  failures: Finding[];
  /** Set when the file was checked: its findings, and what their cross-file part was computed from. */
  checked?: { findings: Finding[]; reads: string[]; readsPrint: string };
}

export interface FindingsCacheData {
  /** Engine build, settings, day, workspace folder: a different key discards the whole cache. */
  key: string;
  /** Schema and ruleset files (URIs) the findings were computed with, and the hash of each one's content. */
  inputs: Array<{ uri: string; hash: string }>;
  /** Rulesets were in force: their functions read every document's values, so every file depends on every file. */
  wholePortfolio: boolean;
  /** What every file's findings depend on besides its own text (see `portfolioPrint`). */
  portfolioPrint: string;
  files: Record<string, CachedFile>;
  /** Warnings about the settings file (they name rule ids that only loaded schemas know), per set of checked files. */
  settingsWarnings?: { checkedPrint: string; lines: string[] };
}

/** Why a cache text could not be used, or the data. Never throws: a cache is a hint, never an input to trust. */
export function readFindingsCache(text: string, hash: Hash): { data?: FindingsCacheData; problem?: string } {
  const firstBreak = text.indexOf('\n');
  const secondBreak = firstBreak < 0 ? -1 : text.indexOf('\n', firstBreak + 1);
  if (secondBreak < 0 || text.slice(0, firstBreak) !== `${HEADER} ${CACHE_FORMAT_VERSION}`) {
    return { problem: text.startsWith(`${HEADER} `) ? 'it was written by another version of Charter' : 'it is not a Charter cache file' };
  }
  const body = text.slice(secondBreak + 1);
  if (text.slice(firstBreak + 1, secondBreak) !== hash(body)) return { problem: 'it is truncated or corrupt (its checksum does not match)' };
  let data: unknown;
  try {
    data = JSON.parse(body, revive);
  } catch {
    return { problem: 'it is corrupt (not the JSON Charter writes)' };
  }
  return isCacheData(data) ? { data } : { problem: 'it is corrupt (not the shape Charter writes)' };
}

export function writeFindingsCache(data: FindingsCacheData, hash: Hash): string {
  const body = JSON.stringify(data, replace);
  return `${HEADER} ${CACHE_FORMAT_VERSION}\n${hash(body)}\n${body}`;
}

/** The file's facts, from the cache, into the index: no parse. */
function restoreFile(index: WorkspaceIndex, uri: string, cached: CachedFile, text: string, version: number): void {
  const documents = cached.documents.map((d) => ({ ...d, ref: { ...d.ref, uri, key: `${uri}#${d.ref.index}`, relativePath: cached.relativePath } }));
  const file: IndexedFile = { uri, relativePath: cached.relativePath, version, text, documents, failures: cached.failures, fast: cached.fast };
  index.setIndexed(file);
}

/** What every file's findings depend on besides its own text and the cache key: the Portfolio documents (policy, rulesets), or with rulesets every file. */
function portfolioPrint(index: WorkspaceIndex, hashOf: (uri: string) => string | undefined, wholePortfolio: boolean, hash: Hash): string {
  const uris = wholePortfolio ? index.allFiles().map((f) => f.uri) : [...new Set(index.documents('Portfolio').map((d) => d.ref.uri))].sort();
  return hash(uris.map((uri) => `${uri}\u0000${hashOf(uri) ?? ''}`).join('\u0001'));
}

/** A fingerprint of the index keys a file's portfolio rules read, as the index holds them now. */
function readsPrint(index: WorkspaceIndex, reads: string[], hash: Hash, memo: Map<string, string>): string {
  return hash(
    reads
      .map((key) => {
        let print = memo.get(key);
        if (print === undefined) memo.set(key, (print = hash(index.keyFingerprint(key))));
        return `${key}\u0000${print}`;
      })
      .join('\u0001'),
  );
}

/** The file as the index holds it now, for the cache; with its findings when the index knows what their cross-file part read. */
function cachedFileOf(index: WorkspaceIndex, uri: string, contentHash: string, findings: Finding[] | undefined, hash: Hash, memo: Map<string, string>, settingPolicy?: unknown): CachedFile | undefined {
  const file = index.file(uri);
  if (!file) return undefined;
  const cached: CachedFile = { hash: contentHash, relativePath: file.relativePath, fast: file.fast, documents: file.documents, failures: file.failures };
  // A run made stale after the file was checked (another file re-read exactly) is run again: when it
  // finds the same, the findings hold under the index as it is now.
  const reads = findings && (index.readsOf(uri) ?? (index.refreshRuns(uri, settingPolicy) ? index.readsOf(uri) : undefined));
  if (findings && reads) cached.checked = { findings, reads, readsPrint: readsPrint(index, reads, hash, memo) };
  return cached;
}

// Money is a bigint, which JSON cannot hold; strings that could be mistaken for one are escaped.
function replace(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `\u0000n${value}`;
  if (typeof value === 'string' && value.startsWith('\u0000')) return `\u0000s${value}`;
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith('\u0000')) return value;
  if (value.startsWith('\u0000s')) return value.slice(2);
  if (value.startsWith('\u0000n') && /^-?[0-9]+$/.test(value.slice(2))) return BigInt(value.slice(2));
  throw new Error('unknown escape');
}

function isCacheData(data: unknown): data is FindingsCacheData {
  if (!isObject(data) || typeof data.key !== 'string' || typeof data.wholePortfolio !== 'boolean' || typeof data.portfolioPrint !== 'string') return false;
  if (!Array.isArray(data.inputs) || !data.inputs.every((i) => isObject(i) && typeof i.uri === 'string' && typeof i.hash === 'string')) return false;
  if (!isObject(data.files)) return false;
  if (data.settingsWarnings !== undefined && !(isObject(data.settingsWarnings) && typeof data.settingsWarnings.checkedPrint === 'string' && isStringList(data.settingsWarnings.lines))) return false;
  return Object.values(data.files).every(isCachedFile);
}

function isCachedFile(file: unknown): file is CachedFile {
  if (!isObject(file) || typeof file.hash !== 'string' || typeof file.relativePath !== 'string' || typeof file.fast !== 'boolean') return false;
  if (!Array.isArray(file.failures) || !file.failures.every(isFinding)) return false;
  if (!Array.isArray(file.documents) || !file.documents.every(isDocument)) return false;
  if (file.checked === undefined) return true;
  const checked = file.checked;
  return isObject(checked) && Array.isArray(checked.findings) && checked.findings.every(isFinding) && isStringList(checked.reads) && typeof checked.readsPrint === 'string';
}

/** The lists each kind's facts must have: what the index and the rules iterate over. */
const FACT_LISTS: Record<string, string[]> = {
  Project: ['milestones', 'dependencies', 'allocations', 'personRefs', 'objectiveRefs'],
  Programme: ['personRefs'],
  Portfolio: ['objectives', 'funding'],
  People: ['people'],
};

function isDocument(doc: unknown): boolean {
  if (!isObject(doc) || typeof doc.kind !== 'string' || !FACT_LISTS[doc.kind] || !isObject(doc.ref) || !Number.isInteger(doc.ref.index)) return false;
  const facts = doc.facts;
  return isObject(facts) && facts.kind === doc.kind && FACT_LISTS[doc.kind].every((list) => Array.isArray(facts[list]));
}

function isFinding(f: unknown): boolean {
  return isObject(f) && typeof f.rule === 'string' && typeof f.message === 'string' && typeof f.severity === 'string' && typeof f.uri === 'string' && isRange(f.range) && typeof f.docs === 'string';
}

function isRange(r: unknown): boolean {
  return isObject(r) && isPosition(r.start) && isPosition(r.end);
}

function isPosition(p: unknown): boolean {
  return isObject(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
}

function isStringList(list: unknown): list is string[] {
  return Array.isArray(list) && list.every((s) => typeof s === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One run's use of a cache: files join the index from it when their text is unchanged, the findings of
 * files whose inputs are unchanged are taken from it, and at the end it gives the cache to write.
 */
export class FindingsCacheSession {
  /** Content hash of every file seen this run, by URI. */
  private readonly hashes = new Map<string, string>();
  private readonly restored = new Set<string>();
  private readonly reused = new Set<string>();
  private readonly memo = new Map<string, string>();

  /** `previous` must already be known to match this run's key and inputs (see `matches`). */
  constructor(
    private readonly previous: FindingsCacheData | undefined,
    private readonly hash: Hash,
  ) {}

  /** Whether a cache read from disk was written with this configuration, schemas and rulesets. */
  static matches(data: FindingsCacheData, key: string, inputHash: (uri: string) => string): boolean {
    return data.key === key && data.inputs.every((input) => inputHash(input.uri) === input.hash);
  }

  /** Puts the file into the index from the cache when its text and path are unchanged; true when it did. */
  restore(index: WorkspaceIndex, uri: string, relativePath: string, text: string, version: number): boolean {
    const contentHash = this.hash(text);
    this.hashes.set(uri, contentHash);
    const cached = this.previous?.files[uri];
    if (!cached || cached.hash !== contentHash || cached.relativePath !== relativePath) return false;
    restoreFile(index, uri, cached, text, version);
    this.restored.add(uri);
    return true;
  }

  /** The file's text as read again during the run: the cache's findings for it no longer count. */
  seen(uri: string, text: string): void {
    this.hashes.set(uri, this.hash(text));
    this.reused.delete(uri);
  }

  /** The file was checked again: its findings are the caller's now, not the cache's. */
  recheck(uri: string): void {
    this.reused.delete(uri);
  }

  /** The file left the portfolio. */
  forget(uri: string): void {
    this.hashes.delete(uri);
    this.reused.delete(uri);
  }

  /** The cached findings still true of each file, by URI; call once every file of the portfolio is in the index. */
  validFindings(index: WorkspaceIndex): Map<string, Finding[]> {
    const valid = new Map<string, Finding[]>();
    const previous = this.previous;
    if (!previous || portfolioPrint(index, (uri) => this.hashes.get(uri), previous.wholePortfolio, this.hash) !== previous.portfolioPrint) return valid;
    for (const uri of this.restored) {
      const checked = previous.files[uri]?.checked;
      if (checked && readsPrint(index, checked.reads, this.hash, this.memo) === checked.readsPrint) {
        valid.set(uri, checked.findings);
        this.reused.add(uri);
      }
    }
    this.memo.clear();
    return valid;
  }

  get restoredCount(): number {
    return this.restored.size;
  }

  get rulesetsWereInForce(): boolean {
    return this.previous?.wholePortfolio ?? false;
  }

  get previousInputs(): Array<{ uri: string; hash: string }> {
    return this.previous?.inputs ?? [];
  }

  previousSettingsWarnings(checkedPrint: string): string[] | undefined {
    const warnings = this.previous?.settingsWarnings;
    return warnings && warnings.checkedPrint === checkedPrint ? warnings.lines : undefined;
  }

  /**
   * The cache to write: every file the index holds that this run saw, with the findings checked in this
   * run (`checked`) or reused from the cache.
   */
  next(
    index: WorkspaceIndex,
    key: string,
    checked: ReadonlyMap<string, Finding[]>,
    options: {
      inputs: Array<{ uri: string; hash: string }>;
      wholePortfolio: boolean;
      settingPolicy?: unknown;
      settingsWarnings?: { checkedPrint: string; lines: string[] };
      /** Files to leave out (open in an editor: the index holds the editor's text, not the disk's). */
      skip?: (uri: string) => boolean;
    },
  ): FindingsCacheData {
    const files: Record<string, CachedFile> = {};
    for (const [uri, contentHash] of this.hashes) {
      if (options.skip?.(uri)) continue;
      if (index.file(uri)?.text !== undefined && this.hash(index.file(uri)!.text) !== contentHash) continue;
      const reused = this.reused.has(uri) ? this.previous?.files[uri]?.checked : undefined;
      const file = cachedFileOf(index, uri, contentHash, reused ? undefined : checked.get(uri), this.hash, this.memo, options.settingPolicy);
      if (!file) continue;
      if (reused) file.checked = reused;
      files[uri] = file;
    }
    this.memo.clear();
    return {
      key,
      inputs: options.inputs,
      wholePortfolio: options.wholePortfolio,
      portfolioPrint: portfolioPrint(index, (uri) => this.hashes.get(uri), options.wholePortfolio, this.hash),
      files,
      settingsWarnings: options.settingsWarnings,
    };
  }
}
