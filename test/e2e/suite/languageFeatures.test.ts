// Issue 6: writing a charter. Completion, hover, quick-fixes, go to definition and rename answer in
// the real editor, through the same commands VS Code runs when a user presses the keys.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, describeDiagnostics, keyRange, openFixture, openWorkspaceFile, rangeOf, ruleId, valueRange,
  waitForDiagnostics, waitForFinding,
} from '../helpers';
import { CHARTER_MISSING_REQUIRED } from '../fixtures';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function complete(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map(labelOf);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function locationUri(l: vscode.Location | vscode.LocationLink): vscode.Uri {
  return 'targetUri' in l ? l.targetUri : l.uri;
}

/** A project with a misspelt status and comments to keep. */
const COMMENTED_CHARTER = [
  '# Charter of the e2e quick-fix test',
  'apiVersion: charter/v1',
  'kind: Project',
  'id: e2e-quickfix',
  'title: Quick-fix fixture',
  'status: actve # agreed at the kick-off',
  'sponsor: e2e.sponsor # interim',
  'manager: e2e.manager',
  'schedule:',
  '  start: 2031-01-06',
  '  end: 2031-12-19',
  'budget:',
  '  currency: EUR',
  '  approved: 100000',
  '',
].join('\n');

suite('Writing a charter (language features)', () => {
  suiteSetup(() => activateExtension());
  suiteTeardown(closeAllEditors);

  test('completion offers the missing required keys on a new line, and enum values after "status: "', async () => {
    const editor = await openFixture('e2e/lf-completion.charter.yaml', CHARTER_MISSING_REQUIRED);
    const doc = editor.document;
    await waitForFinding(doc.uri, 'schema/required');
    const keys = await complete(doc.uri, new vscode.Position(doc.lineCount - 1, 0)); // the empty last line
    assert.ok(keys.includes('manager'), `"manager" (required, missing) is offered; got ${keys.join(', ')}`);
    assert.ok(!keys.includes('title'), 'a key already present is not offered');

    const status = valueRange(doc, 'status');
    await editor.edit((b) => b.delete(status));
    const values = await complete(doc.uri, new vscode.Position(status.start.line, 'status: '.length));
    for (const v of ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled']) {
      assert.ok(values.includes(v), `"${v}" is offered after "status: "; got ${values.join(', ')}`);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('hover on a key shows its description from the schema', async () => {
    const editor = await openFixture('e2e/lf-hover.charter.yaml', COMMENTED_CHARTER.replace('actve', 'active'));
    const doc = editor.document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, keyRange(doc, 'status').start.translate(0, 2));
    const text = hoverText(hovers);
    assert.match(text, /Status/);
    assert.match(text, /Where the project stands in its life/, text);
    const manager = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, keyRange(doc, 'manager').start.translate(0, 2)));
    assert.match(manager, /runs the project day to day/, manager);
  });

  test('quick-fix "Change to "active"" fixes the value, keeps the comments and clears the finding', async () => {
    const editor = await openFixture('e2e/lf-quickfix.charter.yaml', COMMENTED_CHARTER);
    const doc = editor.document;
    const range = valueRange(doc, 'status');
    const finding = await waitForFinding(doc.uri, 'schema/enum', range);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, finding.range);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Change to "active"');
    assert.ok(fix?.edit, `a "Change to "active"" quick-fix with an edit; got ${titles.join('; ')}`);
    assert.strictEqual(fix.kind?.value, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick-fix applies');
    assert.strictEqual(doc.lineAt(range.start.line).text, 'status: active # agreed at the kick-off');
    assert.strictEqual(doc.lineAt(0).text, '# Charter of the e2e quick-fix test');
    assert.strictEqual(doc.lineAt(rangeOf(doc, 'sponsor:').start.line).text, 'sponsor: e2e.sponsor # interim');
    const diags = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleId(d) === 'schema/enum'), 'the schema/enum finding to clear');
    assert.deepStrictEqual(diags.filter((d) => ruleId(d)?.startsWith('schema/')).map((d) => ruleId(d)), [], describeDiagnostics(diags));
    await doc.save();
  });

  test('go to definition on programme: and on a dependency opens the other charter', async () => {
    const editor = await openWorkspaceFile('projects/dc-web-replatform.charter.yaml');
    const doc = editor.document;
    const programme = valueRange(doc, 'programme');
    const toProgramme = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, programme.start.translate(0, 2));
    assert.deepStrictEqual(toProgramme.map((l) => vscode.workspace.asRelativePath(locationUri(l), false)), ['programmes/digital-customer.programme.yaml']);

    const dependency = rangeOf(doc, 'project: dc-identity');
    const toProject = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, dependency.end.translate(0, -3));
    assert.deepStrictEqual(toProject.map((l) => vscode.workspace.asRelativePath(locationUri(l), false)), ['projects/dc-identity.charter.yaml']);
  });

  test('rename of a project id edits every charter that names it (not applied)', async () => {
    const editor = await openWorkspaceFile('projects/dc-identity.charter.yaml');
    const doc = editor.document;
    const id = valueRange(doc, 'id');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, id.start.translate(0, 2), 'dc-customer-identity');
    assert.ok(edit, 'rename answers with an edit');
    const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri, false)).sort();
    assert.ok(files.length > 1, `edits in more than one file; got ${files.join(', ')}`);
    for (const f of ['projects/dc-identity.charter.yaml', 'projects/dc-web-replatform.charter.yaml', 'projects/dc-mobile-app.charter.yaml', 'projects/dc-contact-centre.charter.yaml']) {
      assert.ok(files.includes(f), `${f} is edited; got ${files.join(', ')}`);
    }
    for (const [, edits] of edit.entries()) for (const e of edits) assert.strictEqual(e.newText, 'dc-customer-identity');
    assert.ok(!doc.isDirty, 'nothing was applied');
  });
});
