// The VS Code side of Charter: start the language server and register commands. Little else lives here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, Notifications, Requests, type CharterInitializationOptions } from '../../server/src/protocol';
import { SchemaStatusBar, type SchemaStatusSnapshot } from './statusBar';
import { Dashboard } from './dashboard/dashboardPanel';
import { registerPortfolioCommands } from './portfolio/portfolioCommands';
import { PortfolioProvider, portfolioApi, type PortfolioApi } from './portfolio/portfolioProvider';
import { registerEditorCommands } from './editorCommands';
import { registerBaseCompare } from './baseCompare';

export interface CharterApi {
  /** Resolves once the language server is running. */
  ready: Promise<void>;
  /** What the schema status bar item shows for the active editor, asked afresh from the server. */
  schemaStatus(): Promise<SchemaStatusSnapshot>;
  /** The portfolio tree view: `api.portfolio.getChildren()` gives its nodes as plain data. */
  portfolio: PortfolioApi;
  /** The portfolio dashboard webview: `open()` (as `charter.openDashboard` does), whether it is open, its HTML. */
  dashboard: { open(): Promise<void>; readonly isOpen: boolean; readonly html: string | undefined };
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): CharterApi {
  const output = vscode.window.createOutputChannel('Charter', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'charter' }],
    outputChannel: output,
    synchronize: { configurationSection: 'charter' },
    // A function, so a restarted server learns the trust granted since activation.
    initializationOptions: (): CharterInitializationOptions => ({
      schemaCacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'schemas').fsPath,
      workspaceTrusted: vscode.workspace.isTrusted,
      // Per workspace; a window without a folder has no workspace storage, and needs no cache.
      findingsCacheDir: context.storageUri ? vscode.Uri.joinPath(context.storageUri, 'findings').fsPath : undefined,
    }),
  };
  client = new LanguageClient('charter', 'Charter', serverOptions, clientOptions);
  const ready = client.start();
  const statusBar = new SchemaStatusBar(client, ready);
  context.subscriptions.push(
    statusBar,
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void ready.then(() => client?.sendNotification(Notifications.workspaceTrust, { trusted: true }));
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.validateWorkspace, async () => {
      await ready;
      const result = await client!.sendRequest(Requests.validateWorkspace);
      void vscode.window.showInformationMessage(
        `Charter checked ${result.files} file${result.files === 1 ? '' : 's'}: ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}.`,
      );
      return result;
    }),
    vscode.commands.registerCommand(Commands.refreshSchemas, async () => {
      await ready;
      return client!.sendRequest(Requests.refreshSchemas);
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client?.restart();
    }),
  );
  const portfolio = new PortfolioProvider(client, ready);
  const dashboard = new Dashboard(context.extensionUri, portfolio, client);
  context.subscriptions.push(
    portfolio,
    dashboard,
    ...registerPortfolioCommands(client, ready, portfolio),
    vscode.commands.registerCommand(Commands.openDashboard, () => dashboard.open()),
    ...registerEditorCommands(),
    ...registerBaseCompare(client, ready),
  );
  const dashboardApi = {
    open: () => dashboard.open(),
    get isOpen() {
      return dashboard.isOpen;
    },
    get html() {
      return dashboard.content;
    },
  };
  return { ready, schemaStatus: () => statusBar.refresh(), portfolio: portfolioApi(portfolio), dashboard: dashboardApi };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
