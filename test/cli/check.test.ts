import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, VALID_PROJECT } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');

function charter(args: string[], cwd = REPO) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('cli: charter check', function () {
  this.timeout(30_000);

  it('prints --help and --version, exit 0', () => {
    const help = charter(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /charter check \[paths\.\.\.\]/);
    const version = charter(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  it('exits 2 on usage errors: unknown flag, unknown format, missing path, bad --as-of', () => {
    for (const args of [['check', '--bogus'], ['check', '--format', 'xml'], ['check', 'no/such/dir'], ['check', '--as-of', 'tomorrow'], ['frobnicate']]) {
      const result = charter(args);
      assert.equal(result.code, 2, `charter ${args.join(' ')}`);
      assert.match(result.stderr, /^charter: /);
    }
  });

  it('exits 0 on a clean workspace: the SPEC contract example', () => {
    const result = charter(['check', 'test/fixtures/contract']);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /✔ 5 files checked, no problems/);
  });

  it('prints exactly the SPEC JSON shape, with paths relative to the current directory', () => {
    const result = charter(['check', 'examples', '--format', 'json']);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'findings', 'summary']);
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings']);
    assert.ok(report.summary.files >= 16);
    for (const finding of report.findings) {
      assert.deepEqual(Object.keys(finding), ['file', 'rule', 'severity', 'message', 'range', 'docs']);
      assert.match(finding.file, /^examples\/needs-attention\/[a-z-]+\.charter\.yaml$/);
      assert.deepEqual(Object.keys(finding.range), ['start', 'end']);
      assert.deepEqual(Object.keys(finding.range.start), ['line', 'character']);
    }
    const impact = report.findings.find((f: { rule: string }) => f.rule === 'schema/enum');
    assert.deepEqual(impact, {
      file: 'examples/needs-attention/dc-loyalty-programme.charter.yaml',
      rule: 'schema/enum',
      severity: 'error',
      message: 'impact must be one of low, medium, high. Did you mean "medium"?',
      range: { start: { line: 48, character: 12 }, end: { line: 48, character: 18 } },
      docs: 'docs/rules/schema.md',
    });
    assert.equal(report.summary.errors, report.findings.filter((f: { severity: string }) => f.severity === 'error').length);
  });

  it('prints stylish output: the file, then line:column, severity, message and rule', () => {
    const result = charter(['check', 'examples/needs-attention']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^examples\/needs-attention\/dc-loyalty-programme\.charter\.yaml\n {2}27:1 +error +Unknown property "assumtions"\. Did you mean "assumptions"\? +schema\/additionalProperties\n {2}49:13 +error +impact must be one of .* Did you mean "medium"\? +schema\/enum$/m);
    assert.match(result.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings?, \d+ info\) in 3 files$/m);
  });

  it('checks the current directory as a workspace when given no paths', () => {
    const dir = workspace({ 'projects/a.charter.yaml': VALID_PROJECT.replace('status: active', 'status: actve'), 'notes/readme.yaml': 'x: [' });
    const result = charter(['check', '--format', 'json'], dir);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.equal(report.summary.files, 1, 'only charter files are read');
    assert.equal(report.findings[0].file, 'projects/a.charter.yaml');
  });

  it('goes on to the other files after a binary, broken or huge one', () => {
    const dir = workspace({
      'a-binary.charter.yaml': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]),
      'b-broken.charter.yaml': 'title: "unclosed\n',
      'c-tabs.charter.yaml': 'schedule:\n\tstart: 2027-01-01\n',
      'd-good.charter.yaml': VALID_PROJECT.replace('status: active', 'status: actve'),
    });
    const result = charter(['check', '--format', 'json'], dir);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    const rulesByFile = (file: string) => report.findings.filter((f: { file: string }) => f.file === file).map((f: { rule: string }) => f.rule);
    assert.deepEqual(rulesByFile('a-binary.charter.yaml'), ['yaml/not-text']);
    assert.ok(rulesByFile('b-broken.charter.yaml').includes('yaml/syntax'));
    assert.ok(rulesByFile('c-tabs.charter.yaml').includes('yaml/syntax'));
    assert.deepEqual(rulesByFile('d-good.charter.yaml'), ['schema/enum']);
  });

  it('applies --max-warnings and charter.rules from .vscode/settings.json (JSON with comments)', () => {
    const dir = workspace({
      'p.charter.yaml': VALID_PROJECT.replace('status: active', 'status: actve'),
      '.vscode/settings.json': '{\n  // the PMO relaxes enums while charters are migrated\n  "charter.rules": { "schema/enum": "warning" },\n}\n',
    });
    const relaxed = charter(['check', '--format', 'json'], dir);
    assert.equal(relaxed.code, 0);
    assert.equal(JSON.parse(relaxed.stdout).summary.warnings, 1);
    assert.equal(charter(['check', '--max-warnings', '0'], dir).code, 1);
    assert.equal(charter(['check', '--max-warnings', '1'], dir).code, 0);

    const config = path.join(dir, 'strict.json');
    fs.writeFileSync(config, '{ "charter.rules": { "schema/*": "off" } }');
    assert.equal(JSON.parse(charter(['check', '--format', 'json', '--config', config], dir).stdout).findings.length, 0);
  });

  it('checks a single file given by path, whatever its name, by its kind field', () => {
    const dir = workspace({ 'draft.yaml': VALID_PROJECT.replace('kind: Project', 'kind: Projekt') });
    const result = charter(['check', 'draft.yaml', '--format', 'json'], dir);
    assert.equal(result.code, 1);
    assert.equal(JSON.parse(result.stdout).findings[0].message, 'kind must be one of Project, Programme, Portfolio, People. Did you mean "Project"?');
  });
});

describe('cli: charter check --fix', function () {
  this.timeout(30_000);

  it('applies the automatic fixes, keeps comments, writes the file and reports only what is left', () => {
    const before = [
      '# Invoice automation - owned by the finance PMO',
      VALID_PROJECT.replace('status: active', 'status: actve   # changed in the steering meeting').replace('end: 2027-12-17', 'end: 17/12/2027').trimEnd(),
      'sponser: jane.doe',
      '',
    ].join('\n');
    const dir = workspace({ 'p.charter.yaml': before });
    const result = charter(['check', '--fix', '--format', 'json'], dir);
    const after = fs.readFileSync(path.join(dir, 'p.charter.yaml'), 'utf8');
    assert.match(after, /^# Invoice automation - owned by the finance PMO\n/);
    assert.match(after, /^status: active {3}# changed in the steering meeting$/m);
    assert.match(after, /^ {2}end: 2027-12-17$/m);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(
      report.findings.map((f: { rule: string }) => f.rule),
      ['schema/additionalProperties'],
      'the misspelt duplicate of an existing key has no safe automatic fix',
    );
    assert.equal(result.code, 1);
  });

  it('prints each change (file:line, rule, before -> after); --fix-dry-run prints the same and writes nothing', () => {
    const before = VALID_PROJECT.replace('currency: EUR', 'currency: eur').replace('end: 2027-12-17', 'end: 17 December 2027');
    const dir = workspace({ 'p.charter.yaml': before });
    const expected = [
      'p.charter.yaml:10  schema/format   17 December 2027 -> 2027-12-17',
      'p.charter.yaml:12  schema/pattern  eur -> EUR',
    ];
    const dry = charter(['check', '--fix-dry-run'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'p.charter.yaml'), 'utf8'), before);
    assert.match(dry.stdout, /^Would fix 2 problems in 1 file \(dry run: nothing written\):\n/);
    for (const line of expected) assert.ok(dry.stdout.includes(`  ${line}\n`), dry.stdout);
    assert.equal(dry.code, 1, 'the findings are still there');
    const fixed = charter(['check', '--fix'], dir);
    assert.match(fixed.stdout, /^Fixed 2 problems in 1 file:\n/);
    for (const line of expected) assert.ok(fixed.stdout.includes(`  ${line}\n`), fixed.stdout);
    assert.equal(fixed.code, 0, fixed.stdout);
    const json = charter(['check', '--fix-dry-run', '--format', 'json'], workspace({ 'p.charter.yaml': before }));
    assert.equal(JSON.parse(json.stdout).findings.length, 2, 'machine formats keep stdout to themselves');
    assert.match(json.stderr, /^Would fix 2 problems/);
    assert.match(charter(['--help']).stdout, /--fix-dry-run/);
  });

  it('does not turn an error into a placeholder: a red status without a recovery plan stays an error', () => {
    const before = `${VALID_PROJECT}statusReport:\n  asOf: 2027-01-20\n  rag: red\n`;
    const dir = workspace({ 'p.charter.yaml': before });
    const result = charter(['check', '--fix', '--format', 'json', '--as-of', '2027-02-01'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'p.charter.yaml'), 'utf8'), before);
    assert.deepEqual(JSON.parse(result.stdout).findings.map((f: { rule: string }) => f.rule), ['status/red-needs-recovery']);
    assert.equal(result.code, 1);
  });

  it('leaves a clean file byte for byte as it was', () => {
    const dir = workspace({ 'p.charter.yaml': VALID_PROJECT });
    assert.equal(charter(['check', '--fix'], dir).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'p.charter.yaml'), 'utf8'), VALID_PROJECT);
  });
});

describe('cli: charter new', function () {
  this.timeout(30_000);

  it('writes a skeleton into projects/ whose only findings are its placeholders', () => {
    const dir = workspace({ 'projects/.keep': '' });
    const created = charter(['new', 'ops-backup-refresh', '--title', 'Backup refresh', '--programme', 'operational-resilience', '--as-of', '2027-01-04'], dir);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout, 'Wrote projects/ops-backup-refresh.charter.yaml. Fill in the <placeholders>, then run charter check.\n');
    const text = fs.readFileSync(path.join(dir, 'projects', 'ops-backup-refresh.charter.yaml'), 'utf8');
    assert.match(text, /^id: ops-backup-refresh$/m);
    assert.match(text, /^title: Backup refresh$/m);
    assert.match(text, /^ {2}start: 2027-01-04$/m);
    const report = JSON.parse(charter(['check', '--format', 'json', '--as-of', '2027-01-04'], dir).stdout);
    for (const finding of report.findings) assert.match(finding.message, /<[^>]+>|placeholder/i, `${finding.rule}: ${finding.message}`);
  });

  it('refuses a malformed or taken id with a usage error', () => {
    const dir = workspace({ 'a.charter.yaml': VALID_PROJECT });
    assert.equal(charter(['new', 'Not An Id'], dir).code, 2);
    assert.equal(charter(['new', 'a'], dir).code, 2);
    assert.equal(charter(['new'], dir).code, 2);
  });
});
