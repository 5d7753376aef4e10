// A real LSP client inside a browser page: it starts dist/web/server.js as a web worker and talks JSON-RPC
// to it over postMessage (vscode-languageserver-protocol's browser connection), answering the requests a
// VS Code client answers (configuration, the web server's file reads). The test drives it through
// `window.charterLsp` with page.evaluate. Bundled for the page by the test.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
} from 'vscode-languageserver-protocol/browser';
import { Requests, WebMessages } from '../../server/src/protocol';

declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0];
const worker = new Worker('/server.js');
const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const published = new Map<string, Diagnostic[][]>();
const waiting: Array<{ uri: string; test: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
let settings: unknown = {};
/** Files the client can read for the server ("through VS Code's file system API"). */
const files = new Map<string, string>();
const readRequests: string[] = [];

connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  published.set(params.uri, [...(published.get(params.uri) ?? []), params.diagnostics]);
  for (const w of [...waiting]) {
    if (w.uri === params.uri && w.test(params.diagnostics)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(params.diagnostics);
    }
  }
});
connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
connection.onRequest(WebMessages.readFile, ({ uri }) => {
  readRequests.push(uri);
  const text = files.get(uri);
  if (text === undefined) throw new Error('the file does not exist');
  return text;
});
connection.listen();

const versions = new Map<string, number>();

const api = {
  async initialize(rootUri: string, workspaceSettings: unknown) {
    settings = workspaceSettings;
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions: {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return result;
  },
  workspaceFiles(entries: Array<{ uri: string; text: string }>) {
    for (const { uri, text } of entries) files.set(uri, text);
    return connection.sendNotification(WebMessages.workspaceFiles, { files: entries });
  },
  addFile(uri: string, text: string) {
    files.set(uri, text);
  },
  open(uri: string, text: string) {
    versions.set(uri, 1);
    return connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'charter', version: 1, text } });
  },
  change(uri: string, text: string) {
    const version = (versions.get(uri) ?? 1) + 1;
    versions.set(uri, version);
    return connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  },
  /** The latest or next diagnostics published for `uri` with a diagnostic of `rule` (none at all for '', any for '*'). */
  diagnostics(uri: string, rule: string): Promise<Diagnostic[]> {
    const test = (d: Diagnostic[]) => (rule === '*' ? true : rule === '' ? d.length === 0 : d.some((x) => x.code === rule));
    const seen = published.get(uri)?.at(-1);
    if (seen && test(seen)) return Promise.resolve(seen);
    return new Promise((resolve) => waiting.push({ uri, test, resolve }));
  },
  async complete(uri: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionList | CompletionItem[] | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  },
  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  },
  readRequests: () => [...readRequests],
  /** What the portfolio tree asks for (`charter/portfolio`). */
  portfolio: () => connection.sendRequest(Requests.portfolio, {}),
};

(globalThis as unknown as { charterLsp: typeof api }).charterLsp = api;
