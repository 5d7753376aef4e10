// `charter.*` settings per document, read with workspace/configuration and cached until they change.
import type { Connection } from 'vscode-languageserver/node';
import { defaultSettings, normaliseSettings, type CharterSettings } from '../engine/settings';

export class SettingsCache {
  private readonly byResource = new Map<string, Promise<CharterSettings>>();
  private supported = false;
  private fallback: CharterSettings = defaultSettings();

  constructor(private readonly connection: Connection) {}

  enablePull(supported: boolean): void {
    this.supported = supported;
  }

  /** For clients that push settings in didChangeConfiguration instead of answering requests. */
  setPushed(raw: unknown): void {
    this.fallback = normaliseSettings(raw);
  }

  get(resource: string): Promise<CharterSettings> {
    if (!this.supported) return Promise.resolve(this.fallback);
    const cached = this.byResource.get(resource);
    if (cached) return cached;
    const settings: Promise<CharterSettings> = this.connection.workspace
      .getConfiguration({ scopeUri: resource, section: 'charter' })
      .then(normaliseSettings, () => defaultSettings());
    this.byResource.set(resource, settings);
    return settings;
  }

  clear(): void {
    this.byResource.clear();
  }
}
