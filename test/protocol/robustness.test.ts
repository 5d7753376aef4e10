// Issue 11 through the real server: what used to kill it or answer with an internal error.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionRequest, DocumentFormattingRequest, DocumentSymbolRequest, type CompletionList } from 'vscode-languageserver-protocol/node';
import { REPO } from '../support/engine';
import { startServer, type ServerSession } from '../support/lspClient';

describe('protocol: hostile files and requests', function () {
  this.timeout(30_000);
  let server: ServerSession;
  beforeEach(async () => {
    server = await startServer({ rootUri: 'file:///robust', settings: { format: { enable: true } } });
  });
  afterEach(async () => {
    await server.stop();
  });

  const alive = async (uri: string) => {
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    assert.deepEqual(server.logs.filter((l) => l.type === 1), [], 'no error in the server log');
  };

  it('answers completion with the caret in the indentation of dc-identity line 15, and in a lone "{a: "', async () => {
    const uri = 'file:///robust/projects/dc-identity.charter.yaml';
    await server.openAndWait(uri, readFileSync(join(REPO, 'examples', 'projects', 'dc-identity.charter.yaml'), 'utf8'));
    const list = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 14, character: 3 } })) as CompletionList;
    assert.ok(list.items.length > 0);
    const flow = 'file:///robust/flow.charter.yaml';
    await server.openAndWait(flow, '{a: ');
    const none = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: flow }, position: { line: 0, character: 4 } })) as CompletionList;
    assert.deepEqual(none.items, []);
    await alive(uri);
  });

  it('formats a file with a !!binary scalar', async () => {
    const uri = 'file:///robust/binary.charter.yaml';
    await server.openAndWait(uri, 'x: !!binary aGVsbG8=\n');
    const edits = await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits, []);
    await alive(uri);
  });

  it('publishes yaml/too-deep for 2,500 levels of compact nesting and keeps answering', async () => {
    const uri = 'file:///robust/deep.charter.yaml';
    const diagnostics = await server.openAndWait(uri, `- a: ${'b: '.repeat(2500)}x\n`);
    assert.deepEqual(diagnostics.map((d) => d.code), ['yaml/too-deep']);
    await alive(uri);
  });
});
