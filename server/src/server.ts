// The Charter language server: LSP wiring only. Every answer comes from the engine's language service.
import {
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from './engine/languageService';
import { SchemaHandler } from './handlers/schemaHandler';
import { SchemaFetcher, timeoutFromEnv } from './schemaRequest';
import { SettingsCache } from './handlers/settingsCache';
import { FindingsPublisher } from './handlers/findingsPublisher';
import { WorkspaceFolders } from './handlers/workspaceFolders';
import { WorkspaceHandler } from './handlers/workspaceHandler';
import { WorkspaceNotices } from './handlers/workspaceNotices';
import { PortfolioHandler } from './handlers/portfolioHandler';
import { charterHistoryReader } from './gitHistory';
import { LANGUAGE_FEATURE_CAPABILITIES, LanguageFeatures } from './handlers/languageFeatures';
import { Requests, type CharterInitializationOptions, type ValidateWorkspaceResult } from './protocol';
import { FindingsCacheStore } from './handlers/findingsCacheStore';
import { inputHasher } from './cacheHost';
import { TemplateHandler } from './handlers/templateHandler';
import { BaselineHandler } from './handlers/baselineHandler';
import { readRegularFile } from './fileReading';

const connection = createConnection(ProposedFeatures.all);
// A failure that escaped every guard is still our bug, not a reason to end the session: log it and carry on.
process.on('unhandledRejection', (reason) => connection.console.error(`Charter: unhandled failure: ${(reason as Error)?.stack ?? String(reason)}`));
const documents = new TextDocuments(TextDocument);
const fetcher = new SchemaFetcher({ timeoutMs: timeoutFromEnv(), log: (message) => connection.console.warn(message) });
const service = getLanguageService({
  schemaRequest: (uri, options) => {
    schemas.beforeRead(uri);
    return fetcher.request(uri, options);
  },
  onSchemaProblem: (problem) => schemas.reportProblem(problem),
  // Once per load: a broken ruleset also shows a ruleset/unavailable finding on each document.
  onRulesetProblem: (problem) => {
    if (problem.state !== 'unavailable') return;
    const message = `Charter: the ruleset ${problem.label} cannot be used: ${problem.reason}. Documents show a ruleset/unavailable finding on their first line.`;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  },
  baseText: (uri, relativePath) => baselines.provider(uri, relativePath),
});
const folders = new WorkspaceFolders();
// A settings file is a few KB: only a small regular file is read, so a link to a device or a pipe cannot hang the server.
const settings = new SettingsCache(connection, folders, async (file) => (await readRegularFile(file, { maxBytes: 1_000_000 })).toString('utf8'));
const baselines = new BaselineHandler(connection, settings, folders);
const publisher = new FindingsPublisher(connection, documents, service, settings, folders);
const workspace = new WorkspaceHandler(connection, documents, service, settings, folders, publisher, new WorkspaceNotices(publisher, service));
publisher.waitForIndex = () => workspace.indexed();
workspace.onSettingsFileChanged = () => configurationChanged();
const schemas = new SchemaHandler(connection, documents, service, fetcher, publisher, settings, folders);
const portfolio = new PortfolioHandler(connection, service, settings, folders, (uri) => publisher.published.get(uri), charterHistoryReader(() => schemas.trusted));
const templates = new TemplateHandler(connection, service, settings);
const features = new LanguageFeatures(documents, service, settings, folders, publisher.published);
let dynamicConfiguration = false;

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  settings.enablePull(!!capabilities.workspace?.configuration);
  dynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  const initialFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders.set(initialFolders);
  schemas.initialize(params);
  workspace.initialize(params);
  baselines.initialize(params);
  const cacheDir = (params.initializationOptions as CharterInitializationOptions | undefined)?.findingsCacheDir;
  if (typeof cacheDir === 'string' && cacheDir) {
    const cache = new FindingsCacheStore(cacheDir, service, {
      identity: async () => JSON.stringify([schemas.trusted, await Promise.all(folders.all().map((folder) => baselines.baseIdentity(folder)))]),
      inputHash: inputHasher((url) => fetcher.cachedCopy(url)),
      isOpen: (uri) => !!documents.get(uri),
      log: (message) => connection.console.warn(message),
    });
    workspace.cache = cache;
    publisher.onClosedChecked = (uri, findings) => cache.checkedClosed(uri, findings);
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...LANGUAGE_FEATURE_CAPABILITIES,
    },
    serverInfo: { name: 'charter-language-server', version: process.env.CHARTER_VERSION ?? '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'charter' });
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    event.added.forEach((f) => folders.add(f.uri));
    event.removed.forEach((f) => folders.remove(f.uri));
    event.added.forEach(() => workspace.folderAdded());
    event.removed.forEach((f) => workspace.folderRemoved(f.uri));
    settings.clear();
    publisher.scheduleAll();
  });
  void workspace.start();
  baselines.watchGitState(folders.all());
});

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { charter?: unknown } | undefined)?.charter;
  if (pushed !== undefined) settings.setPushed(pushed);
  configurationChanged();
});

function configurationChanged(): void {
  settings.clear();
  baselines.configurationChanged();
  schemas.configurationChanged();
  publisher.scheduleAll();
  workspace.configurationChanged();
  portfolio.changed();
}

documents.onDidOpen((e) => publisher.schedule(e.document.uri));
documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
documents.onDidOpen((e) => workspace.opened(e.document));
documents.onDidClose((e) => workspace.closed(e.document.uri));

connection.onRequest(Requests.validateWorkspace, (): Promise<ValidateWorkspaceResult> => workspace.validateWorkspace());

schemas.listen();
// One handler for all watched files; the workspace looks first, while loaded schemas are still known.
connection.onDidChangeWatchedFiles((event) => {
  baselines.filesChanged(event.changes);
  workspace.filesChanged(event.changes);
  schemas.filesChanged(event.changes);
});

schemas.onDidChangeTrust((trusted) => baselines.setTrusted(trusted));
baselines.onDidChangeBase(() => {
  publisher.scheduleAll();
  portfolio.changed();
});
baselines.listen();
portfolio.listen();
templates.listen();
features.register(connection);
documents.listen(connection);
connection.listen();
