import { URI } from 'vscode-uri';

/** One open workspace folder: where it is, and which of its files are charters under its settings. */
export interface FolderState {
  uri: string;
  path: string;
  include: string[];
  exclude: string[];
  /** Whether a path relative to the folder is a charter file under the folder's globs. */
  matches: (relativePath: string) => boolean;
  /** The settings the folder was last indexed with, to tell a real configuration change. */
  settingsKey?: string;
}

/** The open workspace folders: the one model of them that every handler shares. */
export class WorkspaceFolders {
  /** Longest first, so nested folders win over their parents. */
  private folders: FolderState[] = [];

  set(uris: string[]): void {
    const known = new Map(this.folders.map((f) => [f.uri, f]));
    this.folders = [...new Set(uris.map(trimSlash))]
      .map((uri) => known.get(uri) ?? { uri, path: URI.parse(uri).fsPath, include: [], exclude: [], matches: () => false })
      .sort((a, b) => b.uri.length - a.uri.length);
  }

  add(uri: string): void {
    this.set([...this.all(), uri]);
  }

  remove(uri: string): void {
    this.set(this.all().filter((f) => f !== trimSlash(uri)));
  }

  isFolder(uri: string): boolean {
    return this.folders.some((f) => f.uri === trimSlash(uri));
  }

  all(): string[] {
    return this.folders.map((f) => f.uri);
  }

  states(): readonly FolderState[] {
    return this.folders;
  }

  /** The innermost folder holding a URI. */
  stateOf(uri: string): FolderState | undefined {
    return this.folders.find((f) => uri.startsWith(f.uri + '/'));
  }

  folderOf(uri: string): string | undefined {
    return this.stateOf(uri)?.uri;
  }

  relativePath(uri: string): string {
    const folder = this.folderOf(uri);
    if (folder) return decodeURIComponent(uri.slice(folder.length + 1));
    return URI.parse(uri).path.split('/').pop() ?? uri;
  }
}

function trimSlash(uri: string): string {
  return uri.replace(/\/$/, '');
}
