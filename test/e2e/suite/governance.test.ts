// Issue 5: governance rules over the whole portfolio. Findings of charters nobody opened are in the
// Problems panel, a cross-file finding follows edits to another file, and a suppression comment
// silences one finding.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, charterDiagnostics, closeAllEditors, deleteWorkspaceFile, describeDiagnostics, formatRange, openWorkspaceFile,
  ruleId, waitForDiagnostics, waitForFinding, waitForNoFinding, workspaceUri, writeWorkspaceFile,
} from '../helpers';
import { VALID_CHARTER } from '../fixtures';

const NETWORK = 'needs-attention/ops-network-refresh.charter.yaml';
const LOYALTY = 'needs-attention/dc-loyalty-programme.charter.yaml';
/** The id ops-network-refresh depends on, which the sample portfolio does not have. */
const MISSING_ID = 'ops-datacentre-exit';
const UPSTREAM = 'e2e/ops-datacentre-exit.charter.yaml';
const SUPPRESS = 'e2e/governance-suppress.charter.yaml';

async function lineOf(relativePath: string, text: string): Promise<number> {
  const content = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(relativePath))).toString('utf8');
  const line = content.split('\n').findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `"${text}" is in ${relativePath}`);
  return line;
}

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

suite('Governance rules', () => {
  suiteSetup(() => activateExtension());
  suiteTeardown(async () => {
    await closeAllEditors();
    await deleteWorkspaceFile(UPSTREAM);
    await deleteWorkspaceFile(SUPPRESS);
  });

  test('findings of charters nobody opened are in the Problems panel, on their lines', async () => {
    const network = workspaceUri(NETWORK);
    const loyalty = workspaceUri(LOYALTY);
    assert.ok(!isOpen(network) && !isOpen(loyalty), 'the charters are not open in the editor');
    const unknown = await waitForFinding(network, 'portfolio/unknown-reference');
    assert.strictEqual(unknown.range.start.line, await lineOf(NETWORK, `project: ${MISSING_ID}`), formatRange(unknown.range));
    assert.match(unknown.message, new RegExp(MISSING_ID));
    const red = await waitForFinding(loyalty, 'status/red-needs-recovery');
    assert.strictEqual(red.range.start.line, await lineOf(LOYALTY, 'rag: red'), formatRange(red.range));
    assert.ok(!isOpen(network) && !isOpen(loyalty), 'reading the findings opened no document');
  });

  test('a cross-file finding follows the other file: creating the project clears it, deleting it brings it back', async () => {
    const network = workspaceUri(NETWORK);
    await waitForFinding(network, 'portfolio/unknown-reference');
    await writeWorkspaceFile(UPSTREAM, VALID_CHARTER.replace('id: e2e-valid', `id: ${MISSING_ID}`));
    const after = await waitForNoFinding(network, 'portfolio/unknown-reference');
    assert.ok(after.some((d) => ruleId(d) === 'schema/format'), `the other planted finding stays: ${describeDiagnostics(after)}`);
    await deleteWorkspaceFile(UPSTREAM);
    await waitForFinding(network, 'portfolio/unknown-reference');
  });

  test('a suppression comment above the line removes that finding (and only that one)', async () => {
    // A copy of the loyalty charter with an id of its own, so the edit can be saved and thrown away.
    const original = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(LOYALTY))).toString('utf8');
    await writeWorkspaceFile(SUPPRESS, original.replace(/^id: .*$/m, 'id: e2e-governance-suppress'));
    const editor = await openWorkspaceFile(SUPPRESS);
    const uri = editor.document.uri;
    const red = await waitForFinding(uri, 'status/red-needs-recovery');
    await waitForFinding(uri, 'schema/enum');

    const line = editor.document.lineAt(red.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, line.range.start, `${indent}# charter-disable-next-line status/red-needs-recovery -- recovery plan agreed at the steering committee\n`);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const diags = await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleId(d) === 'status/red-needs-recovery') && ds.some((d) => ruleId(d) === 'schema/enum'),
      'status/red-needs-recovery suppressed, schema/enum still reported');
    assert.ok(!diags.some((d) => ruleId(d)?.startsWith('suppression/')), `the suppression itself is fine: ${describeDiagnostics(diags)}`);
    assert.ok(charterDiagnostics(uri).some((d) => ruleId(d) === 'schema/additionalProperties'), 'other findings stay');
    await editor.document.save();
  });
});
