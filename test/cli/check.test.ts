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

  it('exits 0 on a clean workspace: the contract example', () => {
    const result = charter(['check', 'test/fixtures/contract']);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /✔ 5 files checked, no problems/);
  });

  it('prints exactly the documented JSON shape, with paths relative to the current directory', () => {
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

describe('cli: charter check reads only regular files', function () {
  this.timeout(30_000);

  it('a charter named on the command line that links to a device or is a pipe gets a finding; the run goes on', () => {
    const dir = workspace({ 'ok.charter.yaml': VALID_PROJECT.replace('status: active', 'status: actve') });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.charter.yaml'));
    spawnSync('mkfifo', [path.join(dir, 'pipe.charter.yaml')]);
    const result = charter(['check', '--format', 'json', 'ok.charter.yaml', 'zero.charter.yaml', 'pipe.charter.yaml'], dir);
    assert.equal(result.stderr, '');
    const findings = JSON.parse(result.stdout).findings as Array<{ file: string; rule: string; message: string }>;
    assert.deepEqual(findings.map((f) => `${f.file} ${f.rule}`).sort(), ['ok.charter.yaml schema/enum', 'pipe.charter.yaml yaml/not-text', 'zero.charter.yaml yaml/not-text']);
    assert.match(findings.find((f) => f.file === 'zero.charter.yaml')!.message, /not a regular file/);
  });
});

describe('cli: charter check and an unreadable charter', function () {
  this.timeout(30_000);

  // Root reads any file whatever its mode: then the CLI runs as nobody, as a CI runner would.
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
  // The probe runs what the test runs: Node and the built CLI, as nobody (a clone under /root would not be readable).
  const runnable = asUser.length === 0 || spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, CLI, '--version']).status === 0;

  it('permission denied on one charter is a finding on that file (exit 1, no internal error); the others are still checked', function () {
    if (!runnable) this.skip(); // no runuser, or a checkout nobody may read: the case cannot be set up here
    const dir = workspace({ 'ok.charter.yaml': VALID_PROJECT.replace('status: active', 'status: actve'), 'locked.charter.yaml': VALID_PROJECT });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'ok.charter.yaml'), 0o644);
    fs.chmodSync(path.join(dir, 'locked.charter.yaml'), 0o000);
    const [command, ...args] = [...asUser, process.execPath, CLI, 'check', '--format', 'json'];
    const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    const findings = JSON.parse(result.stdout).findings as Array<{ file: string; rule: string; message: string }>;
    assert.deepEqual(findings.map((f) => `${f.file} ${f.rule}`).sort(), ['locked.charter.yaml yaml/not-text', 'ok.charter.yaml schema/enum']);
    assert.match(findings.find((f) => f.file === 'locked.charter.yaml')!.message, /cannot be read \(permission denied\)\. Make it a readable YAML file/);
  });
});

describe('cli: charter check and an unreadable settings file', function () {
  this.timeout(30_000);

  for (const [what, make] of [
    ['a link to /dev/zero', (file: string) => fs.symlinkSync('/dev/zero', file)],
    ['a pipe', (file: string) => spawnSync('mkfifo', [file])],
  ] as const) {
    it(`stops with a usage error naming the file when .vscode/settings.json is ${what}, instead of hanging or running out of memory`, () => {
      const dir = workspace({ 'p.charter.yaml': VALID_PROJECT });
      fs.mkdirSync(path.join(dir, '.vscode'));
      make(path.join(dir, '.vscode', 'settings.json'));
      // The timeout only ends a hang of the code before this fix; a passing run takes well under a second.
      const result = spawnSync(process.execPath, [CLI, 'check'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /^charter: Cannot read settings from .*settings\.json: it is not a regular file \(a device, a pipe or a socket\), so it is not read\.\n$/);
      assert.equal(result.stdout, '');
    });
  }
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

  it("in a PMO workspace, adds the PMO schema's required keys as placeholders: findings only on placeholders", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-new-pmo-'));
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'pmo'), dir, { recursive: true });
    for (const f of fs.readdirSync(path.join(dir, 'projects'))) fs.rmSync(path.join(dir, 'projects', f));
    assert.equal(charter(['new', 'ops-backup-refresh', '--as-of', '2027-01-04'], dir).code, 0);
    const text = fs.readFileSync(path.join(dir, 'projects', 'ops-backup-refresh.charter.yaml'), 'utf8');
    assert.match(text, /^costCentre: <costCentre>$/m);
    const report = JSON.parse(charter(['check', '--format', 'json', '--as-of', '2027-01-04'], dir).stdout) as { findings: Array<{ rule: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> };
    const lines = text.split('\n');
    assert.ok(report.findings.length > 0);
    for (const f of report.findings) {
      const underlined = lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
      assert.match(underlined, /^<[^>]+>$/, `${f.rule} at ${f.range.start.line}:${f.range.start.character}`);
    }
  });

  it('refuses an id another file of the workspace already uses, and a malformed --programme', () => {
    const dir = workspace({ 'projects/old-name.charter.yaml': VALID_PROJECT.replace(/^id: .*$/m, 'id: ops-backup-refresh') });
    const taken = charter(['new', 'ops-backup-refresh'], dir);
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /"ops-backup-refresh" already exists in projects\/old-name\.charter\.yaml/);
    assert.ok(!fs.existsSync(path.join(dir, 'projects', 'ops-backup-refresh.charter.yaml')));
    const badProgramme = charter(['new', 'ops-new', '--programme', 'Operational Resilience'], dir);
    assert.equal(badProgramme.code, 2);
    assert.match(badProgramme.stderr, /--programme "Operational Resilience" is not a programme id/);
  });

  it('warns when the --programme does not exist in the workspace, and still writes the charter', () => {
    const dir = workspace({ 'programmes/ops.programme.yaml': 'apiVersion: charter/v1\nkind: Programme\nid: operational-resilience\ntitle: Ops\n' });
    const created = charter(['new', 'ops-new', '--programme', 'operational-resilence'], dir);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stderr, /warning: no programme "operational-resilence" in this workspace \(programmes: operational-resilience\)/);
    assert.ok(fs.existsSync(path.join(dir, 'ops-new.charter.yaml')));
    assert.equal(charter(['new', 'ops-other', '--programme', 'operational-resilience'], dir).stderr, '');
  });
});

describe('cli: nothing silently ignored', function () {
  this.timeout(30_000);

  it('warns on stderr about settings that have no effect, with file, line and column', () => {
    const dir = workspace({
      '.vscode/settings.json': '{\n  // PMO\n  "charter.rules": { "budget/aproval-threshold": "error", "text/no-placeholders": "warn" },\n  "charter.asof": "2026-12-01",\n  "charter.asOf": "01/12/2026",\n  "charter.policy": { "reportingCadenceDays": "14" }\n}\n',
      'p.charter.yaml': VALID_PROJECT,
    });
    const result = charter(['check', '--format', 'json'], dir);
    JSON.parse(result.stdout); // stdout stays machine-readable
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 5, result.stderr);
    assert.match(lines[0], /^charter: warning: \.vscode\/settings\.json:3:22: No rule is called "budget\/aproval-threshold".*Did you mean "budget\/approval-threshold"\? \(settings\/unknown-rule\)$/);
    assert.match(lines[1], /^charter: warning: \.vscode\/settings\.json:3:83: The severity of text\/no-placeholders must be one of .* \(settings\/invalid-value\)$/);
    assert.match(lines[2], /:4:3: Charter has no setting "charter\.asof".*Did you mean "charter\.asOf"\?/);
    assert.match(lines[3], /:5:19: charter\.asOf must be a real day written as YYYY-MM-DD/);
    assert.match(lines[4], /:6:47: charter\.policy\.reportingCadenceDays must be a whole number/);
    assert.equal(charter(['check'], workspace({ '.vscode/settings.json': '{ "charter.asOf": "2026-12-01" }', 'p.charter.yaml': VALID_PROJECT })).stderr, '');
  });

  it('warns about a YAML file that declares apiVersion: charter/v1 outside the globs, and says how to include it', () => {
    const dir = workspace({ 'p.charter.yaml': VALID_PROJECT, 'projects/invoice.yaml': VALID_PROJECT.replace(/^id: .*$/m, 'id: invoice'), 'ci.yaml': 'on: push\n', 'old/x.yaml': VALID_PROJECT });
    fs.writeFileSync(path.join(dir, '.vscode-settings.json'), JSON.stringify({ 'charter.files.exclude': ['old/**'] }));
    const result = charter(['check', '--config', '.vscode-settings.json'], dir);
    assert.equal(result.code, 0, result.stdout);
    assert.equal(
      result.stderr,
      'charter: warning: projects/invoice.yaml: This file says apiVersion: charter/v1 but is not checked: charter.files.include does not match projects/invoice.yaml. Rename it to invoice.charter.yaml (or .programme.yaml, people.yaml, portfolio.yaml as fits its kind), or add "projects/invoice.yaml" to charter.files.include.\n',
    );
  });

  it('says when it finds no charter file at all, and how to fix it, instead of "no problems"', () => {
    const dir = workspace({ 'notes.md': '# notes\n' });
    const result = charter(['check'], dir);
    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stdout, /no problems/);
    assert.match(result.stdout, /^No charter files found in \.: charter check looks for \*\*\/\*\.charter\.yaml, .*Name your charters like invoice-automation\.charter\.yaml, run charter new <id> to start one, or set charter\.files\.include in \.vscode\/settings\.json\.\n$/);
    assert.match(charter(['check', '--format', 'json'], dir).stderr, /^charter: warning: No charter files found/);
  });
});
