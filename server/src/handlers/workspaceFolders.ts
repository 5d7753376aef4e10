import { URI } from 'vscode-uri';

/** The open workspace folders, to express a document's path relative to its folder. */
export class WorkspaceFolders {
  private folders: string[] = [];

  set(uris: string[]): void {
    // Longest first, so nested folders win over their parents.
    this.folders = uris.map((u) => u.replace(/\/$/, '')).sort((a, b) => b.length - a.length);
  }

  add(uri: string): void {
    this.set([...this.folders, uri]);
  }

  remove(uri: string): void {
    this.set(this.folders.filter((f) => f !== uri.replace(/\/$/, '')));
  }

  isFolder(uri: string): boolean {
    return this.folders.includes(uri.replace(/\/$/, ''));
  }

  all(): string[] {
    return [...this.folders];
  }

  folderOf(uri: string): string | undefined {
    return this.folders.find((f) => uri.startsWith(f + '/'));
  }

  relativePath(uri: string): string {
    const folder = this.folderOf(uri);
    if (folder) return decodeURIComponent(uri.slice(folder.length + 1));
    return URI.parse(uri).path.split('/').pop() ?? uri;
  }
}
