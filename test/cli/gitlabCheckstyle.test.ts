// `charter check --format gitlab` and `--format checkstyle`, checked against their documented shapes:
// GitLab's Code Quality report (a JSON Schema written from GitLab's docs) and checkstyle XML (parsed).
// Runs the bundled CLI (`npm run build` first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatCheckstyle } from '../../server/src/cli/formatters/checkstyle';
import { formatGitlab, type CodeQualityIssue } from '../../server/src/cli/formatters/gitlab';
import type { Finding } from '../../server/src/engine/types';
import { REPO } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');
const PLANTED = path.join(REPO, 'test', 'fixtures', 'rules', 'planted');

function charter(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  rule: 'budget/breakdown-sums',
  severity: 'error',
  message: 'Adds up to 185,000 <not> "200,000" & more\nsecond line\u0001',
  uri: 'file:///w/a.charter.yaml',
  range: { start: { line: 11, character: 12 }, end: { line: 12, character: 18 } },
  docs: 'docs/rules/budget/breakdown-sums.md',
  ...overrides,
});

describe('cli: GitLab and checkstyle formats', function () {
  this.timeout(60_000);
  const planted: Record<string, { code: number | null; stdout: string }> = {};
  before(() => {
    for (const format of ['json', 'gitlab', 'checkstyle']) planted[format] = charter(['check', '--format', format], PLANTED);
  });
  const plantedJson = () => JSON.parse(planted.json.stdout) as { findings: Array<{ file: string; rule: string; severity: string; message: string; range: Finding['range'] }> };

  describe('--format gitlab', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'gitlab-codequality.schema.json'), 'utf8')));

    it('is a valid Code Quality report for the planted workspace, one issue per finding', () => {
      assert.equal(planted.gitlab.code, 1);
      const report = JSON.parse(planted.gitlab.stdout) as CodeQualityIssue[];
      assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
      const json = plantedJson();
      assert.equal(report.length, json.findings.length);
      const reversed = report.find((i) => i.check_name === 'schedule/start-before-end')!;
      assert.equal(reversed.location.path, 'projects/reversed.charter.yaml');
      assert.equal(reversed.location.lines.begin, 10);
      assert.equal(reversed.severity, 'major');
      assert.equal(report.find((i) => i.check_name === 'status/stale-report')!.severity, 'minor');
    });

    it('gives every issue a unique fingerprint that does not move with the line', () => {
      const report = JSON.parse(planted.gitlab.stdout) as CodeQualityIssue[];
      assert.equal(new Set(report.map((i) => i.fingerprint)).size, report.length);
      const twice = [finding(), finding({ range: { start: { line: 40, character: 0 }, end: { line: 40, character: 3 } } })];
      const [first, second] = JSON.parse(formatGitlab([{ file: 'a.charter.yaml', findings: twice }])) as CodeQualityIssue[];
      assert.notEqual(first.fingerprint, second.fingerprint);
      const moved = JSON.parse(formatGitlab([{ file: 'a.charter.yaml', findings: [finding({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } } })] }])) as CodeQualityIssue[];
      assert.equal(moved[0].fingerprint, first.fingerprint);
      const elsewhere = JSON.parse(formatGitlab([{ file: 'b.charter.yaml', findings: [finding()] }])) as CodeQualityIssue[];
      assert.notEqual(elsewhere[0].fingerprint, first.fingerprint);
    });

    it('is an empty array for a clean file, and maps info and hint to info', () => {
      assert.equal(formatGitlab([{ file: 'a.charter.yaml', findings: [] }]), '[]\n');
      const report = JSON.parse(formatGitlab([{ file: 'a.charter.yaml', findings: [finding({ severity: 'info' }), finding({ severity: 'hint', message: 'other' })] }])) as CodeQualityIssue[];
      assert.ok(validate(report), JSON.stringify(validate.errors));
      assert.deepEqual(report.map((i) => i.severity), ['info', 'info']);
      assert.deepEqual(report[0].location, { path: 'a.charter.yaml', lines: { begin: 12, end: 13 } });
    });
  });

  describe('--format checkstyle', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'file' || name === 'error' });
    type Checkstyle = { checkstyle: { version: string; file: Array<{ name: string; error?: Array<Record<string, string>> }> } };

    it('is well-formed checkstyle XML: a <file> per checked file, an <error> per finding', () => {
      assert.equal(planted.checkstyle.code, 1);
      const xml = planted.checkstyle.stdout;
      assert.equal(XMLValidator.validate(xml), true);
      const doc = parser.parse(xml) as Checkstyle;
      const json = plantedJson();
      assert.equal(doc.checkstyle.version, '4.3');
      const names = doc.checkstyle.file.map((f) => f.name);
      assert.equal(names.length, (JSON.parse(planted.json.stdout) as { summary: { files: number } }).summary.files);
      for (const f of json.findings) assert.ok(names.includes(f.file), f.file);
      const errors = doc.checkstyle.file.flatMap((f) => (f.error ?? []).map((e): Record<string, string> => ({ file: f.name, ...e })));
      assert.equal(errors.length, json.findings.length);
      for (const e of errors) {
        assert.match(e.line, /^[1-9]\d*$/);
        assert.match(e.column, /^[1-9]\d*$/);
        assert.ok(['error', 'warning', 'info'].includes(e.severity), e.severity);
        assert.match(e.source, /^charter\.[a-z-]+\.[A-Za-z-]+/);
      }
      const reversed = errors.find((e) => e.source === 'charter.schedule.start-before-end')!;
      assert.deepEqual([reversed.file, reversed.line, reversed.column, reversed.severity], ['projects/reversed.charter.yaml', '10', '8', 'error']);
    });

    it('keeps every file, clean ones as empty <file>, and escapes what XML cannot hold', () => {
      const xml = formatCheckstyle([
        { file: 'clean & "quoted".yaml', findings: [] },
        { file: 'a.charter.yaml', findings: [finding({ severity: 'hint' })] },
      ]);
      assert.equal(XMLValidator.validate(xml), true);
      const doc = parser.parse(xml) as Checkstyle;
      assert.equal(doc.checkstyle.file[0].name, 'clean & "quoted".yaml');
      assert.equal(doc.checkstyle.file[0].error, undefined);
      const [error] = doc.checkstyle.file[1].error!;
      assert.equal(error.message, 'Adds up to 185,000 <not> "200,000" & more\nsecond line');
      assert.equal(error.severity, 'info');
      assert.equal(error.line, '12');
      assert.equal(error.column, '13');
    });
  });
});
