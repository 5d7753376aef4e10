// Validates open charters as they change and publishes the findings. Work starts on the next tick
// (no fixed delay); a result that a newer edit made stale is dropped instead of published.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CharterLanguageService } from '../engine/languageService';
import type { Finding } from '../engine/types';
import { logRuleFailures, toDiagnostic } from './diagnostics';
import type { SettingsCache } from './settingsCache';
import type { WorkspaceFolders } from './workspaceFolders';

export class ValidationHandler {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** Counts schedule() calls, so a drain can tell whether more edits arrived since it last looked. */
  private changes = 0;
  private changesSeen = 0;
  /** The findings last published per URI, for commands that summarise them. */
  readonly published = new Map<string, Finding[]>();
  /**
   * Resolves when the workspace index is complete. A file checked before that would get cross-file
   * findings (and a policy) from half a portfolio, published and then withdrawn a moment later.
   */
  waitForIndex: () => Promise<void> = () => Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: CharterLanguageService,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
  ) {}

  schedule(uri: string): void {
    this.pending.add(uri);
    this.changes++;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drainSafely());
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    this.published.delete(uri);
    this.service.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
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
      await this.validate(uri).catch((e: unknown) => this.connection.console.error(`Charter could not check ${uri}: ${(e as Error)?.stack ?? String(e)}`));
    }
  }

  /** The drain is never left to fail unhandled: that would end the server. */
  private drainSafely(): void {
    this.drain().catch((e: unknown) => {
      this.scheduled = false;
      this.connection.console.error(`Charter's validation queue failed: ${(e as Error)?.stack ?? String(e)}`);
    });
  }

  async validate(uri: string): Promise<Finding[] | undefined> {
    const document = this.documents.get(uri);
    // A base text in the diff editor (`charter-base:`) is history, not a charter to check.
    if (!document || uri.startsWith('charter-base:')) return undefined;
    const version = document.version;
    await this.waitForIndex();
    if (this.isStale(uri, version)) return undefined;
    const settings = await this.settings.get(uri);
    if (this.isStale(uri, version)) return undefined;
    this.service.setFileSizeLimit(settings.files.maxSizeKB);
    const file = this.service.parse(uri, document.getText(), version);
    const findings = await this.service.validate(file, { relativePath: this.folders.relativePath(uri), settings });
    if (this.isStale(uri, version)) return undefined;
    this.published.set(uri, findings);
    logRuleFailures((m) => this.connection.console.error(m), uri, findings);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
    return findings;
  }

  private isStale(uri: string, version: number): boolean {
    const current = this.documents.get(uri);
    return !current || current.version !== version;
  }
}
