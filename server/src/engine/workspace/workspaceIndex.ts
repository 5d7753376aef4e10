// The workspace index: every charter, programme, portfolio and people document of the workspace, as
// facts (ids, references, dates, amounts, with ranges). Pure: it is handed parsed files, never reads
// the disk. Whole-portfolio rules run here, per document, and re-run only for documents whose reads
// changed: each run records the keys it read, each document records what it contributes to each key.
import { detectKind } from '../kinds';
import type { ParsedFile } from '../parser/charterParser';
import { CharterDocument } from '../model/charterReader';
import { PORTFOLIO_RULES } from '../rules/index';
import { policyKey, resolvePolicy, type Policy } from '../rules/policy';
import { reporterFor } from '../rules/reporting';
import type { DocumentKind, Finding } from '../types';
import { contributionsOf, extractFacts } from '../model/documentKinds';
import { fingerprint, Keys } from './contributions';
import type { IndexedDocument, PortfolioFacts } from './indexTypes';
import { IndexQuery } from './indexQuery';
import { guarded, ruleFailedFinding } from '../rules/ruleFailure';
import type { PhaseTimes } from '../utils/phaseTimes';

export interface IndexedFile {
  uri: string;
  relativePath: string;
  version: number;
  text: string;
  documents: IndexedDocument[];
  /** Documents whose facts could not be read (our bug): one `internal/rule-failed` finding each, the file stays indexed. */
  failures: Finding[];
  /**
   * True when the facts come from the fast loader: their values are exact, their ranges are empty.
   * `placeExactly` re-reads such a file with ranges when something must point into it.
   */
  fast: boolean;
}

/** Which files' findings may have changed after an update: the file itself and those that read from it. */
export interface IndexChange {
  /** The file that was set or removed. */
  changed: string;
  uris: string[];
  /** The portfolio's policy changed: every file's findings may have changed. */
  policyChanged: boolean;
  /** A fast file was re-read exactly (`placeExactly`): its values are the same, only ranges were added. */
  placement?: true;
}

interface RuleRun {
  findings: Finding[];
  reads: Set<string>;
  policy: string;
  /** Something it read changed; its reads stay registered, so later changes still find it. */
  stale: boolean;
}

export interface WorkspaceIndexOptions {
  /** Parses a text exactly (every node's range), for `placeExactly`; without it fast files stay as they are. */
  parseExactly?: (uri: string, text: string, version: number) => ParsedFile;
  /** Adds up the time spent taking facts and updating the index. */
  phaseTimes?: PhaseTimes;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly documentsByKey = new Map<string, IndexedDocument>();
  private readonly documentsByKind = new Map<DocumentKind, Map<string, IndexedDocument>>();
  /** key -> document key -> what that document contributes under the key. */
  private readonly contributions = new Map<string, Map<string, unknown[]>>();
  private readonly fingerprints = new Map<string, Map<string, string>>();
  private readonly kindCounts = new Map<DocumentKind, number>();
  /** key -> documents whose last portfolio-rule run read it. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly runs = new Map<string, RuleRun>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private placing = false;
  private policyMemo: { raw: unknown; setting: unknown; policy: Policy } | undefined;
  /** Fingerprints of whole keys (every document's contribution), until the next change. */
  private keyPrints = new Map<string, string>();

  constructor(private readonly options: WorkspaceIndexOptions = {}) {}

  /** Adds or replaces a file. Returns (and announces) which files' findings may have changed. */
  setFile(file: ParsedFile, relativePath: string): IndexChange {
    return this.timed(() => {
      const { documents, failures } = indexDocuments(file, relativePath);
      return this.replace(file.uri, { uri: file.uri, relativePath, version: file.version, text: file.text, documents, failures, fast: file.fast === true });
    });
  }

  /** Adds or replaces a file from facts kept elsewhere (a persistent cache): no parse at all. */
  setIndexed(file: IndexedFile): IndexChange {
    return this.timed(() => this.replace(file.uri, file));
  }

  private timed<T>(work: () => T): T {
    return this.options.phaseTimes ? this.options.phaseTimes.time('index', work) : work();
  }

  /**
   * Re-reads a fast-indexed file with exact ranges, from the text the index holds, so that findings and
   * locations pointing into it are placed. True when it was re-read; false when it was exact already.
   */
  placeExactly(uri: string): boolean {
    const file = this.files.get(uri);
    if (!file?.fast || !this.options.parseExactly) return false;
    return this.placeParsed(this.options.parseExactly(uri, file.text, file.version));
  }

  /** An exact parse of a file the index holds fast, of the same text: its facts take their ranges from it. True when taken. */
  placeParsed(exact: ParsedFile): boolean {
    const file = this.files.get(exact.uri);
    if (!file?.fast || exact.fast || exact.text !== file.text) return false;
    this.placing = true;
    try {
      this.setFile(exact, file.relativePath);
    } finally {
      this.placing = false;
    }
    return true;
  }

  /**
   * The keys the file's last portfolio-rule runs read, or undefined when a document of it has not run
   * since its inputs last changed. With `keyFingerprint`, what a persistent cache checks to know that
   * the file's cross-file findings still hold.
   */
  readsOf(uri: string): string[] | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    const keys = new Set<string>();
    for (const doc of file.documents) {
      const run = this.runs.get(doc.ref.key);
      if (!run || run.stale) return undefined;
      for (const key of run.reads) keys.add(key);
    }
    return [...keys].sort(compare);
  }

  /**
   * Re-runs the file's portfolio rules whose inputs changed since they ran (another file was re-read
   * exactly, say); true when each gave the findings it gave before, so that findings worked out from
   * the earlier runs still hold, and `readsOf` answers again.
   */
  refreshRuns(uri: string, settingPolicy?: unknown): boolean {
    const file = this.files.get(uri);
    if (!file) return false;
    const policy = this.policy(settingPolicy);
    const key = policyKey(policy);
    let same = true;
    for (const doc of file.documents) {
      const before = this.runs.get(doc.ref.key);
      if (before && !before.stale && before.policy === key) continue;
      const after = this.run(doc, policy, key);
      if (!before || fingerprint(before.findings) !== fingerprint(after.findings)) same = false;
    }
    return same;
  }

  /** A stable text of everything the portfolio holds under a key (for `kind:` keys, only whether any document has that kind). */
  keyFingerprint(key: string): string {
    let print = this.keyPrints.get(key);
    if (print !== undefined) return print;
    if (key.startsWith('kind:')) {
      print = String((this.kindCounts.get(key.slice('kind:'.length) as DocumentKind) ?? 0) > 0);
    } else {
      const byDoc = this.contributions.get(key);
      const docKeys = byDoc ? [...byDoc.keys()].sort(compare) : [];
      print = docKeys.map((docKey) => `${docKey}\u0000${this.fingerprints.get(docKey)?.get(key) ?? ''}`).join('\u0001');
    }
    this.keyPrints.set(key, print);
    return print;
  }

  removeFile(uri: string): IndexChange {
    if (!this.files.has(uri)) return { changed: uri, uris: [], policyChanged: false };
    return this.replace(uri, undefined);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  file(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  allFiles(): IndexedFile[] {
    return [...this.files.values()].sort((a, b) => compare(a.uri, b.uri));
  }

  documents(kind?: DocumentKind): IndexedDocument[] {
    const docs = kind ? (this.documentsByKind.get(kind)?.values() ?? []) : this.documentsByKey.values();
    return [...docs].sort((a, b) => compare(a.ref.key, b.ref.key));
  }

  /** Answers about the whole portfolio, for features such as hover and the portfolio view. */
  query(): IndexQuery {
    return new IndexQuery(this.contributions, this.kindCounts);
  }

  /** The raw `policy` of the workspace's Portfolio document (the first by path, if there are several). */
  portfolioPolicy(): unknown {
    const portfolio = this.documents('Portfolio')[0];
    return portfolio ? (portfolio.facts as PortfolioFacts).policy : undefined;
  }

  /** The policy in force; the same object while the portfolio's policy and the setting are the same. */
  policy(settingPolicy?: unknown): Policy {
    const raw = this.portfolioPolicy();
    const memo = this.policyMemo;
    if (memo && memo.raw === raw && memo.setting === settingPolicy) return memo.policy;
    const policy = resolvePolicy(raw, settingPolicy);
    this.policyMemo = { raw, setting: settingPolicy, policy };
    return policy;
  }

  onDidChange(listener: (change: IndexChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The whole-portfolio findings of one file, re-running rules only for documents whose inputs changed. */
  portfolioFindings(uri: string, settingPolicy?: unknown): Finding[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const policy = this.policy(settingPolicy);
    const key = policyKey(policy);
    const findings: Finding[] = [...file.failures];
    for (const doc of file.documents) {
      let run = this.runs.get(doc.ref.key);
      if (!run || run.stale || run.policy !== key) run = this.run(doc, policy, key);
      findings.push(...run.findings);
    }
    return findings;
  }

  private run(doc: IndexedDocument, policy: Policy, key: string): RuleRun {
    this.forgetReads(doc.ref.key);
    const reads = new Set<string>();
    const query = new IndexQuery(this.contributions, this.kindCounts, reads);
    const findings: Finding[] = [];
    for (const rule of PORTFOLIO_RULES) {
      if (!rule.kinds.includes(doc.kind)) continue;
      guarded(rule.id, doc.ref.uri, findings, () => rule.check({ target: doc, portfolio: query, policy, report: reporterFor(rule, doc.ref.uri, findings) }));
    }
    for (const read of reads) {
      let set = this.readers.get(read);
      if (!set) this.readers.set(read, (set = new Set()));
      set.add(doc.ref.key);
    }
    const run = { findings, reads, policy: key, stale: false };
    this.runs.set(doc.ref.key, run);
    return run;
  }

  private forgetReads(docKey: string): void {
    const run = this.runs.get(docKey);
    if (!run) return;
    for (const read of run.reads) this.readers.get(read)?.delete(docKey);
    this.runs.delete(docKey);
  }

  private replace(uri: string, next: IndexedFile | undefined): IndexChange {
    this.keyPrints = new Map();
    const previous = this.files.get(uri);
    // Only a Portfolio document carries the policy: other files cannot change it.
    const touchesPolicy = [...(previous?.documents ?? []), ...(next?.documents ?? [])].some((d) => d.kind === 'Portfolio');
    const policyBefore = touchesPolicy ? fingerprint([this.portfolioPolicy()]) : '';
    const changedKeys = new Set<string>();
    const kindsBefore = new Map<DocumentKind, boolean>();
    for (const doc of [...(previous?.documents ?? []), ...(next?.documents ?? [])]) kindsBefore.set(doc.kind, (this.kindCounts.get(doc.kind) ?? 0) > 0);

    // Take the old documents out, remembering what they contributed.
    const before = new Map<string, string>();
    for (const doc of previous?.documents ?? []) {
      for (const [key, print] of this.fingerprints.get(doc.ref.key) ?? []) before.set(`${key}\u0000${doc.ref.key}`, print);
      this.removeDocument(doc);
    }
    // Put the new ones in.
    const after = new Map<string, string>();
    for (const doc of next?.documents ?? []) {
      this.addDocument(doc);
      for (const [key, print] of this.fingerprints.get(doc.ref.key) ?? []) after.set(`${key}\u0000${doc.ref.key}`, print);
    }
    if (next) this.files.set(uri, next);
    else this.files.delete(uri);

    for (const [pair, print] of before) if (after.get(pair) !== print) changedKeys.add(pair.split('\u0000')[0]);
    for (const [pair, print] of after) if (before.get(pair) !== print) changedKeys.add(pair.split('\u0000')[0]);
    for (const [kind, had] of kindsBefore) {
      const key = Keys.kind(kind);
      changedKeys.delete(key);
      if (had !== (this.kindCounts.get(kind) ?? 0) > 0) changedKeys.add(key);
    }

    const affected = new Set<string>([uri]);
    for (const key of changedKeys) {
      for (const docKey of this.readers.get(key) ?? []) {
        const doc = this.documentsByKey.get(docKey);
        const run = this.runs.get(docKey);
        if (run) run.stale = true;
        if (doc) affected.add(doc.ref.uri);
      }
    }
    const policyChanged = touchesPolicy && fingerprint([this.portfolioPolicy()]) !== policyBefore;
    if (policyChanged) for (const other of this.files.keys()) affected.add(other);
    const change: IndexChange = { changed: uri, uris: [...affected].sort(compare), policyChanged, ...(this.placing ? { placement: true as const } : {}) };
    for (const listener of this.listeners) listener(change);
    return change;
  }

  private addDocument(doc: IndexedDocument): void {
    this.documentsByKey.set(doc.ref.key, doc);
    let ofKind = this.documentsByKind.get(doc.kind);
    if (!ofKind) this.documentsByKind.set(doc.kind, (ofKind = new Map()));
    ofKind.set(doc.ref.key, doc);
    this.kindCounts.set(doc.kind, (this.kindCounts.get(doc.kind) ?? 0) + 1);
    const prints = new Map<string, string>();
    for (const [key, payloads] of contributionsOf(doc)) {
      let byDoc = this.contributions.get(key);
      if (!byDoc) this.contributions.set(key, (byDoc = new Map()));
      byDoc.set(doc.ref.key, payloads);
      prints.set(key, fingerprint(payloads));
    }
    this.fingerprints.set(doc.ref.key, prints);
  }

  private removeDocument(doc: IndexedDocument): void {
    this.documentsByKey.delete(doc.ref.key);
    this.documentsByKind.get(doc.kind)?.delete(doc.ref.key);
    this.kindCounts.set(doc.kind, (this.kindCounts.get(doc.kind) ?? 1) - 1);
    for (const key of this.fingerprints.get(doc.ref.key)?.keys() ?? []) {
      const byDoc = this.contributions.get(key);
      byDoc?.delete(doc.ref.key);
      if (byDoc && byDoc.size === 0) this.contributions.delete(key);
    }
    this.fingerprints.delete(doc.ref.key);
    this.forgetReads(doc.ref.key);
  }
}

/**
 * The charter documents of a file, with their kind and facts; documents of no known kind are left out.
 * A document whose facts cannot be read is left out too, with a failure finding: one file must never
 * stop the indexing of the workspace (the CLI's run, the server's start).
 */
function indexDocuments(file: ParsedFile, relativePath: string): { documents: IndexedDocument[]; failures: Finding[] } {
  const documents: IndexedDocument[] = [];
  const failures: Finding[] = [];
  for (const doc of file.documents) {
    try {
      if (doc.empty || doc.value === undefined) continue;
      const kind = detectKind(doc, relativePath).kind;
      if (!kind) continue;
      const ref = { uri: file.uri, index: doc.index, key: `${file.uri}#${doc.index}`, relativePath };
      documents.push({ ref, kind, facts: extractFacts(new CharterDocument(file, doc, kind)) });
    } catch (e) {
      failures.push(ruleFailedFinding('workspace index', file.uri, e, file.lines.rangeOf(doc.start, doc.start)));
    }
  }
  return { documents, failures };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
