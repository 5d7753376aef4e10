// GitBaseline on a real repository: base texts by path, renames followed, new files without a base,
// blob texts read once per blob, and the problems a host shows instead of crashing.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BlobCache, GitBaseline, GitProblem, resolveAutoBase, runGit, type GitRun } from '../../server/src/gitBaseline';

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('GitBaseline', function () {
  this.timeout(30_000);
  let repo: string;
  const reads: string[][] = [];
  const counting: GitRun = (args, cwd) => {
    reads.push(args);
    return runGit(args, cwd);
  };
  const fileUri = (relative: string) => pathToFileURL(path.join(repo, relative)).href;

  before(() => {
    repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'charter-baseline-')));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'Charter Test');
    git(repo, 'config', 'user.email', 'test@example.invalid');
    git(repo, 'config', 'commit.gpgsign', 'false');
    fs.mkdirSync(path.join(repo, 'projects'));
    fs.writeFileSync(path.join(repo, 'projects/a.charter.yaml'), 'id: a\ntitle: A project with a long enough text to be recognised as renamed\n');
    fs.writeFileSync(path.join(repo, 'projects/b.charter.yaml'), 'id: b\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    git(repo, 'mv', 'projects/a.charter.yaml', 'projects/renamed.charter.yaml');
    fs.writeFileSync(path.join(repo, 'projects/c.charter.yaml'), 'id: c\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'rename, add');
  });

  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reads the base text of a file, follows a rename, and gives a new file no base', async () => {
    const baseline = await GitBaseline.open(repo, 'main');
    assert.equal(baseline.commit, git(repo, 'rev-parse', 'main').trim());
    assert.deepEqual(await baseline.provider(fileUri('projects/b.charter.yaml'), 'projects/b.charter.yaml'), { text: 'id: b\n', uri: 'charter-base:/projects/b.charter.yaml?main', ref: 'main', path: 'projects/b.charter.yaml' });
    const renamed = await baseline.provider(fileUri('projects/renamed.charter.yaml'), 'projects/renamed.charter.yaml');
    assert.equal(renamed?.path, 'projects/a.charter.yaml');
    assert.match(renamed!.text, /^id: a\n/);
    assert.equal(await baseline.provider(fileUri('projects/c.charter.yaml'), 'projects/c.charter.yaml'), undefined);
    assert.equal(await baseline.provider('untitled:Untitled-1', 'Untitled-1'), undefined);
    assert.equal(await baseline.provider(pathToFileURL(path.join(os.tmpdir(), 'elsewhere.charter.yaml')).href, 'elsewhere.charter.yaml'), undefined);
  });

  it('reads each blob once, across baselines that share a cache', async () => {
    const cache = new BlobCache();
    reads.length = 0;
    const first = await GitBaseline.open(repo, 'main', { git: counting, cache });
    const second = await GitBaseline.open(repo, 'main', { git: counting, cache, label: 'origin/main' });
    await first.textAt('projects/b.charter.yaml');
    await first.textAt('projects/b.charter.yaml');
    const text = await second.textAt('projects/b.charter.yaml');
    assert.equal(text, 'id: b\n');
    assert.equal(reads.filter((a) => a[0] === 'cat-file').length, 1);
    assert.equal(second.ref, 'origin/main');
    assert.equal(cache.size, 1);
  });

  it('says what is wrong: not a repository, no git, an unknown ref', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-plain-'));
    try {
      await assert.rejects(GitBaseline.open(plain, 'main'), (e: unknown) => e instanceof GitProblem && e.kind === 'unavailable' && /is not in a git repository$/.test(e.message));
    } finally {
      fs.rmSync(plain, { recursive: true });
    }
    const noGit: GitRun = () => Promise.reject(Object.assign(new Error('git is not installed (or not on PATH)'), { missingGit: true }));
    await assert.rejects(GitBaseline.open(repo, 'main', { git: noGit }), (e: unknown) => e instanceof GitProblem && e.kind === 'unavailable' && e.message === 'git is not installed (or not on PATH)');
    const bounded: GitRun = (args, cwd) => (args[0] === 'ls-tree' ? Promise.reject(new Error('stdout maxBuffer length exceeded')) : runGit(args, cwd));
    await assert.rejects(GitBaseline.open(repo, 'main', { git: bounded }), (e: unknown) => e instanceof GitProblem && e.kind === 'unavailable' && e.message === 'git could not list the files of "main": stdout maxBuffer length exceeded');
    await assert.rejects(GitBaseline.open(repo, 'nope'), (e: unknown) => e instanceof GitProblem && e.kind === 'ref');
    await assert.rejects(GitBaseline.open(repo, '--output=/tmp/x'), (e: unknown) => e instanceof GitProblem && e.kind === 'ref');
  });

  it('auto: HEAD without a remote, the merge-base with origin/main with one', async () => {
    assert.deepEqual(await resolveAutoBase(repo), { ref: 'HEAD', label: 'HEAD' });
    git(repo, 'update-ref', 'refs/remotes/origin/main', 'main');
    try {
      assert.deepEqual(await resolveAutoBase(repo), { ref: git(repo, 'rev-parse', 'main').trim(), label: 'origin/main' });
    } finally {
      git(repo, 'update-ref', '-d', 'refs/remotes/origin/main');
    }
  });
});
