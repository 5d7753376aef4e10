// Findings follow the text as the user types: a fix clears its finding, broken YAML is reported
// as a syntax finding until it is repaired.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, keyRange, openFixture, ruleId, typeText, valueRange, waitForDiagnostics,
  waitForFinding, waitForNoFinding,
} from '../helpers';
import { CHARTER_WITH_MISTAKES, VALID_CHARTER } from '../fixtures';

suite('Editing', () => {
  suiteSetup(() => activateExtension());
  suiteTeardown(closeAllEditors);

  test('typing the right status value clears schema/enum and leaves the other findings', async () => {
    const editor = await openFixture('e2e/editing-fix.charter.yaml', CHARTER_WITH_MISTAKES);
    const uri = editor.document.uri;
    await waitForFinding(uri, 'schema/enum');
    await waitForFinding(uri, 'schema/additionalProperties');

    await typeText(editor, valueRange(editor.document, 'status'), 'active');
    assert.strictEqual(editor.document.lineAt(4).text, 'status: active');
    const after = await waitForNoFinding(uri, 'schema/enum');
    assert.ok(after.some((d) => ruleId(d) === 'schema/additionalProperties'), 'the misspelt key is still reported');
  });

  test('typing the right key clears schema/additionalProperties and schema/required', async () => {
    const editor = await openFixture('e2e/editing-key.charter.yaml', CHARTER_WITH_MISTAKES);
    const uri = editor.document.uri;
    await waitForFinding(uri, 'schema/additionalProperties');

    await typeText(editor, keyRange(editor.document, 'sponser'), 'sponsor');
    assert.strictEqual(editor.document.lineAt(5).text, 'sponsor: e2e.sponsor');
    await waitForDiagnostics(uri,
      (ds) => !ds.some((d) => ['schema/additionalProperties', 'schema/required'].includes(ruleId(d) ?? '')),
      'no schema/additionalProperties and no schema/required finding');
  });

  test('breaking the YAML shows yaml/syntax, repairing it (undo) clears it', async () => {
    const editor = await openFixture('e2e/editing-syntax.charter.yaml', VALID_CHARTER);
    const uri = editor.document.uri;
    const original = editor.document.getText();
    // let the server answer for the valid text first, so the syntax finding below is news
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleId(d) === 'yaml/syntax'), 'a first analysis');

    const titleValue = valueRange(editor.document, 'title');
    await typeText(editor, new vscode.Range(titleValue.end, titleValue.end), ': [unclosed');
    const d = await waitForFinding(uri, 'yaml/syntax');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);

    for (let i = 0; i < 20 && editor.document.getText() !== original; i++) {
      await vscode.commands.executeCommand('undo');
    }
    assert.strictEqual(editor.document.getText(), original, 'undo restored the valid text');
    await waitForNoFinding(uri, 'yaml/syntax');
  });
});
