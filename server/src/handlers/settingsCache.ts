// `charter.*` settings per document, read with workspace/configuration and cached until they change.
// A client without workspace/configuration (Neovim 0.7, some others) still gets the PMO's settings:
// what it pushes in didChangeConfiguration, else the folder's `.vscode/settings.json`, as the CLI reads it.
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { charterSection, defaultSettings, normaliseSettings, type CharterSettings } from '../engine/settings';
import type { WorkspaceFolders } from './workspaceFolders';

/** Reads a settings file's text; the Node server passes one that reads only small regular files, the web server none. */
export type ReadSettingsFile = (path: string) => Promise<string>;

export class SettingsCache {
  private readonly byResource = new Map<string, Promise<CharterSettings>>();
  private supported = false;
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly folders: WorkspaceFolders,
    private readonly readFile?: ReadSettingsFile,
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
      return this.cached(folder, () => readFolderSettings(folder, this.readFile));
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

/** The folder's `.vscode/settings.json`; defaults when it is missing, unreadable or not JSON (the editor shows why). */
async function readFolderSettings(folderUri: string, readFile: ReadSettingsFile | undefined): Promise<CharterSettings> {
  if (!readFile) return defaultSettings();
  try {
    const text = await readFile(`${URI.parse(folderUri).fsPath}/.vscode/settings.json`);
    return normaliseSettings(charterSection(text) ?? {});
  } catch {
    return defaultSettings();
  }
}
