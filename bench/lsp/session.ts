// One language server process driven over stdio by a plain LSP client. Both servers under test go
// through this same code: same initialize params, same capabilities, same answers to their requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { cpuTimeMs, peakRssBytes } from '../measure/procStats';
import type { ServerUnderTest } from './servers';

export interface Publish {
  at: number;
  version?: number;
  diagnostics: Diagnostic[];
}

/** What every server is told the client can do. */
const CAPABILITIES: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true },
      contextSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/** What vscode-jsonrpc's message connection offers beyond the ProtocolConnection type. */
interface StarHandlers {
  onRequest(handler: (method: string, params: unknown) => unknown): void;
  onNotification(handler: (method: string, params: unknown) => void): void;
  onUnhandledProgress(handler: (params: { token: string | number; value: unknown }) => void): void;
}

export class LspSession {
  readonly server: ServerUnderTest;
  private readonly child: ChildProcess;
  private readonly connection: ProtocolConnection;
  private readonly versions = new Map<string, number>();
  private readonly publishes = new Map<string, Publish[]>();
  private waiters: Array<{ check: () => boolean; resolve: () => void }> = [];
  private readonly listeners = new Set<(uri: string, publish: Publish) => void>();
  private lastMessageAt = performance.now();
  private exited = false;
  readonly spawnedAt: number;
  initializeResult?: InitializeResult;
  /** Whether the server has started work-done progress of its own (as a server indexing a folder does). */
  reportedProgress = false;
  /** Work-done progress tokens created or begun and not ended yet. */
  private readonly activeProgress = new Set<string>();
  stderr = '';

  private constructor(
    server: ServerUnderTest,
    workspaceRoot: string,
    extraNodeArgs: string[],
    /** Sees every message from the server: for debugging the bench. */
    private readonly trace?: (what: string, params: unknown) => void,
  ) {
    this.server = server;
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, [...extraNodeArgs, ...server.command, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: workspaceRoot });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20000) this.stderr += chunk.toString();
    });
    this.child.on('exit', () => {
      this.exited = true;
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      this.lastMessageAt = at;
      this.trace?.('notification textDocument/publishDiagnostics', { uri: params.uri, version: params.version, count: params.diagnostics.length });
      const list = this.publishes.get(params.uri) ?? [];
      const publish = { at, version: params.version, diagnostics: params.diagnostics };
      list.push(publish);
      this.publishes.set(params.uri, list);
      for (const listener of this.listeners) listener(params.uri, publish);
      this.wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.lastMessageAt = performance.now();
      return params.items.map((item) => server.configuration(item.section ?? ''));
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(UnregistrationRequest.type, () => undefined);
    // Anything else a server asks (progress tokens, refreshes, custom requests) gets an empty answer,
    // and any other notification (log messages, telemetry) only counts as activity. The protocol
    // connection is vscode-jsonrpc's message connection, which takes these catch-all handlers.
    const starConnection = this.connection as unknown as StarHandlers;
    starConnection.onRequest((method, params) => {
      this.lastMessageAt = performance.now();
      this.trace?.(`request ${method}`, params);
      if (method === 'window/workDoneProgress/create') {
        this.reportedProgress = true;
        this.activeProgress.add(String((params as { token: string | number }).token));
      }
      return null;
    });
    starConnection.onNotification((method, params) => {
      this.lastMessageAt = performance.now();
      this.trace?.(`notification ${method}`, params);
    });
    // `$/progress` never reaches the catch-all handler: the connection hands it out per token.
    starConnection.onUnhandledProgress((params) => {
      this.lastMessageAt = performance.now();
      this.trace?.('notification $/progress', params);
      this.reportedProgress = true;
      const kind = (params.value as { kind?: string } | undefined)?.kind;
      if (kind === 'end') this.activeProgress.delete(String(params.token));
      else this.activeProgress.add(String(params.token));
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.listen();
  }

  /** Starts the server and completes initialize/initialized and the settings push. */
  static async start(
    server: ServerUnderTest,
    workspaceRoot: string,
    options: { nodeArgs?: string[]; trace?: (what: string, params: unknown) => void } = {},
  ): Promise<LspSession> {
    const session = new LspSession(server, workspaceRoot, options.nodeArgs ?? [], options.trace);
    const rootUri = pathToFileURL(workspaceRoot).href;
    session.initializeResult = await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: CAPABILITIES,
      initializationOptions: server.initializationOptions?.() ?? {},
    });
    session.initializedAt = performance.now();
    await session.connection.sendNotification(InitializedNotification.type, {});
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: server.pushedSettings() });
    return session;
  }

  initializedAt = 0;
  /** Every window/logMessage text the server sent, in order. */
  readonly logs: string[] = [];

  get pid(): number {
    return this.child.pid!;
  }

  /** Whether the server announced completion in its initialize result. */
  get completes(): boolean {
    return !!this.initializeResult?.capabilities.completionProvider;
  }

  /**
   * Waits until the server's start-up work is done: no work-done progress running, and no message
   * from it for `quietMs` counted from this call at the earliest (settings pulled, folder indexed).
   */
  async settle(quietMs = 300, maxMs = 60000): Promise<void> {
    const from = performance.now();
    const until = from + maxMs;
    while (performance.now() < until) {
      const silentFor = performance.now() - Math.max(this.lastMessageAt, from);
      if (silentFor >= quietMs && this.activeProgress.size === 0) return;
      await sleep(Math.max(20, quietMs - silentFor));
    }
  }

  async open(path: string, text: string): Promise<{ uri: string; sentAt: number }> {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, 1);
    const sentAt = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: this.server.languageId, version: 1, text },
    });
    return { uri, sentAt };
  }

  /** Replaces `range` with `text` (incremental sync) and returns the send time and the new version. */
  async change(uri: string, range: Range, text: string): Promise<{ sentAt: number; version: number }> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const sentAt = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return { sentAt, version };
  }

  publishesOf(uri: string): Publish[] {
    return this.publishes.get(uri) ?? [];
  }

  /**
   * The first diagnostics published for `uri` after `since` (and, when the server says which version
   * they are for, for `version` or later).
   */
  async diagnosticsAfter(uri: string, since: number, version?: number, timeoutMs = 120000): Promise<Publish> {
    const find = () =>
      this.publishesOf(uri).find((p) => p.at >= since && (version === undefined || p.version === undefined || p.version >= version));
    await this.until(() => find() !== undefined, timeoutMs, `diagnostics for ${uri}`);
    return find()!;
  }

  /**
   * Waits until every URI has had diagnostics published after `since`; returns the time of the last
   * of those (or of giving up) and how many URIs never got any. Tracked per publish, so 10,000 files cost nothing extra.
   */
  async allDiagnosticsAfter(uris: string[], since: number, timeoutMs: number): Promise<{ last: number; missing: number }> {
    const pending = new Set(uris);
    let last = since;
    for (const uri of uris) {
      const hit = this.publishesOf(uri).find((p) => p.at >= since);
      if (hit) {
        pending.delete(uri);
        last = Math.max(last, hit.at);
      }
    }
    if (pending.size === 0) return { last, missing: 0 };
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const listener = (uri: string, publish: Publish) => {
      if (publish.at < since || !pending.delete(uri)) return;
      last = Math.max(last, publish.at);
      if (pending.size === 0) done();
    };
    this.listeners.add(listener);
    const timer = setTimeout(done, timeoutMs);
    await finished;
    clearTimeout(timer);
    this.listeners.delete(listener);
    // Gave up: `last` is when we stopped waiting.
    if (pending.size > 0) last = performance.now();
    return { last, missing: pending.size };
  }

  /**
   * Waits until no diagnostics have been published for `quietMs` (or until `deadline`); returns the
   * time of the last publish seen, at least `since`.
   */
  async quietAfter(since: number, quietMs: number, deadline: number): Promise<number> {
    let last = since;
    const listener = (_uri: string, publish: Publish) => {
      last = Math.max(last, publish.at);
    };
    this.listeners.add(listener);
    while (performance.now() < deadline && performance.now() - last < quietMs) await sleep(Math.min(50, quietMs));
    this.listeners.delete(listener);
    return last;
  }

  async complete(uri: string, line: number, character: number): Promise<{ ms: number; items: number }> {
    const start = performance.now();
    const result = (await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as
      | CompletionItem[]
      | CompletionList
      | null;
    const ms = performance.now() - start;
    const items = Array.isArray(result) ? result.length : (result?.items.length ?? 0);
    return { ms, items };
  }

  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuTime(): number | undefined {
    return cpuTimeMs(this.pid);
  }

  /** Peak resident set size of the server process so far. */
  peakRss(): number | undefined {
    return peakRssBytes(this.pid);
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5000);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        /* killed below */
      }
      const deadline = performance.now() + 5000;
      while (!this.exited && performance.now() < deadline) await sleep(20);
      if (!this.exited) this.child.kill('SIGKILL');
    }
    this.connection.dispose();
  }

  private wake(): void {
    const still: typeof this.waiters = [];
    for (const w of this.waiters) {
      if (w.check()) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  private until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.server.name}: no ${what} within ${timeoutMs} ms${this.exited ? ' (the server exited)' : ''}\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
