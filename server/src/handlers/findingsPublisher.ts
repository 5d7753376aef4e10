// The one publisher of diagnostics. Every file's findings - an open document's from the editor's text,
// a closed charter's from the text on disk - are checked by one queue and sent by one method, which
// also adds the workspace notices (settings files, charter-like files outside the globs) of the same
// URI. A URI's diagnostics are always the whole of what we know about it, so no sender can wipe out
// another's findings. Work starts on the next tick (no fixed delay); a result that a newer text made
// stale is dropped instead of published.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CharterLanguageService } from '../engine/languageService';
import type { Finding } from '../engine/types';
import { logRuleFailures, toDiagnostic } from './diagnostics';
import type { SettingsCache } from './settingsCache';
import type { WorkspaceFolders } from './workspaceFolders';

/** A closed, indexed file as last read from disk; the version is the reader's own counter. */
export interface ClosedFile {
  text: string;
  version: number;
}

/** Where the text being checked came from; a result is published only if the source is still current. */
interface Source {
  open: boolean;
  version: number;
  text: string;
}

export class FindingsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** Counts schedule() calls, so a drain can tell whether more edits arrived since it last looked. */
  private changes = 0;
  private changesSeen = 0;
  /** The findings last published per URI (open or closed), for code actions and commands that summarise them. */
  readonly published = new Map<string, Finding[]>();
  /** Findings about the workspace rather than a charter, per URI (see WorkspaceNotices). */
  private notices = new Map<string, Finding[]>();
  /** What was last sent per URI (closed files only), so an unchanged re-check stays quiet. */
  private readonly sent = new Map<string, string>();
  /**
   * Resolves when the workspace index is complete. A file checked before that would get cross-file
   * findings (and a policy) from half a portfolio, published and then withdrawn a moment later.
   */
  waitForIndex: () => Promise<void> = () => Promise.resolve();
  /** Told of each closed file's findings once published (the persistent cache keeps them). */
  onClosedChecked: (uri: string, findings: Finding[]) => void = () => undefined;
  /** The closed, indexed files and their text on disk (none without a workspace index, as in the web). */
  closedFiles: { get(uri: string): ClosedFile | undefined; uris(): Iterable<string> } = { get: () => undefined, uris: () => [] };

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: CharterLanguageService,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
  ) {}

  /** Checks the file (open or closed) soon; a burst of calls is checked once. */
  schedule(uri: string): void {
    this.pending.add(uri);
    this.changes++;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drainSafely());
  }

  /** Every open document and every closed charter: settings, schemas, trust or the change-control base moved. */
  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
    for (const uri of this.closedFiles.uris()) this.schedule(uri);
  }

  /** The file is neither open nor indexed any more: withdraw its findings (its notices stay). */
  forget(uri: string): void {
    this.pending.delete(uri);
    this.sent.delete(uri);
    this.service.forget(uri);
    this.published.delete(uri);
    void this.send(uri, undefined);
  }

  /** A closed file that could not be read: these findings (from no text) stand until it is read or forgotten. */
  async unreadable(uri: string, findings: Finding[]): Promise<void> {
    if (this.documents.get(uri)) return;
    this.pending.delete(uri);
    this.published.set(uri, findings);
    await this.send(uri, undefined);
  }

  /** Replaces every workspace notice; URIs whose notices changed are published again. */
  async setNotices(next: Map<string, Finding[]>): Promise<void> {
    const previous = this.notices;
    this.notices = next;
    for (const uri of new Set([...previous.keys(), ...next.keys()])) {
      if (JSON.stringify(previous.get(uri) ?? []) === JSON.stringify(next.get(uri) ?? [])) continue;
      this.sent.delete(uri);
      await this.send(uri, this.sourceOf(uri));
    }
  }

  /** Checks a file now and publishes its findings; undefined when it is neither open nor indexed, or went stale. */
  async check(uri: string): Promise<Finding[] | undefined> {
    // A base text in the diff editor (`charter-base:`) is history, not a charter to check.
    if (uri.startsWith('charter-base:')) return undefined;
    const source = this.sourceOf(uri);
    if (!source) return undefined;
    await this.waitForIndex();
    if (!this.isCurrent(uri, source)) return undefined;
    const folderUri = this.folders.folderOf(uri);
    const settings = await this.settings.get(source.open ? uri : (folderUri ?? uri));
    if (!this.isCurrent(uri, source)) return undefined;
    this.service.setFileSizeLimit(settings.files.maxSizeKB);
    const context = { relativePath: this.folders.relativePath(uri), settings, folderUri };
    // An open document keeps its exact, cached parse (completion and fixes need it); a closed one is
    // checked on a fast read and parsed exactly only when it has a finding to place.
    const findings = source.open
      ? await this.service.validate(this.service.parse(uri, source.text, source.version), context)
      : // Read again rather than kept from indexing: holding every closed file's tree until its check costs more memory than the read costs time.
        // Its exact parse, if it has findings to place, is not put into the index either: a finding elsewhere that points into it places it then.
        (await this.service.checkClosed(this.service.readClosed(uri, source.text, source.version), context)).findings;
    if (!this.isCurrent(uri, source)) return undefined;
    this.published.set(uri, findings);
    logRuleFailures((m) => this.connection.console.error(m), uri, findings);
    await this.send(uri, source);
    if (!source.open) this.onClosedChecked(uri, findings);
    return findings;
  }

  /** Publishes a closed file's findings that the persistent cache vouches for (worked out from this very text). */
  async publishCached(uri: string, findings: Finding[]): Promise<void> {
    const source = this.sourceOf(uri);
    if (!source || source.open) return;
    this.published.set(uri, findings);
    await this.send(uri, source);
  }

  private sourceOf(uri: string): Source | undefined {
    const document = this.documents.get(uri);
    if (document) return { open: true, version: document.version, text: document.getText() };
    const closed = this.closedFiles.get(uri);
    return closed && { open: false, version: closed.version, text: closed.text };
  }

  private isCurrent(uri: string, source: Source): boolean {
    const now = this.sourceOf(uri);
    return !!now && now.open === source.open && now.version === source.version && now.text === source.text;
  }

  /** The whole of a URI's diagnostics: its findings as a charter plus its workspace notices. */
  private async send(uri: string, source: Source | undefined): Promise<void> {
    const findings = [...(this.published.get(uri) ?? []), ...(this.notices.get(uri) ?? [])];
    const diagnostics = findings.map(toDiagnostic);
    if (source?.open) {
      this.sent.delete(uri);
      await this.connection.sendDiagnostics({ uri, version: source.version, diagnostics });
      return;
    }
    // A closed file another edit might have affected is re-checked; the client hears about it only if something changed.
    const key = JSON.stringify(diagnostics);
    if (this.sent.get(uri) === key) return;
    this.sent.set(uri, key);
    await this.service.phaseTimes.timeAsync('publish', () => this.connection.sendDiagnostics({ uri, diagnostics }));
  }

  private async drain(): Promise<void> {
    // The JSON-RPC reader hands over one message per event-loop turn. While edits keep arriving turn
    // after turn, wait one more turn: a burst of keystrokes is validated once, for its last version.
    if (this.changes !== this.changesSeen) {
      this.changesSeen = this.changes;
      setImmediate(() => this.drainSafely());
      return;
    }
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      // One file's failure is logged; the others are still checked.
      await this.check(uri).catch((e: unknown) => this.connection.console.error(`Charter could not check ${uri}: ${(e as Error)?.stack ?? String(e)}`));
    }
  }

  /** The drain is never left to fail unhandled: that would end the server. */
  private drainSafely(): void {
    this.drain().catch((e: unknown) => {
      this.scheduled = false;
      this.connection.console.error(`Charter's validation queue failed: ${(e as Error)?.stack ?? String(e)}`);
    });
  }
}
