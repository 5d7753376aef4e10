// `charter.*` settings per document, read with workspace/configuration and cached until they change.
// A client without workspace/configuration (Neovim 0.7, some others) still gets the PMO's settings:
// what it pushes in didChangeConfiguration, else the folder's `.vscode/settings.json`, as the CLI reads it.
import { promises as fsp } from 'node:fs';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { charterSection, defaultSettings, normaliseSettings, type CharterSettings } from '../engine/settings';
import type { WorkspaceFolders } from './workspaceFolders';

export class SettingsCache {
  private readonly byResource = new Map<string, Promise<CharterSettings>>();
  private supported = false;
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly folders: WorkspaceFolders,
  ) {}

  enablePull(supported: boolean): void {
    this.supported = supported;
  }

  /** For clients that push settings in didChangeConfiguration instead of answering requests. */
  setPushed(raw: unknown): void {
    this.pushed = raw;
  }

  get(resource: string): Promise<CharterSettings> {
    if (!this.supported) {
      if (this.pushed !== undefined) return Promise.resolve(normaliseSettings(this.pushed));
      const folder = this.folders.folderOf(resource) ?? (this.folders.isFolder(resource) ? resource.replace(/\/$/, '') : undefined);
      if (!folder) return Promise.resolve(defaultSettings());
      return this.cached(folder, () => readFolderSettings(folder));
    }
    return this.cached(resource, () =>
      this.connection.workspace.getConfiguration({ scopeUri: resource, section: 'charter' }).then(normaliseSettings, () => defaultSettings()),
    );
  }

  clear(): void {
    this.byResource.clear();
  }

  private cached(key: string, read: () => Promise<CharterSettings>): Promise<CharterSettings> {
    let settings = this.byResource.get(key);
    if (!settings) {
      settings = read();
      this.byResource.set(key, settings);
    }
    return settings;
  }
}

/** The folder's `.vscode/settings.json`; defaults when it is missing or not JSON (the editor shows why). */
async function readFolderSettings(folderUri: string): Promise<CharterSettings> {
  try {
    const text = await fsp.readFile(`${URI.parse(folderUri).fsPath}/.vscode/settings.json`, 'utf8');
    return normaliseSettings(charterSection(text) ?? {});
  } catch {
    return defaultSettings();
  }
}
