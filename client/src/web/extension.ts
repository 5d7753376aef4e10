// Charter as a web extension (vscode.dev, github.dev): the language server runs in a web worker, files are
// read through VS Code's file system API and handed to it, and the portfolio tree works as on the desktop.
// There is no git in the browser, so change control is off; the status bar says so.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { Commands, Notifications, WebMessages, type CharterInitializationOptions, type WebInitializationOptions, type WebWorkspaceFilesParams } from '../../../server/src/protocol';
import { registerEditorCommands } from '../editorCommands';
import { registerPortfolioCommands } from '../portfolio/portfolioCommands';
import { PortfolioProvider } from '../portfolio/portfolioProvider';
import { WorkspaceFileFeed } from './workspaceFileFeed';

/** The web worker's constructor; the web extension host has it, the TypeScript lib here does not. */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): { ready: Promise<void> } {
  const output = vscode.window.createOutputChannel('Charter', { log: true });
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'charter' }],
    outputChannel: output,
    synchronize: { configurationSection: 'charter' },
    initializationOptions: (): CharterInitializationOptions & WebInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
  };
  client = new LanguageClient('charter', 'Charter', clientOptions, worker);
  // Registered before start: the server may ask for a workspace schema while checking the first open file.
  client.onRequest(WebMessages.readFile, async ({ uri }) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))));
  const feed = new WorkspaceFileFeed((files) => client!.sendNotification(WebMessages.workspaceFiles, { files } satisfies WebWorkspaceFilesParams));
  const ready = client.start().then(() => feed.start());

  const mode = vscode.window.createStatusBarItem('charter.web', vscode.StatusBarAlignment.Right, 100);
  mode.name = 'Charter (web)';
  mode.text = '$(globe) Charter: change control off';
  mode.tooltip = 'Charter runs in the browser here: findings, hover, completion and the portfolio work, but there is no git, so change control (comparison with the base branch) is off. Open the repository in VS Code on the desktop for it.';
  mode.show();

  const portfolio = new PortfolioProvider(client, ready);
  context.subscriptions.push(
    output,
    mode,
    feed,
    portfolio,
    ...registerPortfolioCommands(client, ready, portfolio),
    ...registerEditorCommands(),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void ready.then(() => client?.sendNotification(Notifications.workspaceTrust, { trusted: true }))),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client?.stop();
      await client?.start();
      await feed.resend();
    }),
    vscode.commands.registerCommand(Commands.validateWorkspace, async () => {
      await ready;
      await feed.resend();
    }),
    ...[Commands.openDashboard, Commands.refreshSchemas, Commands.openSchema].map((command) =>
      vscode.commands.registerCommand(command, () => void vscode.window.showInformationMessage('Charter: this command needs VS Code on the desktop.')),
    ),
  );
  return { ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
