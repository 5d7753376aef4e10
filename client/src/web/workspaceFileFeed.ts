// The workspace's charter files for the web server, read through VS Code's file system API (the browser
// has no disk): all of them at start, then each one again as it changes.
import * as vscode from 'vscode';

type Send = (files: Array<{ uri: string; text: string }>) => Promise<void>;

/** Bounds for a repository opened in the browser: files are fetched over the network one by one. */
const MAX_FILES = 2000;
const MAX_BYTES = 1024 * 1024;

export class WorkspaceFileFeed implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly send: Send) {}

  async start(): Promise<void> {
    for (const pattern of this.globs().include) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidChange((uri) => void this.sendFiles([uri]));
      watcher.onDidCreate((uri) => void this.sendFiles([uri]));
      this.disposables.push(watcher);
    }
    await this.resend();
  }

  async resend(): Promise<void> {
    const { include, exclude } = this.globs();
    if (include.length === 0) return;
    const uris = await vscode.workspace.findFiles(`{${include.join(',')}}`, exclude.length ? `{${exclude.join(',')}}` : undefined, MAX_FILES);
    await this.sendFiles(uris);
  }

  private async sendFiles(uris: vscode.Uri[]): Promise<void> {
    const decoder = new TextDecoder();
    const files: Array<{ uri: string; text: string }> = [];
    for (const uri of uris) {
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.byteLength <= MAX_BYTES) files.push({ uri: uri.toString(), text: decoder.decode(bytes) });
      } catch {
        // Gone between the listing and the read: the next change event sends it again if it comes back.
      }
    }
    if (files.length > 0) await this.send(files);
  }

  private globs(): { include: string[]; exclude: string[] } {
    const config = vscode.workspace.getConfiguration('charter.files');
    return { include: config.get<string[]>('include') ?? [], exclude: config.get<string[]>('exclude') ?? [] };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
