import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildPortfolio } from '../../server/src/engine/portfolio/portfolioModel';
import type { Portfolio } from '../../server/src/engine/portfolio/portfolioTypes';
import { fileUri, REPO, service } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');
const EXAMPLES = path.join(REPO, 'examples');

function charter(args: string[], cwd = EXAMPLES) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PROJECT_FILES = ['projects', 'needs-attention'].flatMap((dir) =>
  fs.readdirSync(path.join(EXAMPLES, dir)).filter((f) => f.endsWith('.charter.yaml')).map((f) => path.join(EXAMPLES, dir, f)),
);

describe('cli: charter report', function () {
  this.timeout(60_000);

  it('json: the portfolio model of examples/, with the groups', () => {
    const result = charter(['report', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Portfolio & { groupBy: string; groups: Array<{ key: string }> };
    const files = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    const built = buildPortfolio(
      files.map((f) => ({ file: service().parse(fileUri(path.join(EXAMPLES, f)), fs.readFileSync(path.join(EXAMPLES, f), 'utf8')), relativePath: f.split(path.sep).join('/') })),
      { asOf: '2026-12-01' },
    );
    const expected = JSON.parse(JSON.stringify(built)) as Portfolio;
    // The CLI adds the findings `charter check` reports; the rest is the model as the engine builds it.
    const withoutFindings = (p: Portfolio['projects'][number]) => ({ ...p, findings: [], findingCounts: {} });
    assert.equal(report.version, 1);
    assert.equal(report.asOf, '2026-12-01', 'charter.asOf from examples/.vscode/settings.json');
    assert.deepEqual(report.projects.map(withoutFindings), expected.projects.map(withoutFindings));
    assert.deepEqual(report.programmes, expected.programmes);
    assert.equal(report.groupBy, 'programme');
    assert.deepEqual(report.groups.map((g) => g.key), ['digital-customer', 'finance-transformation', 'operational-resilience', '']);
    const loyalty = report.projects.find((p) => p.id === 'dc-loyalty-programme')!;
    assert.ok(loyalty.findingCounts.errors >= 2, 'the planted schema errors are counted');
    assert.ok(loyalty.findings.some((f) => f.rule === 'schema/enum'));
    assert.equal(report.projects.find((p) => p.id === 'fin-erp-upgrade')!.findingCounts.errors, 0);
  });

  it('csv: parses back to one row per project', () => {
    const result = charter(['report', '--format', 'csv']);
    assert.equal(result.code, 0, result.stderr);
    const rows = parseCsv(result.stdout, { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, PROJECT_FILES.length);
    assert.deepEqual(rows.map((r) => r.id).sort(), PROJECT_FILES.map((f) => path.basename(f, '.charter.yaml')).sort());
    const erp = rows.find((r) => r.id === 'fin-erp-upgrade')!;
    assert.equal(erp.title, 'ERP upgrade');
    assert.equal(erp.rag, 'amber');
    assert.equal(erp.approved, '1400000');
    assert.equal(erp.end, '2027-03-31');
    assert.equal(erp.file, 'projects/fin-erp-upgrade.charter.yaml');
    assert.equal(rows.find((r) => r.id === 'fin-treasury-forecast')!.dependsOn, 'fin-erp-upgrade');
  });

  it('md: a summary table, roll-ups per programme and a Mermaid gantt', () => {
    const result = charter(['report', '--format', 'md']);
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^# Portfolio report/);
    assert.match(md, /\| id \| title \| status \|/);
    assert.match(md, /\| `fin-erp-upgrade` \| ERP upgrade \| active \|/);
    assert.match(md, /## By programme/);
    assert.match(md, /\| Digital customer \| 5 \| 🔴 red \|/);
    const gantt = /```mermaid\ngantt\n([\s\S]*?)```/.exec(md);
    assert.ok(gantt, 'a mermaid gantt block');
    assert.match(gantt[1], /dateFormat YYYY-MM-DD/);
    assert.match(gantt[1], /section Finance transformation/);
    assert.match(gantt[1], /ERP upgrade :active, t\d+, 2026-02-02, 2027-03-31/);
    assert.match(gantt[1], /Customer website re-platform :crit, active, t\d+, 2026-03-02, 2027-06-30/);
    for (const line of gantt[1].split('\n').filter((l) => / :/.test(l))) assert.equal(line.split(':').length, 2, `one colon per task line: ${line}`);
  });

  it('html: one self-contained file with the charts and no remote reference', () => {
    const result = charter(['report', '--format', 'html']);
    assert.equal(result.code, 0, result.stderr);
    const html = result.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<svg class="chart gantt"/);
    assert.match(html, /<svg class="chart budget"/);
    assert.match(html, /<svg class="chart dependencies"/);
    assert.match(html, /<line class="today"/);
    assert.doesNotMatch(html, /https?:\/\//, 'no http(s) reference at all');
    assert.doesNotMatch(html, /<script|<link|<img|@import|url\((?!#)/i);
  });

  it('--out writes the file, the format following its extension', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-report-'));
    const out = path.join(dir, 'sub', 'portfolio.csv');
    const result = charter(['report', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Wrote a csv report of 15 projects/);
    assert.match(fs.readFileSync(out, 'utf8'), /^id,title,status,/);
  });

  it('--as-of and --group-by change what the report shows', () => {
    const result = charter(['report', '--format', 'json', '--as-of', '2027-02-01', '--group-by', 'rag']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.groupBy, 'rag');
    assert.deepEqual(report.groups.map((g: { key: string }) => g.key), ['red', 'amber', 'green', '', 'not-live']);
    assert.ok(report.summary.overdueMilestones > 0);
    const md = charter(['report', '--as-of', '2027-02-01']).stdout;
    assert.match(md, /## Overdue milestones\n/);
    assert.match(md, /\n- `fin-erp-upgrade`: User acceptance testing passed, due 2027-01-29\n/);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['report', '--format', 'pdf'], ['report', '--group-by', 'colour'], ['report', 'no/such/dir'], ['check', '--out', 'x.md']]) {
      const result = charter(args);
      assert.equal(result.code, 2, `charter ${args.join(' ')}`);
      assert.match(result.stderr, /^charter: /);
    }
  });

  it('is listed in --help', () => {
    assert.match(charter(['--help']).stdout, /charter report \[paths\.\.\.\]/);
  });
});

describe('cli: charter report with bad values', function () {
  this.timeout(60_000);
  const project = (id: string, lines: string) => `apiVersion: charter/v1\nkind: Project\nid: ${id}\ntitle: ${id}\nstatus: active\nsponsor: ana\nmanager: ana\n${lines}`;
  function badWorkspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-report-bad-'));
    const files: Record<string, string> = {
      'good.charter.yaml': project('good', 'schedule:\n  start: 2027-01-04\n  end: 2027-06-30\nmilestones:\n  - { id: m1, name: Go live, date: 2027-03-31 }\nstatusReport:\n  asOf: 2027-01-10\n  rag: green\n  commentary: Fine.\n'),
      'bad-date.charter.yaml': project('bad-date', 'schedule:\n  start: 31/13/2027\n  end: 2027-06-30\nmilestones:\n  - { id: m1, name: Kick-off, date: 2027-02-30 }\n'),
      'backwards.charter.yaml': project('backwards', 'schedule:\n  start: 2027-06-30\n  end: 2027-01-04\n'),
      'huge.charter.yaml': project('huge', `budget:\n  currency: EUR\n  approved: "${'9'.repeat(400)}"\nstatusReport:\n  asOf: 2027-01-10\n  rag: purple\n  commentary: Hm.\n`),
      'ops.programme.yaml': 'apiVersion: charter/v1\nkind: Programme\nid: ops\ntitle: Ops\nowner: nobody-at-all\nbudget:\n  currency: EUR\n  cap: lots\n',
      'people.yaml': 'apiVersion: charter/v1\nkind: People\npeople:\n  - { id: ana, name: Ana, capacityPercent: "a lot" }\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('html: no NaN or Infinity in any chart; the projects with bad dates are named, the others drawn', () => {
    const dir = badWorkspace();
    const html = charter(['report', '--format', 'html', '--as-of', '2027-01-15'], dir).stdout;
    assert.doesNotMatch(html, /NaN|Infinity/);
    const gantt = /<svg class="chart gantt"[\s\S]*?<\/svg>/.exec(html)![0];
    assert.match(gantt, /data-project="good"/);
    assert.doesNotMatch(gantt, /data-project="bad-date"/);
    assert.match(html, /<p class="note">Not on the timeline: backwards \(it ends before it starts\); bad-date \(start &quot;31\/13\/2027&quot; is not a date written YYYY-MM-DD\)\.<\/p>/);
  });

  it('md: the Mermaid gantt leaves out what it cannot read, with a note, and an invalid RAG is not "no report"', () => {
    const dir = badWorkspace();
    const md = charter(['report', '--format', 'md', '--as-of', '2027-01-15'], dir).stdout;
    const gantt = /```mermaid[\s\S]*?```/.exec(md)![0];
    assert.match(gantt, /good :active, t1, 2027-01-04, 2027-06-30/);
    assert.doesNotMatch(gantt, /bad-date|31\/13|2027-02-30|backwards/);
    assert.match(md, /```\n\nNot on the timeline: `backwards` \(it ends before it starts\); `bad-date` \(start "31\/13\/2027" is not a date written YYYY-MM-DD\)\./);
    assert.match(md, /RAG of the live ones 0 red, 0 amber, 1 green, 2 without a status report, 1 with an unreadable RAG;/);
    const json = JSON.parse(charter(['report', '--format', 'json', '--as-of', '2027-01-15'], dir).stdout) as Portfolio;
    assert.deepEqual(json.summary.rag, { green: 1, amber: 0, red: 0, none: 2, invalid: 1 });
    assert.equal(json.projects.find((p) => p.id === 'huge')!.budget.approved, undefined);
  });

  it("counts the same errors and warnings as charter check, programme and people files included", () => {
    const dir = badWorkspace();
    const check = JSON.parse(charter(['check', '--format', 'json', '--as-of', '2027-01-15'], dir).stdout) as { summary: { errors: number; warnings: number }; findings: Array<{ file: string }> };
    assert.ok(check.findings.some((f) => f.file === 'people.yaml') && check.findings.some((f) => f.file === 'ops.programme.yaml'), 'the workspace has findings outside projects');
    const report = JSON.parse(charter(['report', '--format', 'json', '--as-of', '2027-01-15'], dir).stdout) as Portfolio;
    assert.equal(report.summary.findingCounts.errors, check.summary.errors);
    assert.equal(report.summary.findingCounts.warnings, check.summary.warnings);
    const md = charter(['report', '--format', 'md', '--as-of', '2027-01-15'], dir).stdout;
    assert.match(md, new RegExp(`; ${check.summary.errors} errors? and ${check.summary.warnings} warnings?;`));
  });
});
