// charter check, SARIF, charter new --template and charter templates on the PMO worked example.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { REPO } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');
const EXAMPLE = path.join(REPO, 'test/fixtures/pmo-rulesets');

function charter(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(os.tmpdir(), 'charter-cli-rulesets-cache') } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the worked example to write into. */
function copy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-pmo-'));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

describe('cli: PMO rulesets and templates', function () {
  this.timeout(60_000);

  it('charter check reports ruleset findings with the rule id, message and docs link', () => {
    const result = charter(['check', '--format', 'json'], EXAMPLE);
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; rule: string; message: string; docs: string; range: { start: { line: number } } }> };
    const link = report.findings.find((f) => f.rule === 'pmo/business-case-link')!;
    assert.equal(link.file, 'projects/fin-uk-payroll.charter.yaml');
    assert.equal(link.range.start.line, 18);
    assert.equal(link.message, 'UK payroll replacement has an approved budget of 1800000 GBP, above 2 M EUR: add a link titled "Business case" under links.');
    assert.equal(link.docs, 'https://pmo.acme.example/rules/business-case-link');
    const rules = new Set(report.findings.map((f) => f.rule).filter((r) => r.startsWith('pmo/')));
    assert.equal(rules.size, 12);
    assert.ok(!report.findings.some((f) => f.file.endsWith('ops-ledger.charter.yaml')));
  });

  it('SARIF describes ruleset rules with their description and docs link', () => {
    const result = charter(['check', '--format', 'sarif'], EXAMPLE);
    const log = JSON.parse(result.stdout) as Sarif.Log;
    const rule = log.runs[0].tool.driver.rules!.find((r) => r.id === 'pmo/programme-envelope')!;
    assert.equal(rule.helpUri, 'https://pmo.acme.example/rules/programme-envelope');
    assert.equal(rule.shortDescription!.text, 'The live projects of a programme have at most 5 M EUR approved between them (converted at the policy\'s rates).');
    assert.equal(rule.defaultConfiguration!.level, 'error');
    const results = log.runs[0].results!.filter((r) => r.ruleId === 'pmo/programme-envelope');
    assert.equal(results.length, 2);
  });

  it('a broken ruleset is one clear error per file, and the rest keeps working', () => {
    const dir = copy();
    fs.writeFileSync(path.join(dir, 'pmo/acme.ruleset.yaml'), fs.readFileSync(path.join(dir, 'pmo/acme.ruleset.yaml'), 'utf8').replace('function: unique', 'function: distinct'));
    const result = charter(['check', 'projects/ops-ledger.charter.yaml', '--format', 'json'], dir);
    assert.equal(result.code, 1);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ rule: string; message: string }> }).findings;
    assert.deepEqual(findings.map((f) => f.rule), ['ruleset/unavailable']);
    assert.match(findings[0].message, /The ruleset pmo\/acme\.ruleset\.yaml \(from the charter\.rulesets setting\) cannot be used: rule pmo\/unique-risk-titles, "then": "distinct" is not a Charter ruleset function/);
  });

  it('knows ruleset rule ids in charter.rules and waivers: no unknown-rule findings, the setting applies', () => {
    const dir = copy();
    const settings = path.join(dir, '.vscode/settings.json');
    fs.writeFileSync(settings, fs.readFileSync(settings, 'utf8').replace('"charter.asOf"', '"charter.rules": { "pmo/summary-length": "off", "pmo/*": "error" },\n  "charter.asOf"'));
    const archive = path.join(dir, 'projects/ops-archive.charter.yaml');
    fs.appendFileSync(archive, 'waivers:\n  - { rule: pmo/manager-load, reason: Handover in February, approver: ada.byrne, date: 2027-01-10, expires: 2027-03-31 }\n');
    const result = charter(['check', '--format', 'json'], dir);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ file: string; rule: string; severity: string }> }).findings;
    assert.deepEqual(findings.filter((f) => /unknown-rule/.test(f.rule)), [], result.stderr);
    assert.doesNotMatch(result.stderr, /unknown-rule|No rule is called/);
    assert.deepEqual(findings.filter((f) => f.file.endsWith('ops-archive.charter.yaml')).map((f) => f.rule), []);
    assert.ok(findings.filter((f) => f.rule.startsWith('pmo/')).every((f) => f.severity === 'error'));
  });

  it('charter new --template writes the PMO template, filled in; --tier picks the tier\'s template', () => {
    const dir = copy();
    const made = charter(['new', 'fin-vat', '--template', 'standard', '--title', 'VAT: "new" rules', '--programme', 'finance', '--manager', 'ben.ortiz'], dir);
    assert.equal(made.code, 0, made.stderr);
    const text = fs.readFileSync(path.join(dir, 'projects/fin-vat.charter.yaml'), 'utf8');
    assert.match(text, /^id: fin-vat$/m);
    assert.match(text, /^title: "VAT: \\"new\\" rules"$/m);
    assert.match(text, /^manager: ben.ortiz$/m);
    assert.match(text, /^category: business$/m);
    const tiered = charter(['new', 'fin-ifrs', '--tier', 'major'], dir);
    assert.equal(tiered.code, 0, tiered.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'projects/fin-ifrs.charter.yaml'), 'utf8'), /^category: regulatory$/m);
    const unknown = charter(['new', 'fin-x', '--template', 'huge'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /There is no template "huge"; the templates are standard, major\./);
    assert.equal(charter(['new', 'fin-y', '--manager', 'ben.ortiz'], dir).code, 2);
  });

  it('charter templates list and check: each template passes the schema and rulesets but for its placeholders', () => {
    const list = charter(['templates', 'list'], EXAMPLE);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^skeleton \(built-in, the default\)\nstandard \[standard\]: .*\nmajor \[major\]: /);
    const ok = charter(['templates', 'check'], EXAMPLE);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.equal(ok.stdout, '✔ standard: only placeholders left to fill in\n✔ major: only placeholders left to fill in\n');
    const dir = copy();
    const major = path.join(dir, 'pmo/templates/major.template.yaml');
    fs.writeFileSync(major, fs.readFileSync(major, 'utf8').replace('  breakdown:\n    - { category: <category>, amount: 0 }\n', '').replace('status: proposed', 'status: pending'));
    const bad = charter(['templates', 'check', 'major'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /✖ major \(pmo\/templates\/major\.template\.yaml\):/);
    assert.match(bad.stdout, /schema\/enum/);
    assert.match(bad.stdout, /pmo\/major-breakdown/);
    assert.equal(charter(['templates', 'frob'], dir).code, 2);
  });
});
