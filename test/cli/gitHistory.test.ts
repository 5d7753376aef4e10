// Trends from git: `charter report --git-history` reads each charter's committed versions.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { charterHistoryReader, GitHistoryCache, readGitHistory } from '../../server/src/gitHistory';
import { runReport } from '../../server/src/cli/report';

const version = (asOf: string, rag: string, forecastEnd: string) => `apiVersion: charter/v1
kind: Project
id: p
title: P
status: active
sponsor: a
manager: b
schedule: { start: 2027-01-04, end: 2027-12-17, forecastEnd: ${forecastEnd} }
budget: { currency: EUR, approved: 1000 }
statusReport: { asOf: ${asOf}, rag: ${rag}, commentary: c${rag === 'red' ? ', recoveryPlan: r' : ''} }
`;

describe('cli: trends from git history', function () {
  this.timeout(60_000);
  let dir: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  const commit = (text: string, message: string) => {
    fs.writeFileSync(path.join(dir, 'p.charter.yaml'), text);
    git('add', '.');
    git('commit', '-q', '-m', message);
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-history-'));
    git('init', '-q');
    commit(version('2027-02-28', 'green', '2027-12-17'), 'February');
    commit(version('2027-03-31', 'amber', '2028-01-14'), 'March');
    commit(version('2027-04-30', 'red', '2028-02-01'), 'April');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads each committed version of a file, newest first', async () => {
    const { history, problem } = await readGitHistory(dir, [{ relativePath: 'p.charter.yaml', absolutePath: path.join(dir, 'p.charter.yaml') }]);
    assert.equal(problem, undefined);
    assert.equal(history['p.charter.yaml'].length, 3);
    assert.match(history['p.charter.yaml'][0], /asOf: 2027-04-30/);
  });

  it('gives the report the trend: red since the last report, forecast end moved twice', async () => {
    const outcome = await runReport({ cwd: dir, paths: [], format: 'json', asOf: '2027-05-15', offline: true, gitHistory: true });
    const trend = outcome.report.projects[0].performance?.trend;
    assert.equal(trend?.source, 'git');
    assert.deepEqual(trend?.phrases, ['Red for 15 days', 'amber -> red since last report', 'forecast end moved twice']);
    const without = await runReport({ cwd: dir, paths: [], format: 'json', asOf: '2027-05-15', offline: true });
    assert.equal(without.report.projects[0].performance?.trend.source, 'current');
  });

  it('caches history until HEAD moves (the server reads it on every portfolio refresh)', async () => {
    const cache = new GitHistoryCache();
    const files = [{ relativePath: 'p.charter.yaml', absolutePath: path.join(dir, 'p.charter.yaml') }];
    assert.equal((await cache.read(dir, files))['p.charter.yaml'].length, 3);
    // A change on disk without a commit: history is what git has, read once.
    fs.writeFileSync(path.join(dir, 'p.charter.yaml'), version('2027-05-31', 'red', '2028-02-01'));
    assert.equal((await cache.read(dir, files))['p.charter.yaml'].length, 3);
    commit(version('2027-05-31', 'red', '2028-02-01'), 'May');
    const after = (await cache.read(dir, files))['p.charter.yaml'];
    assert.equal(after.length, 4);
    assert.match(after[0], /asOf: 2027-05-31/);
    assert.deepEqual(await cache.read(os.tmpdir(), files.map((f) => ({ ...f, absolutePath: path.join(os.tmpdir(), 'nowhere.charter.yaml') }))), {});
  });

  it('reads each charter of a multi-root workspace from its own repository (the server\'s reader)', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-history-other-'));
    try {
      const gitOther = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: other });
      gitOther('init', '-q');
      fs.mkdirSync(path.join(other, 'projects'));
      for (const asOf of ['2027-03-31', '2027-04-30']) {
        fs.writeFileSync(path.join(other, 'projects', 'q.charter.yaml'), version(asOf, 'green', '2027-12-17').replace('id: p', 'id: q'));
        gitOther('add', '.');
        gitOther('commit', '-q', '-m', asOf);
      }
      const source = (absolutePath: string, relativePath: string) => ({ file: { uri: URI.file(absolutePath).toString() }, relativePath });
      const read = charterHistoryReader(() => true);
      const history = await read([source(path.join(dir, 'p.charter.yaml'), 'one/p.charter.yaml'), source(path.join(other, 'projects', 'q.charter.yaml'), 'two/projects/q.charter.yaml')]);
      assert.deepEqual(Object.keys(history).sort(), ['one/p.charter.yaml', 'two/projects/q.charter.yaml']);
      assert.equal(history['two/projects/q.charter.yaml'].length, 2);
      assert.ok(history['one/p.charter.yaml'].length >= 3);
      assert.deepEqual(await charterHistoryReader(() => false)([source(path.join(dir, 'p.charter.yaml'), 'one/p.charter.yaml')]), {});
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('says why there is no history outside a repository', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-nogit-'));
    try {
      const { history, problem } = await readGitHistory(outside, [{ relativePath: 'x.yaml', absolutePath: path.join(outside, 'x.yaml') }]);
      assert.deepEqual(history, {});
      assert.match(problem ?? '', /not in a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
