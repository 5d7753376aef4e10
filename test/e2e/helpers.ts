// Helpers for the end-to-end suite: everything here runs inside the real VS Code extension host.
// A test reads like what a user does: open a charter, look at the Problems panel, type, change a
// setting. New features add a helper here when two tests need the same step.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'charter-dev.charter';
export const LANGUAGE_ID = 'charter';

/** Generous enough for a cold language server on a 2-core CI machine. */
export const DEFAULT_TIMEOUT = 30_000;

/** What `activate()` returns (client/src/extension.ts). */
export interface CharterApi {
  ready: Promise<void>;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reject with `label` if `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Thenable<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${label}`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Poll `probe` until it returns something other than undefined/false, or fail after `timeout` ms
 * with `describe()` (what was seen last) in the message.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeout = DEFAULT_TIMEOUT, interval = 100, what = 'condition', describe }: {
    timeout?: number; interval?: number; what?: string; describe?: () => string;
  } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`);
    }
    await sleep(interval);
  }
}

// ---------------------------------------------------------------------------------------------
// The extension

export function getExtension(): vscode.Extension<CharterApi> {
  const ext = vscode.extensions.getExtension<CharterApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

let activation: Promise<CharterApi> | undefined;

/**
 * Activate (or wait for) the extension and its language client. A failure is remembered, so
 * once activation has failed every later suite fails at once instead of waiting again.
 */
export function activateExtension(timeout = 30_000): Promise<CharterApi> {
  activation ??= (async () => {
    const ext = getExtension();
    const api = await withTimeout(ext.activate(), timeout, `activating ${EXTENSION_ID}`);
    assert.ok(api && typeof api === 'object', 'activate() returns an API object');
    assert.ok(typeof api.ready?.then === 'function', 'the API has a `ready` promise');
    await withTimeout(api.ready, timeout, 'the language client to be ready');
    return api;
  })();
  return activation;
}

/** The command ids the manifest contributes, so new commands are covered without editing tests. */
export function contributedCommands(): string[] {
  const commands = getExtension().packageJSON?.contributes?.commands ?? [];
  return commands.map((c: { command: string }) => c.command);
}

// ---------------------------------------------------------------------------------------------
// The workspace (a fresh copy of examples/ made by the runner)

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run has a workspace folder (a copy of examples/)');
  return folder.uri;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Write a file into the workspace copy (creating folders). Returns its Uri. */
export async function writeWorkspaceFile(relativePath: string, content: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return uri;
}

export async function deleteWorkspaceFile(relativePath: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(workspaceUri(relativePath), { recursive: true, useTrash: false });
  } catch (e) {
    if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
  }
}

/** Relative paths (from the workspace root) of files matching a glob, sorted. */
export async function findWorkspaceFiles(glob: string): Promise<string[]> {
  const uris = await vscode.workspace.findFiles(glob);
  return uris.map((u) => vscode.workspace.asRelativePath(u, false)).sort();
}

/** Open a workspace file in an editor, as a click in the explorer would. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Write a fixture charter into the workspace copy and open it. */
export async function openFixture(relativePath: string, content: string): Promise<vscode.TextEditor> {
  await writeWorkspaceFile(relativePath, content);
  return openWorkspaceFile(relativePath);
}

/** Close every editor, discarding unsaved changes of the fixtures. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

// ---------------------------------------------------------------------------------------------
// Diagnostics (what the Problems panel shows)

export function ruleId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The Charter findings of a document (other extensions may add their own diagnostics). */
export function charterDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'charter');
}

export function describeDiagnostics(diags: readonly vscode.Diagnostic[]): string {
  if (!diags.length) return '(none)';
  return diags
    .map((d) => `${ruleId(d)} ${vscode.DiagnosticSeverity[d.severity]} ${formatRange(d.range)} "${d.message}"`)
    .join('; ');
}

export function formatRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Wait until the Charter findings of `uri` satisfy `predicate` and return them. Diagnostics arrive
 * asynchronously from the language server, and a stale set may satisfy a negative predicate
 * ("no schema/enum") before the server has seen an edit, so callers that wait for something to
 * disappear should first wait for the document version they produced (see `waitForSettled`).
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
  timeout = DEFAULT_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  return new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const check = () => {
      const diags = charterDiagnostics(uri);
      if (predicate(diags)) {
        done();
        resolve(diags);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const poll = setInterval(check, 250); // belt and braces: events can race with the subscription
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeout} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; ` +
        `findings now: ${describeDiagnostics(charterDiagnostics(uri))}`));
    }, timeout);
    function done() {
      sub.dispose();
      clearInterval(poll);
      clearTimeout(timer);
    }
    check();
  });
}

/** Wait for a finding of `rule` (optionally at `range`) and return it. */
export async function waitForFinding(uri: vscode.Uri, rule: string, range?: vscode.Range, timeout?: number): Promise<vscode.Diagnostic> {
  const matches = (d: vscode.Diagnostic) => ruleId(d) === rule && (!range || d.range.isEqual(range));
  const diags = await waitForDiagnostics(uri, (ds) => ds.some(matches),
    `a ${rule} finding${range ? ` at ${formatRange(range)}` : ''}`, timeout);
  return diags.find(matches)!;
}

export async function waitForNoFinding(uri: vscode.Uri, rule: string, timeout?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleId(d) === rule), `no ${rule} finding`, timeout);
}

/**
 * Run `action` (an edit, opening files) and wait until the server has answered for the result:
 * the server republishes a document's findings after each change, so wait for a diagnostics
 * event on each of `uris` after the action, then for all of them to stay unchanged for `quietMs`.
 * Needed to assert an absence ("no findings"), which a not-yet-analysed document also satisfies.
 * If some events never come within `timeout`, returns what is there (a server may skip
 * republishing an unchanged set). Returns the Charter findings per uri, in order.
 */
export async function settleAfter(
  uris: vscode.Uri[], action: () => Thenable<unknown> | unknown, quietMs = 750, timeout = 10_000,
): Promise<vscode.Diagnostic[][]> {
  const waiting = new Set(uris.map((u) => u.toString()));
  let last = 0;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const u of e.uris) {
      if (waiting.delete(u.toString()) || uris.some((x) => x.toString() === u.toString())) last = Date.now();
    }
  });
  try {
    await action();
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline && !(waiting.size === 0 && Date.now() - last >= quietMs)) await sleep(50);
  } finally {
    sub.dispose();
  }
  return uris.map((u) => charterDiagnostics(u));
}

// ---------------------------------------------------------------------------------------------
// Text: find a node, edit, type

/** The range of the `occurrence`-th (0-based) match of `text` in the document. */
export function rangeOf(doc: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const content = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = content.indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (occurrence ${occurrence}) not found in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

/** The range of the value of `key: value` on the line holding `key:` (occurrence-th such line). */
export function valueRange(doc: vscode.TextDocument, key: string, occurrence = 0): vscode.Range {
  const keyRange = rangeOf(doc, `${key}:`, occurrence);
  const line = doc.lineAt(keyRange.start.line).text;
  const start = keyRange.end.character + (line.slice(keyRange.end.character).length - line.slice(keyRange.end.character).trimStart().length);
  const value = line.slice(start).replace(/\s+#.*$/, '').trimEnd();
  return new vscode.Range(keyRange.start.line, start, keyRange.start.line, start + value.length);
}

/** The range of the key `key` (without the colon). */
export function keyRange(doc: vscode.TextDocument, key: string, occurrence = 0): vscode.Range {
  const r = rangeOf(doc, `${key}:`, occurrence);
  return new vscode.Range(r.start, r.end.translate(0, -1));
}

/** Replace `range` with `text` through the editor (one undoable edit, like a paste). */
export async function replaceText(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  const ok = await editor.edit((b) => b.replace(range, text));
  assert.ok(ok, 'the editor applied the edit');
}

/**
 * Select `range` and type `text` key by key through the `type` command, which is what the
 * keyboard does: it goes through auto-closing, auto-indent and the language's on-type rules.
 */
export async function typeText(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  if (!range.isEmpty) await vscode.commands.executeCommand('deleteLeft');
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

// ---------------------------------------------------------------------------------------------
// Settings

/**
 * Set `charter.*` settings in the workspace's .vscode/settings.json, as the Settings editor does
 * (`undefined` removes a key), and wait for VS Code to report the change.
 */
export async function setWorkspaceSettings(settings: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  for (const [key, value] of Object.entries(settings)) {
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(key)) {
          sub.dispose();
          resolve();
        }
      });
      setTimeout(() => { sub.dispose(); resolve(); }, 5_000); // no event when the value was already so
    });
    await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    await changed;
  }
}

/** Read back the workspace settings file, to check the test changed what a user would edit. */
export async function readWorkspaceSettingsFile(): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(workspaceUri('.vscode/settings.json'));
  return Buffer.from(bytes).toString('utf8');
}
