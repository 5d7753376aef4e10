// The sample portfolio (a fresh copy of examples/): the clean charters have no findings and each
// charter under needs-attention/ has at least one. Only that much of examples/ is relied on.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, describeDiagnostics, findWorkspaceFiles, openWorkspaceFile, waitForDiagnostics,
  settleAfter, workspaceUri,
} from '../helpers';

suite('Examples', () => {
  suiteSetup(() => activateExtension());
  teardown(closeAllEditors);

  test('every charter under needs-attention/ shows at least one finding', async () => {
    const files = await findWorkspaceFiles('needs-attention/**/*.charter.yaml');
    assert.ok(files.length > 0, 'examples/needs-attention/ holds charters');
    for (const file of files) {
      const editor = await openWorkspaceFile(file);
      await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0, `a finding in ${file}`);
    }
  });

  test('the charters under projects/ have no findings', async () => {
    const files = await findWorkspaceFiles('projects/**/*.charter.yaml');
    assert.ok(files.length > 0, 'examples/projects/ holds charters');
    // Open them all (the server analyses each on didOpen), then wait for the findings to settle.
    const uris = files.map(workspaceUri);
    const found = await settleAfter(uris, () => Promise.all(uris.map((u) => vscode.workspace.openTextDocument(u))), 1_500, 20_000);
    const dirty = files.flatMap((file, i) => (found[i].length ? [`${file}: ${describeDiagnostics(found[i])}`] : []));
    assert.deepStrictEqual(dirty, [], 'clean example charters with findings');
  });
});
