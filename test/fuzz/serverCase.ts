// One fuzz case against a long-lived language server over stdio: open the mutated file, wait for its
// diagnostics, send the editor's requests at random places, close it. No request may fail (a refused
// rename is an answer, not a failure), every range must lie in the text, and the server must answer.
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  RenameRequest,
  ResponseError,
  SelectionRangeRequest,
  type CodeAction,
  type CompletionList,
  type DocumentSymbol,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { ServerSession } from '../support/lspClient';
import { assertInside, editorLines, randomPosition } from './engineCase';
import { Random, type FuzzCase } from './mutator';

export const SERVER_ROOT = 'file:///fuzz-server';
const REQUEST_TIMEOUT_MS = 30_000;

export async function runServerCase(server: ServerSession, fuzz: FuzzCase): Promise<void> {
  const uri = `${SERVER_ROOT}/case-${fuzz.seed}/${fuzz.fileName}`;
  const random = new Random(fuzz.seed ^ 0x5e7);
  const lines = editorLines(fuzz.text);
  const textDocument = { uri };
  const request = async <R>(what: string, send: () => Promise<R>): Promise<R | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        send(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${what}: no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
        }),
      ]);
    } catch (e) {
      if (e instanceof ResponseError && e.code === ErrorCodes.InvalidRequest && /rename/i.test(what)) return undefined; // a refused rename
      throw new Error(`${what} failed: ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    const diagnostics = await server.openAndWait(uri, fuzz.text);
    for (const d of diagnostics) {
      if (d.code === 'internal/rule-failed') throw new Error(`internal/rule-failed: ${d.message}`);
      assertInside(lines, d.range, `diagnostic ${d.code}`);
    }
    const c = server.connection;
    const symbols = (await request('documentSymbol', () => c.sendRequest(DocumentSymbolRequest.type, { textDocument }))) as DocumentSymbol[] | null;
    const visit = (list: DocumentSymbol[] | undefined) => list?.forEach((s) => (assertInside(lines, s.range, 'symbol'), assertInside(lines, s.selectionRange, 'symbol'), visit(s.children)));
    visit(symbols ?? undefined);
    const formatted = (await request('formatting', () => c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }))) as TextEdit[] | null;
    formatted?.forEach((e) => assertInside(lines, e.range, 'formatting'));
    await request('foldingRange', () => c.sendRequest(FoldingRangeRequest.type, { textDocument }));
    for (let i = 0; i < 2; i++) {
      const position = randomPosition(lines, random);
      const where = `at ${position.line}:${position.character}`;
      const list = (await request(`completion ${where}`, () => c.sendRequest(CompletionRequest.type, { textDocument, position }))) as CompletionList | null;
      list?.items.forEach((item) => assertInside(lines, (item.textEdit as TextEdit).range, `completion ${where}`));
      const hover = await request(`hover ${where}`, () => c.sendRequest(HoverRequest.type, { textDocument, position }));
      if (hover?.range) assertInside(lines, hover.range, `hover ${where}`);
      const range: Range = { start: position, end: randomPosition(lines, random) };
      if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) [range.start, range.end] = [range.end, range.start];
      const actions = (await request(`codeAction ${where}`, () => c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics } }))) as CodeAction[] | null;
      actions?.forEach((a) => a.edit?.changes?.[uri]?.forEach((e) => assertInside(lines, e.range, `code action "${a.title}"`)));
      await request(`selectionRange ${where}`, () => c.sendRequest(SelectionRangeRequest.type, { textDocument, positions: [position] }));
      const prepared = await request(`prepareRename ${where}`, () => c.sendRequest(PrepareRenameRequest.type, { textDocument, position }));
      if (prepared && 'range' in prepared) {
        assertInside(lines, prepared.range, `prepareRename ${where}`);
        const edit = await request(`rename ${where}`, () => c.sendRequest(RenameRequest.type, { textDocument, position, newName: 'fuzz-renamed' }));
        edit?.changes?.[uri]?.forEach((e) => assertInside(lines, e.range, `rename ${where}`));
      }
    }
    const errors = server.logs.filter((l) => l.type === 1);
    if (errors.length > 0) throw new Error(`the server logged an error: ${errors[0].message.split('\n')[0]}`);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    error.message = `server fuzz case seed ${fuzz.seed} (from ${fuzz.source} as ${fuzz.fileName}): ${error.message}`;
    throw error;
  } finally {
    server.logs.length = 0;
    server.close(uri);
  }
}
