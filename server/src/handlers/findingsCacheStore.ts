// The server's persistent findings cache, in the extension's storage (the client names the folder in
// the initialization options): a restart of a large workspace reads unchanged closed files from it
// instead of parsing them, and publishes the findings it still vouches for. Written after indexing and
// after later checks, debounced, atomically. Open files are never written to it: their text is the
// editor's, not the disk's.
import * as path from 'node:path';
import { configurationKey, settingsPart } from '../cacheHost';
import type { CharterLanguageService } from '../engine/languageService';
import type { CharterSettings } from '../engine/settings';
import type { Finding } from '../engine/types';
import { FindingsCacheSession } from '../engine/workspace/findingsCache';
import { loadCacheFile, saveCacheFileAsync, sha256 } from '../findingsCacheFile';

/** After the last check, wait this long before writing: a burst of changes is written once. */
const SAVE_DELAY_MS = 1500;
const FILE_NAME = 'findings-cache';

export interface CacheEnvironment {
  /** What else the findings depend on in the editor: workspace trust, the change-control base of each folder. */
  identity(): Promise<string>;
  /** The hash of a schema or ruleset file's content (see `inputHasher`). */
  inputHash(uri: string): string;
  isOpen(uri: string): boolean;
  log(message: string): void;
}

export class FindingsCacheStore {
  private session: FindingsCacheSession | undefined;
  private folders: Array<{ uri: string; settings: CharterSettings }> = [];
  private readonly checked = new Map<string, Finding[]>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly folder: string | undefined,
    private readonly service: CharterLanguageService,
    private readonly environment: CacheEnvironment,
  ) {}

  get file(): string | undefined {
    return this.folder && path.join(this.folder, FILE_NAME);
  }

  /** A (re-)index starts: the cache is read and kept only if it was written under this configuration. */
  async begin(folders: Array<{ uri: string; settings: CharterSettings }>): Promise<void> {
    this.folders = folders;
    this.checked.clear();
    const file = this.file;
    if (!file) return;
    await this.writing;
    const { data, problem } = loadCacheFile(file);
    if (problem) this.environment.log(`Charter: the findings cache ${file} was not used and is rebuilt: ${problem}.`);
    const key = await this.key();
    this.session = new FindingsCacheSession(data && FindingsCacheSession.matches(data, key, (uri) => this.environment.inputHash(uri)) ? data : undefined, sha256);
  }

  /** Puts an unchanged closed file into the index from the cache; true when it did (else the caller parses it). */
  restore(uri: string, relativePath: string, text: string, version: number): boolean {
    return this.session?.restore(this.service.workspace, uri, relativePath, text, version) ?? false;
  }

  /** A closed file's text as read from disk (after the start): its cached entry, if any, no longer counts. */
  seen(uri: string, text: string): void {
    this.session?.seen(uri, text);
  }

  forget(uri: string): void {
    this.session?.forget(uri);
    this.checked.delete(uri);
  }

  /** The findings the cache still vouches for, by URI; call once the index holds every file. */
  validFindings(): Map<string, Finding[]> {
    return this.session?.validFindings(this.service.workspace) ?? new Map();
  }

  /** A closed file was checked (and published): remember its findings for the next write. */
  checkedClosed(uri: string, findings: Finding[]): void {
    if (!this.session) return;
    this.session.recheck(uri);
    this.checked.set(uri, findings);
    this.scheduleSave();
  }

  scheduleSave(): void {
    if (!this.session) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writing.then(() => this.save());
    }, SAVE_DELAY_MS);
    this.timer.unref?.();
  }

  private async save(): Promise<void> {
    const session = this.session;
    const file = this.file;
    if (!session || !file) return;
    const settings = this.folders[0]?.settings;
    const uris = new Set([...session.previousInputs.map((i) => i.uri), ...this.service.loadedSchemaLocations()]);
    const inputs = [...uris].sort().map((uri) => ({ uri, hash: this.environment.inputHash(uri) }));
    const wholePortfolio = session.rulesetsWereInForce || this.folders.some((f) => f.settings.rulesets.length > 0) || this.service.rulesets.loadedLocations().length > 0;
    const data = session.next(this.service.workspace, await this.key(), this.checked, { inputs, wholePortfolio, settingPolicy: settings?.policy, skip: (uri) => this.environment.isOpen(uri) });
    const refused = await saveCacheFileAsync(file, data);
    if (refused) this.environment.log(`Charter: the findings cache ${file} could not be written: ${refused}.`);
  }

  private async key(): Promise<string> {
    return configurationKey([this.folders.map((f) => [f.uri, settingsPart(f.settings)]), await this.environment.identity()]);
  }
}
