// PMO rulesets and templates in a real VS Code: a ruleset shipped through charter.rulesets reports its
// rule in the Problems panel with the PMO's docs link, a save of the ruleset re-checks the charter, and
// New Charter writes a PMO template.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, deleteWorkspaceFile, describeDiagnostics, openFixture, setWorkspaceSettings,
  waitForFinding, waitForNoFinding, workspaceUri, writeWorkspaceFile,
} from '../helpers';

const RULESET = '.pmo-rulesets/e2e.ruleset.yaml';
const RULESET_TEXT = `apiVersion: charter/v1
kind: Ruleset
rules:
  - id: pmo/unique-risk-titles
    description: Each risk of a charter has its own title.
    message: "Risk titles repeat ({{reason}}): merge the duplicates."
    severity: error
    docs: https://pmo.acme.example/rules/unique-risk-titles
    given: $.risks
    then:
      - { function: unique, options: { field: title } }
templates:
  - { name: e2e-standard, path: e2e.template.yaml, description: E2E template }
`;
const TEMPLATE = 'apiVersion: charter/v1\nkind: Project\nid: {{id}}\ntitle: {{title}}\nstatus: proposed\nsponsor: <sponsor>\nmanager: {{manager}}\nschedule: { start: {{today}}, end: {{today}} }\nbudget: { currency: EUR, approved: 0 }\n';
const CHARTER = `apiVersion: charter/v1
kind: Project
id: e2e-ruleset-risks
title: E2E ruleset
status: proposed
sponsor: <sponsor>
manager: <manager>
schedule: { start: 2030-01-07, end: 2030-12-20 }
budget: { currency: EUR, approved: 1000 }
risks:
  - { id: r-1, title: Cutover, probability: low, impact: low }
  - { id: r-2, title: Cutover, probability: low, impact: low }
`;

suite('PMO rulesets and templates (charter.rulesets)', () => {
  const created: string[] = [RULESET, '.pmo-rulesets/e2e.template.yaml'];

  suiteSetup(async () => {
    await activateExtension();
    await writeWorkspaceFile(RULESET, RULESET_TEXT);
    await writeWorkspaceFile('.pmo-rulesets/e2e.template.yaml', TEMPLATE);
    await setWorkspaceSettings({ 'charter.rulesets': [RULESET] });
  });

  suiteTeardown(async () => {
    await setWorkspaceSettings({ 'charter.rulesets': undefined });
    await closeAllEditors();
    for (const file of created) await deleteWorkspaceFile(file);
    await deleteWorkspaceFile('.pmo-rulesets');
  });

  test('a ruleset rule shows in the Problems panel with its id, message and docs link; saving the ruleset re-checks', async () => {
    const editor = await openFixture('projects/e2e-ruleset-risks.charter.yaml', CHARTER);
    created.push('projects/e2e-ruleset-risks.charter.yaml');
    const uri = editor.document.uri;
    const d = await waitForFinding(uri, 'pmo/unique-risk-titles');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics([d]));
    assert.strictEqual(d.message, 'Risk titles repeat (title "Cutover" appears more than once): merge the duplicates.');
    assert.strictEqual((d.code as { target: vscode.Uri }).target.toString(), 'https://pmo.acme.example/rules/unique-risk-titles');
    await writeWorkspaceFile(RULESET, RULESET_TEXT.replace('severity: error', 'severity: error\n    tiers: [none-such]'));
    await waitForNoFinding(uri, 'pmo/unique-risk-titles');
  });

  test('charter.newCharter with a template writes the PMO template, filled in', async () => {
    const result = await vscode.commands.executeCommand<string>('charter.newCharter', { id: 'e2e-from-template', title: 'From template', template: 'e2e-standard', open: false });
    const uri = vscode.Uri.parse(result);
    created.push(vscode.workspace.asRelativePath(uri, false));
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.match(text, /^id: e2e-from-template$/m);
    assert.match(text, /^title: From template$/m);
    assert.match(text, /^manager: <manager>$/m);
    assert.ok(workspaceUri(RULESET));
  });
});
