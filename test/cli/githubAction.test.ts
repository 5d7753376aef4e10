// The GitHub Action (action.yml), run step by step on this machine against a fixture git repository:
// the real CLI package installed from its tarball (offline), real git, and a `gh` on PATH that stands
// in for GitHub's API only (it records each call and answers the comment listing the test gives it).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { runAction, type ActionRun } from '../support/actionRunner';
import { REPO } from '../support/engine';

const PLANTED = path.join(REPO, 'test', 'fixtures', 'rules', 'planted');
const MARKER = '<!-- charter-action:summary -->';

const GH_SHIM = `#!/usr/bin/env node
// Stands in for GitHub's API: records the call, answers a comment listing from $GH_SHIM_COMMENTS.
const fs = require('node:fs');
const args = process.argv.slice(2);
let input = '';
if (args.includes('-')) input = fs.readFileSync(0, 'utf8');
fs.appendFileSync(process.env.GH_SHIM_LOG, JSON.stringify({ args, input, token: process.env.GH_TOKEN }) + '\\n');
process.stdout.write(args.includes('--paginate') ? fs.readFileSync(process.env.GH_SHIM_COMMENTS, 'utf8') : '{}');
`;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

describe('GitHub Action: action.yml run locally on a fixture repository', function () {
  this.timeout(300_000);
  let root: string;
  let tarball: string;
  let workspace: string;
  let baseSha: string;
  let run = 0;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-action-'));
    const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: path.join(REPO, 'packages', 'cli'), encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    tarball = path.join(root, (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>)[0].filename);
    // The base commit has the portfolio without two projects; the pull request adds them, with findings.
    workspace = path.join(root, 'repo');
    fs.cpSync(PLANTED, workspace, { recursive: true });
    const added = ['projects/reversed.charter.yaml', 'projects/red.charter.yaml'];
    const held = path.join(root, 'held');
    fs.mkdirSync(held);
    for (const file of added) fs.renameSync(path.join(workspace, file), path.join(held, path.basename(file)));
    git(workspace, 'init', '-q', '-b', 'main');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'base');
    baseSha = git(workspace, 'rev-parse', 'HEAD');
    for (const file of added) fs.renameSync(path.join(held, path.basename(file)), path.join(workspace, file));
    git(workspace, 'checkout', '-qb', 'pr');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'add two projects');
    const bin = path.join(root, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'gh'), GH_SHIM, { mode: 0o755 });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function act(inputs: Record<string, string>, options: { comments?: unknown[][]; event?: Record<string, unknown> } = {}) {
    const dir = path.join(root, `run-${++run}`);
    fs.mkdirSync(dir);
    const ghLog = path.join(dir, 'gh.log');
    const comments = path.join(dir, 'comments.json');
    fs.writeFileSync(ghLog, '');
    fs.writeFileSync(comments, JSON.stringify(options.comments ?? [[]]));
    const result = runAction({
      actionPath: REPO,
      workspace,
      temp: path.join(dir, 'runner-temp'),
      inputs: { cli: tarball, ...inputs },
      github: { token: 'ghs_test', repository: 'acme/charters', event: options.event ?? { pull_request: { number: 7, base: { sha: baseSha } } } },
      env: {
        ...process.env,
        PATH: `${path.join(root, 'bin')}${path.delimiter}${process.env.PATH}`,
        GH_SHIM_LOG: ghLog,
        GH_SHIM_COMMENTS: comments,
        npm_config_offline: 'true',
        npm_config_cache: path.join(dir, 'npm-cache'),
        npm_config_update_notifier: 'false',
      },
    });
    const calls = fs.readFileSync(ghLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { args: string[]; input: string; token: string });
    return { ...result, calls };
  }

  function cliJson(args: string[] = []) {
    const result = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', ...args, '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
    return JSON.parse(result.stdout) as { summary: { errors: number; warnings: number }; findings: Array<{ file: string }> };
  }

  const step = (r: ActionRun, name: string) => r.steps.find((s) => s.name === name)!;

  describe('on a pull request with findings, SARIF and the comment on', () => {
    let result: ReturnType<typeof act>;
    before(() => {
      result = act({ comment: 'true' });
    });

    it('annotates the findings, sets errors and warnings, and fails the job', () => {
      const expected = cliJson();
      assert.equal(result.outputs.errors, String(expected.summary.errors));
      assert.equal(result.outputs.warnings, String(expected.summary.warnings));
      assert.ok(expected.summary.errors > 0);
      assert.match(result.log, /^::error file=projects\/reversed\.charter\.yaml,line=10,col=8,.*title=schedule\/start-before-end::/m);
      assert.equal(result.status, 'failure');
      assert.equal(step(result, 'Verdict').outcome, 'failure');
      assert.match(result.stepSummary, /### Charter\n\n✖ \d+ errors and \d+ warnings? in \d+ files checked\./);
    });

    it('writes SARIF and hands it to the code-scanning upload', () => {
      const upload = step(result, 'Upload SARIF to code scanning');
      assert.equal(upload.uses, 'github/codeql-action/upload-sarif@v3');
      assert.equal(upload.with!.sarif_file, result.outputs['sarif-file']);
      assert.equal(upload.with!.category, 'charter');
      const sarif = JSON.parse(fs.readFileSync(upload.with!.sarif_file, 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].results.length, cliJson().findings.length);
    });

    it('posts one comment, with the token, whose body starts with the sticky marker', () => {
      assert.deepEqual(result.calls.map((c) => c.args.slice(0, 4)), [
        ['api', '--paginate', '--slurp', 'repos/acme/charters/issues/7/comments'],
        ['api', '--method', 'POST', 'repos/acme/charters/issues/7/comments'],
      ]);
      assert.equal(result.calls[1].token, 'ghs_test');
      const { body } = JSON.parse(result.calls[1].input) as { body: string };
      assert.ok(body.startsWith(`${MARKER}\n`), body);
      assert.ok(result.stepSummary.includes(body));
    });

    it('without a base, the comment lists the findings instead: a row each, up to 50, the rest counted', async () => {
      const { findingsMarkdown } = (await import('../../action/charter-action.mjs')) as { findingsMarkdown: (r: unknown) => string };
      const finding = (i: number) => ({ file: `p${i}.charter.yaml`, rule: 'schema/enum', severity: 'error', message: `bad <b>${i}</b> @team`, range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } } });
      const md = findingsMarkdown({ findings: Array.from({ length: 52 }, (_, i) => finding(i)), summary: { files: 52, errors: 52, warnings: 0 } });
      const rows = md.split('\n').filter((line) => line.startsWith('| error |'));
      assert.equal(rows.length, 50);
      assert.match(md, /… and 2 more in the job's annotations\./);
      assert.doesNotMatch(md, /<b>|@team/);
    });

    it('takes the comment body from charter diff, the change summary against the base', () => {
      const { body } = JSON.parse(result.calls[1].input) as { body: string };
      const help = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), '--help'], { encoding: 'utf8' }).stdout;
      assert.match(help, /^\s*charter diff\b/m, 'the action detects charter diff from the help text');
      const diff = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'diff', '--base', baseSha, '--format', 'md'], { cwd: workspace, encoding: 'utf8' });
      assert.equal(diff.status, 0, diff.stderr);
      assert.equal(body, `${MARKER}\n${diff.stdout}`);
    });
  });

  it('updates its own earlier comment instead of adding one', () => {
    const comments = [[{ id: 11, body: 'LGTM' }, { id: 12, body: `${MARKER}\nold summary` }], [{ id: 13, body: 'a reply' }]];
    const result = act({ comment: 'true', sarif: 'false' }, { comments });
    assert.deepEqual(result.calls.map((c) => c.args.slice(0, 4)), [
      ['api', '--paginate', '--slurp', 'repos/acme/charters/issues/7/comments'],
      ['api', '--method', 'PATCH', 'repos/acme/charters/issues/comments/12'],
    ]);
    assert.equal(step(result, 'Write SARIF').outcome, 'skipped');
    assert.equal(step(result, 'Upload SARIF to code scanning').outcome, 'skipped');
    assert.equal(result.outputs['sarif-file'], '');
  });

  it('passes a clean path, and posts nothing with comment off', () => {
    const result = act({ paths: 'people.yaml', 'max-warnings': '0', sarif: 'false' });
    assert.deepEqual([result.outputs.errors, result.outputs.warnings, result.status], ['0', '0', 'success']);
    assert.equal(step(result, 'Verdict').outcome, 'success');
    assert.deepEqual(result.calls, []);
    assert.equal(step(result, 'Comment the change summary on the pull request').outcome, 'skipped');
  });

  it('checks exactly the paths given, one per line or space', () => {
    const result = act({ paths: 'people.yaml\n  projects/old.charter.yaml projects/red.charter.yaml', sarif: 'false' });
    const expected = cliJson(['people.yaml', 'projects/old.charter.yaml', 'projects/red.charter.yaml']);
    assert.deepEqual([result.outputs.errors, result.outputs.warnings], [String(expected.summary.errors), String(expected.summary.warnings)]);
    assert.notEqual(expected.summary.errors, cliJson().summary.errors);
    assert.doesNotMatch(result.log, /reversed\.charter\.yaml/);
  });

  it('escapes every charter value that reaches the comment', async () => {
    const { escapeMarkdown } = await import('../../action/charter-action.mjs');
    const escaped = escapeMarkdown('| <img src=x onerror=alert(1)> @org/team **bold** [link](http://x)\n# heading `code`');
    assert.doesNotMatch(escaped, /<|>|@|\n|(?<!\\)[|*[\]()`#]/);
    assert.equal(escapeMarkdown('x'.repeat(2000)).length, 500);
  });

  it('comments nowhere outside a pull request, and warns when the base cannot be fetched', () => {
    const result = act({ comment: 'true', sarif: 'false', base: '0123456789abcdef0123456789abcdef01234567' }, { event: {} });
    assert.deepEqual(result.calls, []);
    assert.match(result.log, /::warning::Charter could not fetch the base 0123456789abcdef0123456789abcdef01234567/);
    assert.notEqual(result.outputs.errors, '');
  });

  it('installs the CLI of its own version by default', () => {
    const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'));
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(action.inputs.cli.default, `@charter-dev/cli@${version}`);
  });
});
