// .pre-commit-hooks.yaml, run by the real pre-commit against a fixture repository: pre-commit clones this
// repository at HEAD, installs it as it installs every node hook (npm install, npm pack, npm install -g)
// and runs the hooks on the staged charters. npm runs offline from its cache (filled by this repository's
// own npm install). Slow (a full npm install): `npm run test:precommit`, which installs pre-commit first.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/engine';

const PLANTED = path.join(REPO, 'test', 'fixtures', 'rules', 'planted');

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('pre-commit: the charter hooks', function () {
  this.timeout(600_000);
  let root: string;
  let project: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-precommit-'));
    project = path.join(root, 'project');
    fs.cpSync(PLANTED, project, { recursive: true });
    fs.writeFileSync(path.join(project, 'notes.yaml'), 'not: a charter\n');
    const rev = sh('git', ['rev-parse', 'HEAD'], REPO).output.trim();
    fs.writeFileSync(
      path.join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${REPO}\n    rev: ${rev}\n    hooks:\n      - id: charter-check\n`,
    );
    env = { ...process.env, PRE_COMMIT_HOME: path.join(root, 'pre-commit-home'), npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
    for (const args of [['init', '-q', '-b', 'main'], ['add', '-A']]) assert.equal(sh('git', args, project).code, 0);
    const installed = sh('pre-commit', ['install-hooks'], project, env);
    assert.equal(installed.code, 0, installed.output);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stops a commit whose charters have errors, and prints the findings', () => {
    const result = sh('pre-commit', ['run', '--files', 'projects/reversed.charter.yaml'], project, env);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Charter check\.+Failed/);
    assert.match(result.output, /projects\/reversed\.charter\.yaml[\s\S]*schedule\/start-before-end/);
  });

  it('lets a clean charter through, and skips files that are not charters', () => {
    const clean = sh('pre-commit', ['run', '--files', 'people.yaml'], project, env);
    assert.equal(clean.code, 0, clean.output);
    assert.match(clean.output, /Charter check\.+Passed/);
    const other = sh('pre-commit', ['run', '--files', 'notes.yaml'], project, env);
    assert.equal(other.code, 0, other.output);
    assert.match(other.output, /Charter check\.+\(no files to check\)Skipped/);
  });
});
