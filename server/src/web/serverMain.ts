// The Charter language server in a web worker (vscode.dev, github.dev): the same engine and handlers as
// the desktop server, with what a browser has instead of Node. Files come from the client (VS Code's file
// system API), remote schemas through fetch, and there is no git: change control is off.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../engine/languageService';
import type { SchemaRequestService } from '../engine/schema/schemaService';
import { setDocsRoot } from '../handlers/diagnostics';
import { fetchSchema } from './fetchSchema';
import { LANGUAGE_FEATURE_CAPABILITIES, LanguageFeatures } from '../handlers/languageFeatures';
import { PortfolioHandler } from '../handlers/portfolioHandler';
import { SettingsCache } from '../handlers/settingsCache';
import { FindingsPublisher } from '../handlers/findingsPublisher';
import { WorkspaceFolders } from '../handlers/workspaceFolders';
import { Notifications, WebMessages, type CharterInitializationOptions, type WebInitializationOptions, type WebWorkspaceFilesParams, type WorkspaceTrustParams } from '../protocol';

// The handlers wait one event-loop turn with setImmediate, which workers do not have.
const scope = globalThis as unknown as { setImmediate?: (callback: () => void) => unknown };
scope.setImmediate ??= (callback) => setTimeout(callback, 0);

/** The worker's own scope: its messages are the connection. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const documents = new TextDocuments(TextDocument);

/** Remote schemas through fetch; a schema inside the workspace through the client. */
const schemaRequest: SchemaRequestService = async (uri, options) => {
  if (/^https?:/i.test(uri)) return fetchSchema(uri, options);
  try {
    return await connection.sendRequest(WebMessages.readFile, { uri });
  } catch (e) {
    throw new Error((e as Error).message || 'the file could not be read');
  }
};

const service = getLanguageService({ schemaRequest });
const folders = new WorkspaceFolders();
const settings = new SettingsCache(connection, folders);
const publisher = new FindingsPublisher(connection, documents, service, settings, folders);
const features = new LanguageFeatures(documents, service, settings, folders, publisher.published);
// The tree and reports count the findings of open charters: the web server checks only what is open.
const portfolio = new PortfolioHandler(connection, service, settings, folders, (uri) => publisher.published.get(uri) ?? []);
/** Files as the client read them from the workspace; an open document's text replaces its entry. */
const onDisk = new Map<string, string>();

connection.onInitialize((params): InitializeResult => {
  settings.enablePull(!!params.capabilities.workspace?.configuration);
  folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  const options = (params.initializationOptions ?? {}) as WebInitializationOptions & CharterInitializationOptions;
  service.setWorkspaceTrust(options.workspaceTrusted !== false);
  setDocsRoot(options.docsRoot ?? 'https://charter.dev/');
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...LANGUAGE_FEATURE_CAPABILITIES,
    },
    serverInfo: { name: 'charter-language-server (web)' },
  };
});

connection.onNotification(WebMessages.workspaceFiles, (params: WebWorkspaceFilesParams) => {
  for (const { uri, text } of params.files) {
    onDisk.set(uri, text);
    if (!documents.get(uri)) service.workspace.setFile(service.parse(uri, text), folders.relativePath(uri));
  }
  publisher.scheduleAll();
});

connection.onNotification(Notifications.workspaceTrust, (params: WorkspaceTrustParams) => {
  service.setWorkspaceTrust(params.trusted);
  publisher.scheduleAll();
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  publisher.scheduleAll();
});

/** The portfolio sees the editor's text of an open charter, and the file's text again once it closes. */
function track(document: TextDocument): void {
  service.workspace.setFile(service.parse(document.uri, document.getText(), document.version), folders.relativePath(document.uri));
}

documents.onDidOpen((e) => {
  track(e.document);
  publisher.scheduleAll();
});
documents.onDidChangeContent((e) => {
  track(e.document);
  publisher.scheduleAll();
});
documents.onDidClose((e) => {
  publisher.forget(e.document.uri);
  const text = onDisk.get(e.document.uri);
  if (text === undefined) service.workspace.removeFile(e.document.uri);
  else service.workspace.setFile(service.parse(e.document.uri, text), folders.relativePath(e.document.uri));
  publisher.scheduleAll();
});

portfolio.listen();
features.register(connection);
documents.listen(connection);
connection.listen();
