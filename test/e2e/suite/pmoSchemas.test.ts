// Issue 4: a PMO's own schema, named in the `charter.schemas` setting, checks the charters it
// matches: its findings carry the PMO's rule id, message and docs link, the status bar names the
// schema and opens it, and removing the setting brings the built-in schema back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, deleteWorkspaceFile, describeDiagnostics, getExtension, openWorkspaceFile, ruleId,
  setWorkspaceSettings, waitFor, waitForFinding, waitForNoFinding, workspaceUri, writeWorkspaceFile,
} from '../helpers';

/** test/fixtures/pmo of the repository: the bundle runs from <repo>/dist/test/e2e/index.js. */
function pmoFixtures(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'pmo');
    if (fs.existsSync(path.join(candidate, '.pmo'))) return candidate;
    assert.notStrictEqual(path.dirname(dir), dir, `test/fixtures/pmo not found above ${__dirname}`);
  }
}

const CHARTER = 'projects/no-cost-centre.charter.yaml';
const SCHEMA = '.pmo/project.schema.json';
const RULE = 'pmo/cost-centre';

interface SchemaStatus { visible: boolean; text: string; tooltip: string }
async function schemaStatus(): Promise<SchemaStatus> {
  const api = getExtension().exports as unknown as { schemaStatus(): Promise<SchemaStatus> };
  return api.schemaStatus();
}

suite('PMO schemas (charter.schemas)', () => {
  const copied: string[] = [];
  let uri: vscode.Uri;
  let expectedMessage: string;

  suiteSetup(async () => {
    await activateExtension();
    const fixtures = pmoFixtures();
    for (const name of fs.readdirSync(path.join(fixtures, '.pmo'))) {
      await writeWorkspaceFile(`.pmo/${name}`, fs.readFileSync(path.join(fixtures, '.pmo', name), 'utf8'));
      copied.push(`.pmo/${name}`);
    }
    // The fixture reuses the id fin-expense-app, which examples/projects/ already has: give the copy an
    // id of its own so the sample portfolio gains no duplicate-id finding (other suites count on it).
    const charter = fs.readFileSync(path.join(fixtures, CHARTER), 'utf8').replace(/^id: .*$/m, 'id: e2e-pmo-no-cost-centre');
    await writeWorkspaceFile(CHARTER, charter);
    copied.push(CHARTER);
    const schema = JSON.parse(fs.readFileSync(path.join(fixtures, SCHEMA), 'utf8'));
    expectedMessage = schema.errorMessage.required.costCentre;
    await setWorkspaceSettings({ 'charter.schemas': [{ fileMatch: ['projects/**/*.charter.yaml'], url: SCHEMA }] });
    uri = (await openWorkspaceFile(CHARTER)).document.uri;
  });

  suiteTeardown(async () => {
    await setWorkspaceSettings({ 'charter.schemas': undefined });
    await closeAllEditors();
    for (const file of copied) await deleteWorkspaceFile(file);
    await deleteWorkspaceFile('.pmo');
  });

  test('the PMO schema reports the missing costCentre with its own rule, message and docs link', async () => {
    const d = await waitForFinding(uri, RULE);
    assert.strictEqual(d.source, 'charter');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics([d]));
    assert.strictEqual(d.message, expectedMessage);
    assert.strictEqual(d.message, 'Every Acme project names the costCentre its spend is booked to (like CC-1234). Ask Finance for the code.');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, RULE);
    assert.strictEqual(code.target.toString(), 'https://pmo.example.org/handbook/cost-centres');
    const related = d.relatedInformation?.[0];
    assert.ok(related, 'the finding names the schema that reported it');
    assert.strictEqual(related.message, `Reported by the schema ${SCHEMA} (from the charter.schemas setting)`);
    assert.strictEqual(related.location.uri.toString(), workspaceUri(SCHEMA).toString(), 'the related location is the schema file');
  });

  test('the status bar names the schema from the settings, and Open Schema opens it', async () => {
    await vscode.window.showTextDocument(uri, { preview: false });
    const status = await waitFor(async () => {
      const s = await schemaStatus();
      return s.text === '$(json) project.schema.json (settings)' && s;
    }, { what: 'the schema status of the PMO schema', describe: () => 'see schemaStatus()' });
    assert.strictEqual(status.visible, true);
    assert.ok(status.tooltip.includes(SCHEMA), `tooltip "${status.tooltip}" names ${SCHEMA}`);

    await vscode.commands.executeCommand('charter.openSchema');
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === workspaceUri(SCHEMA).toString() && e;
    }, { what: `${SCHEMA} in the active editor`, describe: () => String(vscode.window.activeTextEditor?.document.uri) });
    assert.match(editor.document.getText(), /"x-rule": "pmo\/cost-centre"/);
  });

  test('clearing the setting removes the finding and the built-in schema applies again', async () => {
    await vscode.window.showTextDocument(uri, { preview: false });
    await waitForFinding(uri, RULE);
    await setWorkspaceSettings({ 'charter.schemas': undefined });
    const diags = await waitForNoFinding(uri, RULE);
    assert.ok(!diags.some((d) => ruleId(d)?.startsWith('pmo/')), describeDiagnostics(diags));
    let last: SchemaStatus | undefined;
    const status = await waitFor(async () => {
      last = await schemaStatus();
      return last.text === '$(json) Project (built-in)' && last;
    }, { what: 'the built-in schema in the status bar', describe: () => JSON.stringify(last) });
    assert.strictEqual(status.visible, true);
  });
});
