// The Problems panel holds the expected findings, with rule ids, docs links and exact ranges.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, charterDiagnostics, closeAllEditors, describeDiagnostics, keyRange, openFixture, ruleId, valueRange,
  waitForDiagnostics, waitForFinding,
} from '../helpers';
import { CHARTER_MISSING_REQUIRED, CHARTER_WITH_MISTAKES } from '../fixtures';

suite('Diagnostics', () => {
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await activateExtension();
    editor = await openFixture('e2e/diagnostics.charter.yaml', CHARTER_WITH_MISTAKES);
    uri = editor.document.uri;
  });
  suiteTeardown(closeAllEditors);

  test('a misspelt status value: schema/enum on the value, with a did-you-mean', async () => {
    const range = valueRange(editor.document, 'status'); // "actve"
    const d = await waitForFinding(uri, 'schema/enum', range);
    assert.strictEqual(d.source, 'charter');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /status must be one of proposed, approved, active, on-hold, closed, cancelled/);
    assert.match(d.message, /Did you mean "active"\?/);
  });

  test('a misspelt key: schema/additionalProperties on the key, with a did-you-mean', async () => {
    const range = keyRange(editor.document, 'sponser');
    const d = await waitForFinding(uri, 'schema/additionalProperties', range);
    assert.match(d.message, /Unknown property "sponser"\. Did you mean "sponsor"\?/);
  });

  test('a misspelt key is not also reported as its missing property', async () => {
    await waitForFinding(uri, 'schema/additionalProperties');
    const diags = await waitForFinding(uri, 'schema/enum').then(() => charterDiagnostics(uri));
    const required = diags.filter((d) => ruleId(d) === 'schema/required' && /sponsor/.test(d.message));
    assert.deepStrictEqual(required.map((d) => d.message), [], '"sponser" already explains the missing sponsor');
  });

  test('missing required properties: schema/required on the parent key (the first key at top level)', async () => {
    const missing = await openFixture('e2e/diagnostics-missing.charter.yaml', CHARTER_MISSING_REQUIRED);
    const doc = missing.document;
    const top = await waitForFinding(doc.uri, 'schema/required', keyRange(doc, 'apiVersion'));
    assert.match(top.message, /"manager"/);
    assert.strictEqual(top.severity, vscode.DiagnosticSeverity.Error);
    const nested = await waitForFinding(doc.uri, 'schema/required', keyRange(doc, 'schedule'));
    assert.match(nested.message, /"end"/);
    await vscode.window.showTextDocument(editor.document);
  });

  test('each finding links to its rule documentation', async () => {
    const diags = await waitForDiagnostics(uri, (ds) => ds.length >= 2, 'the findings');
    for (const d of diags) {
      assert.ok(typeof d.code === 'object' && d.code !== null, `code of ${describeDiagnostics([d])} is { value, target }`);
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.ok(typeof code.value === 'string' && /^[a-z-]+\/[A-Za-z-]+$/.test(code.value), `rule id "${code.value}" looks like group/name`);
      assert.ok(code.target instanceof vscode.Uri, `the docs target of ${code.value} is a Uri`);
    }
    const enumDoc = (diags.find((d) => ruleId(d) === 'schema/enum')!.code as { target: vscode.Uri }).target;
    assert.match(enumDoc.toString(), /schema/, 'schema/enum links to the schema rules page');
  });
});
