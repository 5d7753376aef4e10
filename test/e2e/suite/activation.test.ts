// The extension activates when a charter is opened, and the charter gets the `charter' language.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, getExtension, LANGUAGE_ID, openFixture, waitFor } from '../helpers';
import { VALID_CHARTER } from '../fixtures';

suite('Activation', () => {
  suiteTeardown(closeAllEditors);

  test('the extension is installed and declares the charter language', async () => {
    const ext = getExtension();
    const languages = ext.packageJSON?.contributes?.languages ?? [];
    assert.ok(languages.some((l: { id: string }) => l.id === LANGUAGE_ID), 'package.json contributes the charter language');
    assert.ok((await vscode.languages.getLanguages()).includes(LANGUAGE_ID), 'VS Code knows the charter language');
  });

  test('opening a *.charter.yaml activates the extension in charter mode', async () => {
    const editor = await openFixture('e2e/activation.charter.yaml', VALID_CHARTER);
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID, 'language mode of a .charter.yaml file');
    await waitFor(() => getExtension().isActive, { what: 'the extension to be active', timeout: 30_000 });
    await activateExtension(); // the API's `ready` resolves once the language client runs
  });

  test('the language client is running: a charter gets findings from the server', async () => {
    const editor = await openFixture('e2e/activation-broken.charter.yaml', 'apiVersion: charter/v1\nkind: Project\n');
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.source === 'charter'),
      { what: 'any Charter finding on a charter missing its required fields', timeout: 30_000 });
  });
});
