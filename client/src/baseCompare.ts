// Change control in the editor: `charter-base:` documents (a charter's text on the base ref, read by the
// server from git) and "Charter: Compare with Base", which opens VS Code's diff editor on them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests } from '../../server/src/protocol';

const BASE_SCHEME = 'charter-base';

/** Serves `charter-base:/<path>?<ref>` documents, the targets of change findings' related information. */
class BaseContentProvider implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    await this.ready;
    const base = await this.client.sendRequest(Requests.baseText, { uri: uri.toString() });
    return base?.text ?? '';
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export interface CompareResult {
  left: string;
  right: string;
  ref: string;
}

/** Opens the diff editor: the charter on the base ref on the left, the working copy on the right. */
async function compareWithBase(client: LanguageClient, ready: Promise<void>, target?: vscode.Uri): Promise<CompareResult | undefined> {
  const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Charter: open a charter file to compare it with its base.');
    return undefined;
  }
  await ready;
  const base = await client.sendRequest(Requests.baseText, { uri: uri.toString() });
  const name = path.basename(uri.fsPath);
  if (!base) {
    void vscode.window.showInformationMessage(
      `Charter: ${name} has no base to compare with. It is new on this branch, or charter.baseRef is "off", or the workspace is not trusted, or the folder is not in a git repository.`,
    );
    return undefined;
  }
  const left = vscode.Uri.parse(base.uri);
  await vscode.commands.executeCommand('vscode.diff', left, uri, `${name} (${base.ref} ↔ working tree)`);
  return { left: left.toString(), right: uri.toString(), ref: base.ref };
}

export function registerBaseCompare(client: LanguageClient, ready: Promise<void>): vscode.Disposable[] {
  const provider = new BaseContentProvider(client, ready);
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(BASE_SCHEME, provider),
    vscode.commands.registerCommand(Commands.compareWithBase, (target?: vscode.Uri) => compareWithBase(client, ready, target)),
  ];
}
