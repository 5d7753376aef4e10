import { strict as assert } from 'node:assert';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  DocumentLinkRequest,
  DocumentFormattingRequest,
  SelectionRangeRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  CodeLensRequest,
  WorkspaceSymbolRequest,
  type Location,
  FoldingRangeRequest,
  type DocumentSymbol,
  type CodeAction,
  HoverRequest,
  type MarkupContent,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type ServerSession } from '../support/lspClient';
import { fileUri, REPO } from '../support/engine';
import { applyTextEdits as applyEdits } from '../../server/src/engine/utils/textEdits';
import { Commands, type ShowReferencesArgs, type ShowRuleDocsArgs } from '../../server/src/protocol';

const URI = 'file:///workspace/projects/new.charter.yaml';


/** Inserts a completion item as an editor does: snippet placeholders become their default text. */
function insertItem(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  let newText = edit.newText;
  if (item.insertTextFormat === InsertTextFormat.Snippet) {
    const lineIndent = /^ */.exec(text.split('\n')[edit.range.start.line])![0];
    newText = newText.replace(/\n/g, `\n${lineIndent}`).replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
  }
  return applyEdits(text, [{ range: edit.range, newText }]);
}

describe('protocol: language features over stdio', function () {
  this.timeout(20_000);
  let server: ServerSession;
  let version = 1;

  beforeEach(async () => {
    server = await startServer({ rootUri: 'file:///workspace', settings: { asOf: '2027-02-01' } });
    version = 1;
  });
  afterEach(async () => {
    await server.stop();
  });

  const openAndSettle = async (text: string) => {
    const published = server.diagnostics(URI);
    server.open(URI, text);
    return published;
  };
  const replaceText = async (text: string) => {
    version++;
    const published = server.diagnostics(URI, (p) => p.version === version);
    server.change(URI, version, [{ text }]);
    return published;
  };
  const complete = async (line: number, character: number) =>
    (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character } })) as CompletionList;

  it('announces the language feature capabilities', () => {
    const caps = server.initialize.capabilities;
    assert.ok(caps.completionProvider);
    assert.ok(caps.hoverProvider);
    assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.definitionProvider && caps.referencesProvider);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.selectionRangeProvider && caps.documentLinkProvider && caps.codeLensProvider && caps.workspaceSymbolProvider && caps.documentFormattingProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.charter']);
  });

  it('completes a skeleton in an empty file, then keys and enum values', async () => {
    await openAndSettle('');
    const skeleton = await complete(0, 0);
    assert.equal(skeleton.items.length, 1);
    assert.equal(skeleton.items[0].insertTextFormat, InsertTextFormat.Snippet);
    let text = insertItem('', skeleton.items[0]);
    const diagnostics = await replaceText(text);
    assert.deepEqual(diagnostics.filter((d) => String(d.code).startsWith('schema/')).map((d) => String(d.message).split('.')[0]), ['approved is still a placeholder ("<approved amount>")']);
    text = text.replace('<approved amount>', '120000');

    text += '\n';
    await replaceText(text);
    const lastLine = text.split('\n').length - 1;
    const keys = await complete(lastLine, 0);
    const milestones = keys.items.find((i) => i.label === 'milestones')!;
    assert.equal(milestones.documentation && typeof milestones.documentation === 'object' && milestones.documentation.kind, 'markdown');
    assert.ok(!keys.items.some((i) => i.label === 'title'), 'keys already present are not offered');

    text = text.replace('status: proposed', 'status: ');
    await replaceText(text);
    const statusLine = text.split('\n').findIndex((l) => l.startsWith('status:'));
    const values = await complete(statusLine, 'status: '.length);
    assert.ok(values.items.some((i) => i.label === 'active' && (i.textEdit as TextEdit).newText === 'active'));
  });

  it('hovers with the schema docs, and the finding with its docs link', async () => {
    await openAndSettle('apiVersion: charter/v1\nkind: Project\nstatus: actve\n');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 2, character: 9 } });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /\*\*Status\*\*/);
    assert.match(value, /`schema\/enum`: status must be one of/);
    assert.match(value, /\[docs\]\(file:\/\/.*\/docs\/rules\/schema\.md\)/);
    const none = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 3, character: 0 } });
    assert.equal(none, null);
  });

  it('offers quick-fixes for a diagnostic and a fix-all, and the fix clears the diagnostic', async () => {
    const text = 'apiVersion: charter/v1\nkind: Project\nid: p\ntitle: P\nstatus: actve # typo\nsponsor: a\nmanager: b\nschedule:\n  start: 2027-01-04\n  end: 17/12/2027\nbudget:\n  currency: EUR\n';
    const diagnostics = await openAndSettle(text);
    const enumDiagnostic = diagnostics.find((d) => d.code === 'schema/enum')!;
    const required = diagnostics.find((d) => d.code === 'schema/required')!;
    assert.ok(enumDiagnostic && required, JSON.stringify(diagnostics));

    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: enumDiagnostic.range,
      context: { diagnostics: [enumDiagnostic] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable schema/enum for this line'), titles.join('; '));
    const docs = actions.find((a) => a.title === 'Show documentation for schema/enum')!;
    assert.equal(docs.command!.command, 'charter.showRuleDocs');
    const [href, rule] = docs.command!.arguments as ShowRuleDocsArgs;
    assert.match(href, /^file:\/\/.*\/docs\/rules\/schema\.md$/);
    assert.equal(rule, 'schema/enum');
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.deepEqual(preferred.diagnostics, [enumDiagnostic]);
    const fixed = applyEdits(text, preferred.edit!.changes![URI]);
    assert.match(fixed, /status: active # typo/);

    const addApproved = ((await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: required.range,
      context: { diagnostics: [required], only: ['quickfix'] },
    })) as CodeAction[]).find((a) => a.title.startsWith('Add missing'))!;
    const both = applyEdits(fixed, addApproved.edit!.changes![URI]);
    const after = await replaceText(both);
    assert.deepEqual(after.filter((d) => String(d.code).startsWith('schema/')).map((d) => d.code), ['schema/format'], 'only the date is left for fix-all');

    const fixAll = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.charter'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.charter');
    const fixedOnes = new Set(fixAll[0].diagnostics!.map((d) => `${d.code}: ${d.message}`));
    assert.deepEqual([...fixedOnes], ['schema/format: end must be a date written as YYYY-MM-DD, like 2027-03-31. Did you mean 2027-12-17?']);
    const final = await replaceText(applyEdits(both, fixAll[0].edit!.changes![URI]));
    assert.deepEqual(final.filter((d) => fixedOnes.has(`${d.code}: ${d.message}`)), []);
  });

  it('answers document symbols and folding ranges', async () => {
    const text = 'apiVersion: charter/v1\nkind: Project\nid: p\nmilestones:\n  - id: m1\n    name: Vendor selected\n    date: 2027-03-01\n';
    await openAndSettle(text);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['apiVersion', 'kind', 'id', 'milestones']);
    const milestone = symbols[3].children![0];
    assert.equal(milestone.name, 'Vendor selected');
    assert.equal(milestone.detail, 'm1 · 2027-03-01');
    const selection = await server.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri: URI }, positions: [{ line: 5, character: 12 }] });
    assert.deepEqual(selection![0].range, { start: { line: 5, character: 10 }, end: { line: 5, character: 25 } });
    assert.deepEqual(selection![0].parent!.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 25 } });
    const links = await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(links, []);
    const folds = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(folds, [{ startLine: 3, endLine: 6 }, { startLine: 4, endLine: 6 }]);
  });

  it('writes a charter from an empty file to zero findings with completion and quick-fixes only', async () => {
    await openAndSettle('');
    const pick = async (text: string, line: number, character: number, label: string) => {
      const items = (await complete(line, character)).items;
      const item = items.find((i) => i.label === label);
      assert.ok(item, `"${label}" is offered at ${line}:${character}; got ${items.map((i) => i.label).join(', ')}`);
      return insertItem(text, item);
    };
    const lastLine = (text: string) => text.split('\n').length - 1;

    let text = await pick('', 0, 0, 'New project charter');
    // The skeleton makes up no amount: the one finding points at the placeholder the author fills in.
    const skeletonFindings = await replaceText(text);
    assert.deepEqual(skeletonFindings.map((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)), ['<approved amount>']);
    text = text.replace('approved: <approved amount>', 'approved: 120000');
    assert.deepEqual(await replaceText(text), []);

    text += '\n';
    await replaceText(text);
    text = await pick(text, lastLine(text), 0, 'milestones');
    await replaceText(text);
    text = await pick(text, lastLine(text), text.split('\n')[lastLine(text)].length, 'Milestone');
    assert.deepEqual(await replaceText(text), [], text);

    // Typing slips: a misspelt status, and a budget without its currency.
    text = text.replace('status: proposed', 'status: propsed').replace('  currency: EUR\n', '');
    let diagnostics = await replaceText(text);
    for (let round = 0; diagnostics.length > 0 && round < 5; round++) {
      const [first] = diagnostics;
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: URI },
        range: first.range,
        context: { diagnostics: [first], only: ['quickfix'] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred) ?? actions.find((a) => a.edit && !a.title.startsWith('Disable'));
      assert.ok(fix, `a quick-fix for ${first.code}: ${first.message}`);
      text = applyEdits(text, fix.edit!.changes![URI]);
      diagnostics = await replaceText(text);
    }
    assert.deepEqual(diagnostics.map((d) => `${d.code}: ${d.message}`), [], text);
    assert.match(text, /status: proposed/);
    assert.match(text, /budget:\n {2}approved: 120000\n {2}currency: EUR/);
    assert.match(text, /milestones:\n {2}- id: /);
  });

  it('formats only when charter.format.enable is on', async () => {
    const text = 'kind: Project\napiVersion: charter/v1\nschedule:\n    end: 2027-12-17\n    start: 2027-01-04\n';
    await openAndSettle(text);
    const request = () => server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(await request(), []);
    server.changeSettings({ asOf: '2027-02-01', format: { enable: true } });
    const [edit] = (await request())!;
    assert.equal(edit.newText, 'apiVersion: charter/v1\nkind: Project\nschedule:\n  start: 2027-01-04\n  end: 2027-12-17\n');
  });

  describe('across the files of a workspace', () => {
    const folder = join(REPO, 'test', 'fixtures', 'contract');
    const uri = (name: string) => fileUri(join(folder, name));
    let workspace: ServerSession;
    beforeEach(async () => {
      // The contract example is dated in 2027: judge it on the day its .vscode/settings.json names.
      workspace = await startServer({ rootUri: fileUri(folder), settings: { asOf: '2027-05-15' } });
    });
    afterEach(async () => {
      await workspace.stop();
    });

    /** Asks until the workspace index has caught up (it indexes the folder in the background). */
    const eventually = async <T>(ask: () => Promise<T>, ready: (t: T) => boolean): Promise<T> => {
      for (let i = 0; ; i++) {
        const answer = await ask();
        if (ready(answer) || i >= 100) return answer;
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    it('goes to definition, finds references and renames an id across files', async () => {
      const invoice = 'fin-invoice-automation.charter.yaml';
      const text = readFileSync(join(folder, invoice), 'utf8');
      const lines = text.split('\n');
      const depLine = lines.findIndex((l) => l.includes('project: fin-erp-upgrade'));
      const position = { line: depLine, character: lines[depLine].indexOf('fin-erp-upgrade') + 2 };
      workspace.open(uri(invoice), text);

      const definition = (await eventually(
        () => workspace.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(invoice) }, position }) as Promise<Location[] | null>,
        (d) => !!d && d.length > 0,
      ))!;
      assert.equal(definition[0].uri, uri('fin-erp-upgrade.charter.yaml'));

      const references = (await workspace.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(invoice) }, position, context: { includeDeclaration: true } }))!;
      assert.deepEqual([...new Set(references.map((r) => r.uri))].sort(), [uri('fin-erp-upgrade.charter.yaml'), uri(invoice)].sort());

      const prepared = await workspace.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri(invoice) }, position });
      assert.deepEqual(prepared, { range: { start: { line: depLine, character: position.character - 2 }, end: { line: depLine, character: position.character - 2 + 'fin-erp-upgrade'.length } }, placeholder: 'fin-erp-upgrade' });
      const edit = (await workspace.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(invoice) }, position, newName: 'fin-erp-renewal' }))!;
      assert.deepEqual(Object.keys(edit.changes!).sort(), [uri('fin-erp-upgrade.charter.yaml'), uri(invoice)].sort());
      const renamed = applyEdits(text, edit.changes![uri(invoice)]);
      assert.match(renamed, /project: fin-erp-renewal/);

      const lenses = await workspace.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(invoice) } });
      assert.deepEqual(lenses!.map((l) => l.command!.title).slice(1), ['depends on 1', 'blocks 0', 'no open findings']);
      // The engine says what a lens shows; the server names the client's command and its arguments.
      const [dependsOn, , noFindings] = lenses!.slice(1).map((l) => l.command!);
      assert.equal(dependsOn.command, Commands.showReferences);
      const [lensUri, lensPosition, lensLocations] = dependsOn.arguments as ShowReferencesArgs;
      assert.equal(lensUri, uri(invoice));
      assert.deepEqual(lensPosition, lenses![0].range.start);
      assert.deepEqual(lensLocations.map((l) => l.uri), [uri('fin-erp-upgrade.charter.yaml')]);
      assert.equal(noFindings.command, '');

      const symbols = (await workspace.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'erp upg' })) as Array<{ name: string; location: Location }>;
      assert.deepEqual(symbols.map((s) => [s.name, s.location.uri]), [['fin-erp-upgrade: ERP upgrade', uri('fin-erp-upgrade.charter.yaml')]]);

      await assert.rejects(
        workspace.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(invoice) }, position, newName: 'fin-invoice-automation' }),
        /A project with the id "fin-invoice-automation" already exists/,
      );
    });
  });
});
