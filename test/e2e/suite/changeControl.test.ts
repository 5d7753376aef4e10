// Issue 16: change control in the editor. The workspace copy becomes a git repository with a charter
// committed; the charter edited on disk gets a change finding inline (both values, base value in
// related information and hover), Compare with Base opens the diff editor, and committing the edit
// (HEAD moves) clears the finding.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, setWorkspaceSettings, deleteWorkspaceFile, describeDiagnostics, formatRange, openWorkspaceFile, ruleId, valueRange, waitForFinding, waitForNoFinding, workspaceRoot, workspaceUri, writeWorkspaceFile } from '../helpers';
import { VALID_CHARTER } from '../fixtures';

const FILE = 'e2e/change-control.charter.yaml';
const BASE = VALID_CHARTER.replace('id: e2e-valid', 'id: e2e-change');
const HEAD = BASE.replace('approved: 100000', 'approved: 105000');

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8' });
}

suite('Change control', () => {
  suiteSetup(async () => {
    await activateExtension();
    // The base by name, so the messages below can quote it; set before the repository exists, as the
    // folder has none yet: the server notices the repository and its first commit appear on its own.
    await setWorkspaceSettings({ 'charter.baseRef': 'HEAD' });
    // The workspace copy as a repository of its own, with only this charter committed.
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Charter E2E');
    git('config', 'user.email', 'e2e@example.invalid');
    git('config', 'commit.gpgsign', 'false');
    await writeWorkspaceFile(FILE, BASE);
    git('add', FILE);
    git('commit', '-q', '-m', 'Approved baseline');
  });

  suiteTeardown(async () => {
    await setWorkspaceSettings({ 'charter.baseRef': undefined });
    await closeAllEditors();
    await deleteWorkspaceFile(FILE);
    fs.rmSync(path.join(workspaceRoot().fsPath, '.git'), { recursive: true, force: true });
  });

  test('an edited approved budget gets change/unrecorded inline, quoting both values, with the base value on hover', async () => {
    await writeWorkspaceFile(FILE, HEAD);
    const editor = await openWorkspaceFile(FILE);
    const uri = workspaceUri(FILE);
    const expected = valueRange(editor.document, 'approved');
    const finding = await waitForFinding(uri, 'change/unrecorded', expected, 45_000);
    assert.strictEqual(finding.message, 'Approved budget changed 100,000 -> 105,000 EUR (+5 %) with no entry in changes. Record the change and who decided it.');
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Warning);
    const related = finding.relatedInformation?.[0];
    assert.ok(related, `related information: ${describeDiagnostics([finding])}`);
    assert.strictEqual(related.location.uri.scheme, 'charter-base');
    assert.strictEqual(related.message, 'On HEAD: 100,000');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, expected.start);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Changed against HEAD/);
    assert.match(text, /approved budget changed 100,000 -&gt; 105,000 EUR \(\+5 %\) \(on HEAD: `100,000`\)/);
    assert.ok(ruleId(finding) === 'change/unrecorded', formatRange(finding.range));
  });

  test('Charter: Compare with Base opens the diff editor: the base text on the left, the charter on the right', async () => {
    const editor = await openWorkspaceFile(FILE);
    const result = await vscode.commands.executeCommand<{ left: string; right: string; ref: string }>('charter.compareWithBase');
    assert.ok(result, 'the command found a base');
    assert.strictEqual(result.ref, 'HEAD');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `the active tab is a diff editor: ${tab?.label}`);
    const input = tab.input as vscode.TabInputTextDiff;
    assert.strictEqual(input.original.scheme, 'charter-base');
    assert.strictEqual(input.modified.toString(), editor.document.uri.toString());
    const left = await vscode.workspace.openTextDocument(input.original);
    assert.strictEqual(left.getText(), BASE);
  });

  test('committing the change moves HEAD, and the finding goes away', async () => {
    const uri = workspaceUri(FILE);
    await waitForFinding(uri, 'change/unrecorded');
    git('commit', '-q', '-am', 'Raise the budget');
    await waitForNoFinding(uri, 'change/unrecorded', 45_000);
  });
});
