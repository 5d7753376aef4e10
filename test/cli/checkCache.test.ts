// `charter check --cache`: a warm run prints exactly what a run without the cache prints, reads unchanged
// files from the cache, and never trusts a cache that is stale, corrupt, truncated or not ours.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck, type CheckOptions } from '../../server/src/cli/check';
import { REPO } from '../support/engine';

const WORKSPACES = ['examples', 'test/fixtures/contract', 'test/fixtures/governance', 'test/fixtures/pmo', 'test/fixtures/pmo-rulesets', 'test/fixtures/rules/workspace'];

function copyOf(folder: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cache-'));
  fs.cpSync(path.join(REPO, folder), dir, { recursive: true });
  return dir;
}

function check(cwd: string, cacheFile: string | undefined, extra: Partial<CheckOptions> = {}) {
  return runCheck({ cwd, paths: [], format: 'json', color: false, asOf: '2027-03-01', offline: true, cache: cacheFile ? { location: cacheFile } : undefined, ...extra });
}

/** The run without any cache: what every cached run must print. */
async function truth(cwd: string) {
  const outcome = await check(cwd, undefined);
  return { output: outcome.output, exitCode: outcome.exitCode, warnings: outcome.warnings };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `${file} should contain ${from}`);
  fs.writeFileSync(file, next);
}

describe('cli: charter check --cache', function () {
  this.timeout(120_000);

  for (const folder of WORKSPACES) {
    it(`prints the same cold and warm as without the cache, and reads every file from it when nothing changed (${folder})`, async () => {
      const cwd = copyOf(folder);
      const cacheFile = path.join(cwd, '.charter-cache', 'check-cache');
      const expected = await truth(cwd);
      const cold = await check(cwd, cacheFile);
      assert.deepEqual(cold.cacheUse, { filesRestored: 0, findingsReused: 0 });
      assert.ok(fs.existsSync(cacheFile));
      const warm = await check(cwd, cacheFile);
      for (const run of [cold, warm]) {
        assert.equal(run.output, expected.output);
        assert.equal(run.exitCode, expected.exitCode);
        assert.equal(run.warnings, expected.warnings);
      }
      assert.ok(warm.cacheUse!.filesRestored >= warm.results.length, 'every checked file joins the index from the cache');
      assert.equal(warm.cacheUse!.findingsReused, warm.results.length, 'every file keeps its cached findings');
    });
  }

  it('a changed file loses its entry; files that read it across the portfolio are checked again; the rest are reused', async () => {
    const cwd = copyOf('examples');
    const cacheFile = path.join(cwd, 'cache');
    await check(cwd, cacheFile);
    // The programme's id changes: its own findings, and its member projects' unknown-reference findings.
    edit(path.join(cwd, 'programmes/digital-customer.programme.yaml'), 'id: digital-customer', 'id: digital-customers');
    const expected = await truth(cwd);
    assert.match(expected.output, /digital-customer/, 'the members now refer to an unknown programme');
    const warm = await check(cwd, cacheFile);
    assert.equal(warm.output, expected.output);
    assert.equal(warm.exitCode, expected.exitCode);
    assert.equal(warm.warnings, expected.warnings);
    const members = 5;
    assert.ok(warm.cacheUse!.findingsReused <= warm.results.length - 1 - members, `the programme and its ${members} members are checked again (${warm.cacheUse!.findingsReused} reused)`);
    assert.ok(warm.cacheUse!.findingsReused > 0, 'files that do not read the programme keep their cached findings');
    assert.equal(warm.cacheUse!.filesRestored, warm.results.length - 1, 'only the changed file is parsed');
    // A third run: the cache now holds the new state, and reuses it all.
    const third = await check(cwd, cacheFile);
    assert.equal(third.output, expected.output);
    assert.equal(third.cacheUse!.findingsReused, third.results.length);
  });

  it('a project edit that breaks a budget cap across files is found warm as cold (cross-file findings from cached facts)', async () => {
    const cwd = copyOf('examples');
    const cacheFile = path.join(cwd, 'cache');
    await check(cwd, cacheFile);
    edit(path.join(cwd, 'projects/dc-identity.charter.yaml'), /approved: [0-9]+/, 'approved: 9900000');
    const expected = await truth(cwd);
    const warm = await check(cwd, cacheFile);
    assert.equal(warm.output, expected.output);
    assert.equal(warm.exitCode, expected.exitCode);
  });

  it('changed settings invalidate every entry', async () => {
    const cwd = copyOf('test/fixtures/pmo');
    const cacheFile = path.join(cwd, 'cache');
    await check(cwd, cacheFile);
    edit(path.join(cwd, '.vscode/settings.json'), '"schema/additionalProperties": "warning"', '"schema/additionalProperties": "info"');
    const expected = await truth(cwd);
    const warm = await check(cwd, cacheFile);
    assert.equal(warm.output, expected.output);
    assert.deepEqual(warm.cacheUse, { filesRestored: 0, findingsReused: 0 });
  });

  it('a changed schema file invalidates every entry', async () => {
    const cwd = copyOf('test/fixtures/pmo');
    const cacheFile = path.join(cwd, 'cache');
    const before = await check(cwd, cacheFile);
    const schemaFile = path.join(cwd, '.pmo/project.schema.json');
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    schema.required = [...(schema.required ?? []), 'charterNumber'];
    fs.writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
    const expected = await truth(cwd);
    assert.notEqual(expected.output, before.output, 'the new required key is reported');
    const warm = await check(cwd, cacheFile);
    assert.equal(warm.output, expected.output);
    assert.deepEqual(warm.cacheUse, { filesRestored: 0, findingsReused: 0 });
  });

  it('--as-of (the day date rules use) is part of the key', async () => {
    const cwd = copyOf('examples');
    const cacheFile = path.join(cwd, 'cache');
    await check(cwd, cacheFile);
    const later = await check(cwd, cacheFile, { asOf: '2028-06-01' });
    assert.deepEqual(later.cacheUse, { filesRestored: 0, findingsReused: 0 });
    assert.equal(later.output, (await check(cwd, undefined, { asOf: '2028-06-01' })).output);
  });

  describe('a cache file that cannot be trusted is ignored, said so on stderr, and rebuilt', () => {
    const damages: Array<[string, (text: string) => string, RegExp]> = [
      ['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), /checksum/],
      ['one byte changed', (t) => t.replace('"findings"', '"findingz"'), /checksum/],
      ['not ours', () => '{"version": 1}\n', /not a Charter cache file/],
      ['from another format version', (t) => t.replace(/^charter-findings-cache \d+/, 'charter-findings-cache 999'), /another version/],
      ['checksum matches but the shape is wrong', (t) => rewrap(t, (body) => body.replace(/"milestones":\[[^\]]*\]/, '"milestones":7')), /shape/],
      ['empty', () => '', /not a Charter cache file/],
    ];
    for (const [name, damage, reason] of damages) {
      it(name, async () => {
        const cwd = copyOf('examples');
        const cacheFile = path.join(cwd, 'cache');
        const expected = await truth(cwd);
        await check(cwd, cacheFile);
        fs.writeFileSync(cacheFile, damage(fs.readFileSync(cacheFile, 'utf8')));
        const run = await check(cwd, cacheFile);
        assert.equal(run.output, expected.output);
        assert.equal(run.exitCode, expected.exitCode);
        assert.match(run.warnings, new RegExp(`the cache cache was not used and is rebuilt: .*${reason.source}`));
        assert.equal(run.warnings.replace(/^charter: warning: the cache .*\n/, ''), expected.warnings);
        assert.deepEqual(run.cacheUse, { filesRestored: 0, findingsReused: 0 });
        const after = await check(cwd, cacheFile);
        assert.equal(after.output, expected.output);
        assert.equal(after.cacheUse!.findingsReused, after.results.length, 'the rebuilt cache is used');
      });
    }
  });

  it('the CLI: --cache writes .charter-cache/check-cache in the current folder, --cache-location a folder or a file; --cache-location needs --cache', () => {
    const cwd = copyOf('examples');
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', '--offline', ...args], { cwd, encoding: 'utf8' });
    const plain = cli([]);
    const cached = cli(['--cache']);
    assert.equal(cached.stdout, plain.stdout);
    assert.equal(cached.status, plain.status);
    assert.ok(fs.existsSync(path.join(cwd, '.charter-cache', 'check-cache')));
    assert.equal(cli(['--cache']).stdout, plain.stdout);
    fs.mkdirSync(path.join(cwd, 'elsewhere'));
    assert.equal(cli(['--cache', '--cache-location', 'elsewhere']).stdout, plain.stdout);
    assert.ok(fs.existsSync(path.join(cwd, 'elsewhere', 'check-cache')));
    assert.equal(cli(['--cache', '--cache-location', 'my.cache']).stdout, plain.stdout);
    assert.ok(fs.existsSync(path.join(cwd, 'my.cache')));
    const usage = cli(['--cache-location', 'x']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--cache-location goes with --cache/);
  });

  it('is not used with --fix-dry-run (fixes need every file parsed)', async () => {
    const cwd = copyOf('examples');
    const cacheFile = path.join(cwd, 'cache');
    const run = await check(cwd, cacheFile, { fixDryRun: true });
    assert.equal(run.cacheUse, undefined);
    assert.ok(!fs.existsSync(cacheFile));
  });
});

/** The cache text with its body changed and the checksum made to match again (a well-formed file of the wrong shape). */
function rewrap(text: string, change: (body: string) => string): string {
  const [header, , ...rest] = text.split('\n');
  const body = change(rest.join('\n'));
  const sum = createHash('sha256').update(body).digest('hex');
  return `${header}\n${sum}\n${body}`;
}
