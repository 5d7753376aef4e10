// A real LSP client, driving the bundled server (`dist/server.js --stdio`) the way an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type RegistrationParams,
  type ShowMessageParams,
  type LogMessageParams,
} from 'vscode-languageserver-protocol/node';
import { REPO } from './engine';

export interface ServerSession {
  connection: ProtocolConnection;
  initialize: InitializeResult;
  /** What the client answers to workspace/configuration for section `charter`, per resource. */
  settings: Record<string, unknown>;
  /** Every window/showMessage the server sent. */
  messages: ShowMessageParams[];
  /** Every window/logMessage the server sent (its Output channel). */
  logs: LogMessageParams[];
  /** Every capability the server registered dynamically (file watchers, configuration). */
  registrations: Registration[];
  /** Every publishDiagnostics the server sent, in order. */
  published: PublishDiagnosticsParams[];
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, changes: Array<{ range?: Range; text: string }>): void;
  close(uri: string): void;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Opens a document and resolves with its first diagnostics. */
  openAndWait(uri: string, text: string): Promise<Diagnostic[]>;
  changeSettings(settings: Record<string, unknown>): void;
  stop(): Promise<void>;
}

export interface ServerOptions {
  rootUri?: string;
  /** More workspace folders after the root, for a multi-root workspace. */
  moreRootUris?: string[];
  settings?: Record<string, unknown>;
  /** Settings per resource, as a multi-root workspace answers workspace/configuration. */
  settingsFor?: (scopeUri: string) => Record<string, unknown>;
  initializationOptions?: unknown;
  env?: Record<string, string>;
  /** Announce workspace/configuration (default true); Neovim 0.7 and other clients do not. */
  configuration?: boolean;
}

export async function startServer(options: ServerOptions = {}): Promise<ServerSession> {
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  const session: Partial<ServerSession> & Pick<ServerSession, 'settings' | 'messages' | 'registrations' | 'logs' | 'published'> = {
    settings: options.settings ?? {},
    messages: [],
    logs: [],
    registrations: [],
    published,
  };

  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (options.settingsFor && item.scopeUri ? options.settingsFor(item.scopeUri) : session.settings)),
  );
  connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
    session.registrations.push(...params.registrations);
    return null;
  });
  connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
    session.messages.push(params);
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', (params: LogMessageParams) => {
    session.logs.push(params);
  });
  connection.listen();

  const rootUri = options.rootUri ?? null;
  const initialize = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [rootUri, ...(options.moreRootUris ?? [])].map((uri, i) => ({ uri, name: `folder-${i}` })) : null,
    initializationOptions: options.initializationOptions ?? {},
    capabilities: {
      workspace: {
        configuration: options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
      textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true }, synchronization: { dynamicRegistration: false } },
      window: { workDoneProgress: true },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return Object.assign(session, {
    connection,
    initialize,
    open(uri: string, text: string, languageId = 'charter') {
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri: string, version: number, changes: Array<{ range?: Range; text: string }>) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes as never });
    },
    close(uri: string) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000) {
      return new Promise<Diagnostic[]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri).slice(-3))}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      });
    },
    openAndWait(uri: string, text: string) {
      const pending = (session as ServerSession).diagnostics(uri);
      (session as ServerSession).open(uri, text);
      return pending;
    },
    changeSettings(settings: Record<string, unknown>) {
      session.settings = settings;
      void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { charter: settings } });
    },
    async stop() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // the server may already be gone
      }
      connection.dispose();
      child.kill();
    },
  }) as ServerSession;
}
