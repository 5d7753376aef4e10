// `charter.*` settings written to the workspace's .vscode/settings.json take effect at once,
// without reloading the window.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, charterDiagnostics, closeAllEditors, openFixture, readWorkspaceSettingsFile, ruleId,
  setWorkspaceSettings, waitForDiagnostics, waitForFinding, waitForNoFinding,
} from '../helpers';
import { CHARTER_WITH_MISTAKES } from '../fixtures';

suite('Settings', () => {
  let uri: vscode.Uri;
  const enumFinding = (ds: vscode.Diagnostic[]) => ds.find((d) => ruleId(d) === 'schema/enum');

  suiteSetup(async () => {
    await activateExtension();
    uri = (await openFixture('e2e/settings.charter.yaml', CHARTER_WITH_MISTAKES)).document.uri;
    await waitForFinding(uri, 'schema/enum');
  });
  teardown(() => setWorkspaceSettings({ 'charter.rules': undefined, 'charter.validate.enable': undefined }));
  suiteTeardown(closeAllEditors);

  test('charter.rules changes a rule\'s severity', async () => {
    assert.strictEqual(enumFinding(charterDiagnostics(uri))?.severity, vscode.DiagnosticSeverity.Error);
    await setWorkspaceSettings({ 'charter.rules': { 'schema/enum': 'warning' } });
    assert.match(await readWorkspaceSettingsFile(), /"charter\.rules"[\s\S]*"schema\/enum"\s*:\s*"warning"/);
    await waitForDiagnostics(uri, (ds) => enumFinding(ds)?.severity === vscode.DiagnosticSeverity.Warning,
      'schema/enum at warning severity');
  });

  test('charter.rules "off" removes the rule\'s findings, and removing the setting brings them back', async () => {
    await setWorkspaceSettings({ 'charter.rules': { 'schema/enum': 'off' } });
    const diags = await waitForNoFinding(uri, 'schema/enum');
    assert.ok(diags.some((d) => ruleId(d) === 'schema/additionalProperties'), 'other rules still report');
    await setWorkspaceSettings({ 'charter.rules': undefined });
    await waitForDiagnostics(uri, (ds) => enumFinding(ds)?.severity === vscode.DiagnosticSeverity.Error,
      'schema/enum back at error severity');
  });

  test('charter.validate.enable false clears every finding, true brings them back', async () => {
    await setWorkspaceSettings({ 'charter.validate.enable': false });
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no Charter findings');
    await setWorkspaceSettings({ 'charter.validate.enable': true });
    await waitForFinding(uri, 'schema/enum');
  });
});
