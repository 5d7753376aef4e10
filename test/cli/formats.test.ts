// The reviewer outputs of `charter check`, checked against their specs: SARIF 2.1.0 (the official JSON
// schema), GitHub workflow commands, JUnit XML. Runs the bundled CLI (`npm run build` first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github';
import { formatJunit } from '../../server/src/cli/formatters/junit';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { CATALOGUE } from '../../server/src/engine/rules/index';
import type { Finding } from '../../server/src/engine/types';
import { REPO } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');
const PLANTED = path.join(REPO, 'test', 'fixtures', 'rules', 'planted');

function charter(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')));
}

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  rule: 'budget/breakdown-sums',
  severity: 'error',
  message: 'Adds up to 185,000: 100% wrong\nsecond line',
  uri: 'file:///w/a.charter.yaml',
  range: { start: { line: 11, character: 12 }, end: { line: 11, character: 18 } },
  docs: 'docs/rules/budget/breakdown-sums.md',
  ...overrides,
});

describe('cli: output formats', function () {
  this.timeout(60_000);
  /** The planted workspace in each format, run once. */
  const planted: Record<string, { code: number | null; stdout: string }> = {};
  before(() => {
    for (const format of ['json', 'sarif', 'github', 'junit']) planted[format] = charter(['check', '--format', format], PLANTED);
  });
  const plantedJson = () => JSON.parse(planted.json.stdout) as { findings: Array<{ file: string }>; summary: { files: number; errors: number; warnings: number } };

  describe('--format sarif', () => {
    it('is valid SARIF 2.1.0 for the planted workspace, with every finding as a result', () => {
      const result = planted.sarif;
      assert.equal(result.code, 1);
      const log = JSON.parse(result.stdout) as Sarif.Log;
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const json = plantedJson();
      assert.equal(log.runs[0].results!.length, json.findings.length);
    });

    it('places each result on its file relative to %SRCROOT%, with the exact region', () => {
      const log = JSON.parse(planted.sarif.stdout) as Sarif.Log;
      const run = log.runs[0];
      assert.equal(run.originalUriBaseIds!['%SRCROOT%'].uri, `${pathToFileURL(PLANTED).href}/`);
      const result = run.results!.find((r) => r.ruleId === 'schedule/start-before-end')!;
      assert.equal(result.level, 'error');
      assert.deepEqual(result.locations![0].physicalLocation!.artifactLocation, { uri: 'projects/reversed.charter.yaml', uriBaseId: '%SRCROOT%', index: run.artifacts!.findIndex((a) => a.location!.uri === 'projects/reversed.charter.yaml') });
      assert.deepEqual(result.locations![0].physicalLocation!.region, { startLine: 10, startColumn: 8, endLine: 10, endColumn: 18 });
      assert.equal(run.tool.driver.rules![result.ruleIndex!].id, 'schedule/start-before-end');
      const warning = run.results!.find((r) => r.ruleId === 'status/stale-report')!;
      assert.equal(warning.level, 'warning');
    });

    it('carries related locations, relative too', () => {
      const run = (JSON.parse(planted.sarif.stdout) as Sarif.Log).runs[0];
      const cycle = run.results!.find((r) => r.ruleId === 'portfolio/dependency-cycle')!;
      assert.deepEqual(cycle.relatedLocations![0].physicalLocation!.artifactLocation, { uri: 'projects/cycle-b.charter.yaml', uriBaseId: '%SRCROOT%' });
      assert.equal(cycle.relatedLocations![0].message!.text, 'cycle-b depends on cycle-a');
    });

    it('describes every rule with an absolute help URI and its default level', () => {
      const driver = (JSON.parse(planted.sarif.stdout) as Sarif.Log).runs[0].tool.driver;
      assert.equal(driver.name, 'charter');
      for (const rule of CATALOGUE) {
        const described = driver.rules!.find((r) => r.id === rule.id)!;
        assert.ok(described, rule.id);
        assert.equal(described.helpUri, `https://charter.dev/${rule.docs}`);
        assert.equal(described.shortDescription!.text, rule.summary);
      }
      // Schema findings share one page per area.
      const withSchema = JSON.parse(formatSarif([{ file: 'a.charter.yaml', findings: [finding({ rule: 'schema/additionalProperties', docs: 'docs/rules/schema.md' })] }], { color: false, cwd: '/w' })) as Sarif.Log;
      const schema = withSchema.runs[0].tool.driver.rules!.find((r) => r.id === 'schema/additionalProperties')!;
      assert.equal(schema.helpUri, 'https://charter.dev/docs/rules/schema.md');
    });

    it('is valid for a clean workspace, and percent-encodes paths', () => {
      const log = JSON.parse(formatSarif([{ file: 'my projects/a b.charter.yaml', findings: [finding({ severity: 'hint' })] }, { file: 'clean.charter.yaml', findings: [] }], { color: false, cwd: '/w' })) as Sarif.Log;
      assert.ok(sarifValidator()(log));
      assert.equal(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri, 'my%20projects/a%20b.charter.yaml');
      assert.equal(log.runs[0].results![0].level, 'note');
      const clean = charter(['check', '--format', 'sarif'], path.join(REPO, 'test', 'fixtures', 'contract'));
      assert.equal(clean.code, 0);
      const cleanLog = JSON.parse(clean.stdout) as Sarif.Log;
      assert.ok(sarifValidator()(cleanLog));
      assert.deepEqual(cleanLog.runs[0].results, []);
    });
  });

  describe('--format github', () => {
    it('writes one workflow command per finding: file, 1-based line and columns, the rule as title', () => {
      const result = planted.github;
      assert.equal(result.code, 1);
      const lines = result.stdout.trimEnd().split('\n');
      assert.ok(
        lines.includes(
          '::error file=projects/reversed.charter.yaml,line=10,col=8,endLine=10,endColumn=17,title=schedule/start-before-end::The schedule ends (2027-03-31) before it starts (2027-09-01). Swap the dates, or correct the one that is wrong.',
        ),
      );
      assert.ok(lines.some((l) => l.startsWith('::warning file=projects/main.charter.yaml,') && l.includes('title=status/stale-report::')));
      const commands = lines.filter((l) => l.startsWith('::'));
      for (const line of commands) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z]+\/[A-Za-z-]+::[^\n]+$/);
      assert.equal(commands.length, (plantedJson()).findings.length);
      assert.match(lines[lines.length - 1], /^✖ \d+ problems/);
    });

    it('escapes data and properties as the workflow-command spec asks', () => {
      assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
      assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
      const [line] = formatGithub([{ file: 'dir,1/a:b.yaml', findings: [finding({ severity: 'info' })] }]).split('\n');
      assert.equal(line, '::notice file=dir%2C1/a%3Ab.yaml,line=12,col=13,endLine=12,endColumn=18,title=budget/breakdown-sums::Adds up to 185,000: 100%25 wrong%0Asecond line');
    });
  });

  describe('--format junit', () => {
    it('is well-formed JUnit XML: a suite per file, a case per finding, a passing case per clean file', () => {
      const result = planted.junit;
      assert.equal(result.code, 1);
      assert.equal(XMLValidator.validate(result.stdout), true);
      const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(result.stdout);
      const suites = xml.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; classname: string; failure?: { message: string; type: string } }> }>;
      const json = plantedJson();
      assert.equal(suites.length, json.summary.files);
      assert.equal(Number(xml.testsuites.failures), json.summary.errors + json.summary.warnings);
      const reversed = suites.find((s) => s.name === 'projects/reversed.charter.yaml')!;
      assert.equal(reversed.tests, '1');
      assert.equal(reversed.testcase[0].name, 'schedule/start-before-end at 10:8');
      assert.equal(reversed.testcase[0].classname, 'projects/reversed.charter.yaml');
      assert.equal(reversed.testcase[0].failure!.type, 'schedule/start-before-end');
      for (const suite of suites) {
        const expected = json.findings.filter((f) => f.file === suite.name).length;
        assert.equal(suite.testcase.length, Math.max(1, expected), suite.name);
      }
    });

    it('passes a clean file, keeps info findings as passing cases, and escapes what XML cannot hold', () => {
      const xml = formatJunit([
        { file: 'clean.charter.yaml', findings: [] },
        { file: 'a&b.charter.yaml', findings: [finding({ severity: 'info', message: 'say "<hi>" & \u0007bye' })] },
      ]);
      assert.equal(XMLValidator.validate(xml), true);
      assert.ok(xml.includes('<testcase name="no findings" classname="clean.charter.yaml" file="clean.charter.yaml" time="0"/>'));
      assert.ok(xml.includes('failures="0"'));
      assert.ok(xml.includes('<system-out>info at a&amp;b.charter.yaml:12:13: say "&lt;hi&gt;" &amp; bye'));
    });
  });

  it('--max-warnings turns too many warnings into exit 1, whatever the format', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-formats-'));
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'rules', 'workspace'), dir, { recursive: true });
    assert.equal(charter(['check', '--format', 'sarif'], dir).code, 0);
    assert.equal(charter(['check', '--format', 'github', '--max-warnings', '0'], dir).code, 1);
    assert.equal(charter(['check', '--format', 'junit', '--max-warnings', '1'], dir).code, 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
