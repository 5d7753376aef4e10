// Change control on a real git repository built by the test: init, commits, branches, a rename.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { REPO } from '../support/engine';
import { PEOPLE, PORTFOLIO, PROGRAMME, PROJECT, otherProject } from '../unit/rules/harness';

const CLI = path.join(REPO, 'dist', 'cli.js');
const PROJECT_FILE = 'projects/fin-invoice.charter.yaml';
const REPORT = 'statusReport:\n  asOf: 2027-05-01\n  rag: green\n  commentary: On track.\n';
const other = (id: string) => otherProject(id, REPORT);

function charter(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--as-of', '2027-05-15'], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** The "Done when" branch: budget +40 %, end date +6 months, an old approval edited, a done milestone moved. */
const RAISED = PROJECT.replace('approved: 850000', 'approved: 1190000')
  .replace('{ category: opex, amount: 350000 }', '{ category: opex, amount: 690000 }')
  .replace('end: 2027-12-17', 'end: 2028-06-17')
  .replace('{ role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }', '{ role: sponsor, person: jane.doe, decision: approved, date: 2026-12-02 }')
  .replace('date: 2027-03-01, status: done', 'date: 2027-03-08, status: done')
  .replace('  - { person: raj.patel, percent: 60, from: 2027-01-04, to: 2027-12-17 }', '  - { person: raj.patel, percent: 60, from: 2027-01-04, to: 2028-06-17 }');
interface JsonOutput {
  findings: Array<{ file: string; rule: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

const RECORD = 'changes:\n  - { id: cr-001, date: 2027-05-10, summary: Second integration team; go-live moves to June 2028; corrected records, kind: [budget, schedule, milestone, other], decision: approved, decidedBy: jane.doe, reference: PMO-123 }\n';

describe('cli: change control against a git base', function () {
  this.timeout(60_000);
  let repo: string;

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-git-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'Charter Test');
    git(repo, 'config', 'user.email', 'test@example.invalid');
    git(repo, 'config', 'commit.gpgsign', 'false');
    write(repo, {
      'portfolio.yaml': PORTFOLIO,
      'people.yaml': PEOPLE,
      'programmes/finance.programme.yaml': PROGRAMME,
      [PROJECT_FILE]: PROJECT,
      'projects/fin-portal.charter.yaml': other('fin-portal'),
      'projects/fin-legacy.charter.yaml': other('fin-legacy'),
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Approved baseline');

    git(repo, 'checkout', '-q', '-b', 'raise');
    write(repo, { [PROJECT_FILE]: RAISED });
    git(repo, 'commit', '-q', '-am', 'Raise the budget, slip the end date');

    git(repo, 'checkout', '-q', '-b', 'recorded');
    write(repo, { [PROJECT_FILE]: RAISED + RECORD });
    git(repo, 'commit', '-q', '-am', 'Record the change');

    git(repo, 'checkout', '-q', '-b', 'moved', 'main');
    fs.mkdirSync(path.join(repo, 'projects/finance'));
    git(repo, 'mv', 'projects/fin-portal.charter.yaml', 'projects/finance/fin-portal.charter.yaml');
    write(repo, { 'projects/finance/fin-portal.charter.yaml': other('fin-portal').replace('contingency: 20000', 'contingency: 22000') });
    git(repo, 'rm', '-q', 'projects/fin-legacy.charter.yaml');
    write(repo, { 'projects/fin-new.charter.yaml': other('fin-new') });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Move, remove, add');
    git(repo, 'checkout', '-q', 'raise');
  });

  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('finds nothing on the base itself, and exits 2 on an unknown ref', () => {
    git(repo, 'checkout', '-q', 'main');
    try {
      const clean = charter(['check', '--base', 'main'], repo);
      assert.equal(clean.code, 0, clean.stdout);
      assert.equal(clean.stderr, '');
    } finally {
      git(repo, 'checkout', '-q', 'raise');
    }
    const unknown = charter(['check', '--base', 'no-such-branch'], repo);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^charter: --base no-such-branch: git has no commit "no-such-branch"/);
    assert.equal(charter(['diff'], repo).code, 2);
  });

  it('Done when: one finding each for the budget, the end date, the edited approval and the moved done milestone', () => {
    const result = charter(['check', '--base', 'main', '--format', 'json'], repo);
    assert.equal(result.code, 1, result.stderr);
    const all = (JSON.parse(result.stdout) as JsonOutput).findings;
    assert.deepEqual(all.filter((f) => !f.rule.startsWith('change/')), [], 'the branch is clean apart from change control');
    const lines = RAISED.split('\n');
    const at = (f: (typeof all)[number]) => {
      assert.equal(f.range.start.line, f.range.end.line);
      return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
    };
    assert.deepEqual(
      all.map((f) => [f.file, f.rule, at(f)]),
      [
        [PROJECT_FILE, 'change/beyond-tolerance', '2028-06-17'],
        [PROJECT_FILE, 'change/history-rewritten', '2027-03-08'],
        [PROJECT_FILE, 'change/beyond-tolerance', '1190000'],
        [PROJECT_FILE, 'change/history-rewritten', '2026-12-02'],
      ],
    );
    assert.match(all[0].message, /^End date moved 2027-12-17 -> 2028-06-17 \(\+183 days\), beyond the 30-day tolerance/);
    assert.match(all[1].message, /^Milestone m-vendor was done on 2027-03-01 and is now dated 2027-03-08\./);
    assert.match(all[2].message, /^Approved budget changed 850,000 -> 1,190,000 EUR \(\+40 %\), beyond the 10 % tolerance/);
    assert.match(all[3].message, /^The approval \(sponsor, jane\.doe\) was edited: date 2026-12-01 -> 2026-12-02\./);
  });

  it('reports both values in SARIF (with no location in another revision) and annotates in GitHub format', () => {
    const sarif = JSON.parse(charter(['check', '--base', 'main', '--format', 'sarif'], repo).stdout);
    const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'change/beyond-tolerance');
    assert.deepEqual(results.map((r: { message: { text: string } }) => r.message.text.split(',')[0]), ['End date moved 2027-12-17 -> 2028-06-17 (+183 days)', 'Approved budget changed 850']);
    assert.ok(results.every((r: { relatedLocations?: unknown }) => r.relatedLocations === undefined));
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'change/history-rewritten'), 'the change rules are in the rule metadata');
    const github = charter(['check', '--base', 'main', '--format', 'github'], repo).stdout;
    assert.match(github, /^::error file=projects\/fin-invoice\.charter\.yaml,line=\d+.*title=change\/beyond-tolerance/m);
  });

  it('Done when: the same branch with an approved change record by the sponsor gets no finding', () => {
    git(repo, 'checkout', '-q', 'recorded');
    try {
      const result = charter(['check', '--base', 'main'], repo);
      assert.equal(result.code, 0, result.stdout);
      assert.match(result.stdout, /no problems/);
    } finally {
      git(repo, 'checkout', '-q', 'raise');
    }
  });

  it('Done when: charter diff --format md summarises it in one comment-sized page', () => {
    const result = charter(['diff', '--base', 'main', '--format', 'md'], repo);
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.ok(md.startsWith('<!-- charter-diff -->\n## Charter changes against main\n'), md);
    assert.ok(md.length < 65_536, 'fits a GitHub comment');
    assert.match(md, /\*\*Against main: 1 project changed; approved budget \+340,000 EUR in FY2027; 3 changes without a change record; 4 change findings\.\*\*/);
    assert.match(md, /### fin-invoice: Invoice automation \(changed\)/);
    assert.match(md, /\| approved budget changed 850,000 -&gt; 1,190,000 EUR \(\+40 %\) \| ⚠️ none: record it in changes \|/);
    assert.match(md, /\| end date moved 2027-12-17 -&gt; 2028-06-17 \(\+183 days\) \| ⚠️ none: record it in changes \|/);
    assert.match(md, /\| milestone m-vendor moved 2027-03-01 -&gt; 2027-03-08 \(\+7 days\) \| ⚠️ none: record it in changes \|/);
    assert.match(md, /- ❌ change\/history-rewritten \(line \d+\): The approval \(sponsor, jane\.doe\) was edited/);
    assert.match(md, /\| FY2027 \| 1,250,000 EUR \| 1,590,000 EUR \| \+340,000 EUR \| 3,000,000 EUR \|/);
    assert.match(md, /\| finance \| 1,250,000 EUR \| 1,590,000 EUR \| \+340,000 EUR \| 2,000,000 EUR \|/);

    git(repo, 'checkout', '-q', 'recorded');
    try {
      const recorded = charter(['diff', '--base', 'main'], repo).stdout;
      assert.match(recorded, /every change recorded/);
      assert.match(recorded, /\| approved budget changed 850,000 -&gt; 1,190,000 EUR \(\+40 %\) \| cr-001: approved by jane\.doe \|/);
    } finally {
      git(repo, 'checkout', '-q', 'raise');
    }
  });

  it('follows a rename, lists a removed live charter first and a new one, and validates --format json against its schema', () => {
    git(repo, 'checkout', '-q', 'moved');
    try {
      const check = (JSON.parse(charter(['check', '--base', 'main', '--format', 'json'], repo).stdout) as JsonOutput).findings;
      assert.deepEqual(check.map((f) => [f.file, f.message]), [['projects/finance/fin-portal.charter.yaml', 'Contingency changed 20,000 -> 22,000 EUR (+10 %) with no entry in changes. Record the change and who decided it.']]);

      const out = path.join(repo, 'out', 'diff.json');
      const written = charter(['diff', '--base', 'main', '--out', 'out/diff.json'], repo);
      assert.equal(written.code, 0, written.stderr);
      assert.match(written.stdout, /^Wrote the change summary against main \(json\) to out\/diff\.json/);
      const summary = JSON.parse(fs.readFileSync(out, 'utf8')) as { base: { commit: string }; projects: Array<{ id: string; state: string; liveRemoved: boolean; file: string; baseFile?: string }> };
      fs.rmSync(path.join(repo, 'out'), { recursive: true });
      const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'charter-diff.schema.json'), 'utf8'));
      const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
      const data: unknown = summary;
      assert.ok(validate(data), JSON.stringify(validate.errors));
      assert.deepEqual(
        summary.projects.map((p: { id: string; state: string; liveRemoved: boolean; file: string; baseFile?: string }) => [p.id, p.state, p.liveRemoved, p.file, p.baseFile]),
        [
          ['fin-legacy', 'removed', true, 'projects/fin-legacy.charter.yaml', 'projects/fin-legacy.charter.yaml'],
          ['fin-portal', 'changed', false, 'projects/finance/fin-portal.charter.yaml', 'projects/fin-portal.charter.yaml'],
          ['fin-new', 'new', false, 'projects/fin-new.charter.yaml', undefined],
        ],
      );
      assert.equal(summary.base.commit, git(repo, 'rev-parse', 'main').trim());
      const md = charter(['diff', '--base', 'main'], repo).stdout;
      assert.match(md, /> ⚠️ \*\*Charter removed while the project is live:\*\* fin-legacy \(Project fin-legacy\) was active on main/);
      assert.match(md, /Renamed from projects/);
    } finally {
      git(repo, 'checkout', '-q', 'raise');
    }
  });

  it('lists a removed charter under a folder given as a path argument, and only there', () => {
    git(repo, 'checkout', '-q', '-b', 'removed', 'main');
    git(repo, 'rm', '-q', 'projects/fin-legacy.charter.yaml');
    git(repo, 'commit', '-q', '-m', 'Remove a live charter');
    try {
      const removed = (args: string[]) => {
        const run = charter(['diff', '--base', 'main', '--format', 'json', ...args], repo);
        assert.equal(run.code, 0, run.stderr);
        return (JSON.parse(run.stdout) as { projects: Array<{ id: string; state: string }> }).projects.filter((p) => p.state === 'removed').map((p) => p.id);
      };
      assert.deepEqual(removed([]), ['fin-legacy']);
      assert.deepEqual(removed(['projects']), ['fin-legacy']);
      assert.deepEqual(removed(['.']), ['fin-legacy']);
      assert.deepEqual(removed(['programmes', 'people.yaml']), [], 'outside the folders given');
      assert.deepEqual(removed(['projects/fin-portal.charter.yaml']), [], 'a file argument');
    } finally {
      git(repo, 'checkout', '-q', 'raise');
    }
  });

  it('totals programmes and fiscal years in the policy base currency, against cap and envelope', () => {
    git(repo, 'checkout', '-q', '-b', 'fx', 'main');
    write(repo, {
      'portfolio.yaml': `${PORTFOLIO.trimEnd()}\n  baseCurrency: EUR\n  fxRates: { asOf: 2027-01-31, GBP: 1.17 }\n`,
      'projects/fin-portal.charter.yaml': other('fin-portal').replace('currency: EUR', 'currency: GBP'),
    });
    git(repo, 'commit', '-q', '-am', 'Budget the portal in GBP');
    try {
      const run = charter(['diff', '--base', 'main', '--format', 'json'], repo);
      assert.equal(run.code, 0, run.stderr);
      const summary = JSON.parse(run.stdout) as { programmes: unknown[]; fiscalYears: unknown[] };
      // 200,000 EUR became 200,000 GBP = 234,000 EUR at 1.17.
      assert.deepEqual(summary.programmes, [{ programme: 'finance', currency: 'EUR', before: '1250000', after: '1284000', delta: '+34000', limit: '2000000', over: false }]);
      // Naming only the project still applies the workspace's policy (its base currency and rates), not the defaults.
      const named = charter(['diff', '--base', 'main', '--format', 'json', 'projects/fin-portal.charter.yaml'], repo);
      assert.equal(named.code, 0, named.stderr);
      const scoped = JSON.parse(named.stdout) as { programmes: Array<{ currency: string; before: string; after: string }>; projects: unknown[] };
      assert.deepEqual(scoped.programmes.map((p) => [p.currency, p.before, p.after]), [['EUR', '200000', '234000']]);
      assert.deepEqual(scoped.projects, (JSON.parse(run.stdout) as { projects: Array<{ id: string }> }).projects.filter((p) => p.id === 'fin-portal'));
      assert.deepEqual(summary.fiscalYears, [{ fiscalYear: 2027, currency: 'EUR', before: '1250000', after: '1284000', delta: '+34000', limit: '3000000', over: false }]);
    } finally {
      git(repo, 'checkout', '-q', 'raise');
    }
  });

  it('counts totals as the cap and envelope rules do: committed budgets only, spread by their phasing', () => {
    git(repo, 'checkout', '-q', '-b', 'phased', 'main');
    write(repo, {
      'projects/fin-idea.charter.yaml': otherProject('fin-idea').replace('status: active', 'status: proposed').replace('phase: delivery', 'phase: initiation').replace('approved: 200000', 'approved: 500000'),
      'projects/fin-portal.charter.yaml': other('fin-portal').replace('  contingency: 20000\n', '  contingency: 20000\n  phasing:\n    - { fiscalYear: 2027, amount: 150000 }\n    - { fiscalYear: 2028, amount: 50000 }\n'),
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Propose an idea, phase the portal');
    try {
      const run = charter(['diff', '--base', 'main', '--format', 'json'], repo);
      assert.equal(run.code, 0, run.stderr);
      const summary = JSON.parse(run.stdout) as { programmes: unknown[]; fiscalYears: unknown[] };
      assert.deepEqual(summary.programmes, [], 'a proposal does not count against the cap');
      assert.deepEqual(summary.fiscalYears, [
        { fiscalYear: 2027, currency: 'EUR', before: '1250000', after: '1200000', delta: '-50000', limit: '3000000', over: false },
        { fiscalYear: 2028, currency: 'EUR', before: '0', after: '50000', delta: '+50000', over: false },
      ]);
    } finally {
      git(repo, 'checkout', '-q', 'raise');
    }
  });

  it('says once, on stderr, why no change rule ran outside a repository or without git, and still checks', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-nogit-'));
    try {
      write(plain, { [PROJECT_FILE]: PROJECT, 'people.yaml': PEOPLE, 'programmes/finance.programme.yaml': PROGRAMME, 'portfolio.yaml': PORTFOLIO });
      const outside = charter(['check', '--base', 'main'], plain);
      assert.equal(outside.code, 0, outside.stdout);
      assert.equal(outside.stderr, `charter: --base main: ${fs.realpathSync(plain) === plain ? plain : plain} is not in a git repository, so no change rules ran.\n`);
      const noGitPath = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-nopath-'));
      const missing = charter(['check', '--base', 'main', '--format', 'json'], repo, { ...process.env, PATH: noGitPath });
      fs.rmSync(noGitPath, { recursive: true });
      assert.equal(missing.stderr, 'charter: --base main: git is not installed (or not on PATH), so no change rules ran.\n');
      assert.equal(missing.code, 0);
      assert.deepEqual((JSON.parse(missing.stdout) as JsonOutput).findings, []);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});
