// The npm package of the CLI (packages/cli): what its tarball holds, and that it installs from the tarball
// alone, offline, into a clean folder where `npx charter check` then works. `npm pack` builds it first.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/engine';

const PACKAGE = path.join(REPO, 'packages', 'cli');
const PLANTED = path.join(REPO, 'test', 'fixtures', 'rules', 'planted');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('cli: the npm package', function () {
  this.timeout(180_000);
  const manifest = readJson(path.join(PACKAGE, 'package.json'));
  const extension = readJson(path.join(REPO, 'package.json'));

  it('is called charter on the command line, needs Node 20, and has the extension\'s version', () => {
    assert.deepEqual(manifest.bin, { charter: 'dist/cli.js' });
    assert.equal(manifest.engines.node, '>=20');
    assert.equal(manifest.version, extension.version);
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.repository.url, 'git+https://github.com/charter-dev/charter.git');
  });

  it('has no runtime dependency: the CLI bundle is self-contained', () => {
    for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) assert.equal(manifest[key], undefined, key);
  });

  it('packs only the bundled CLI, the schemas, the README, the licence and package.json', () => {
    const packed = run('npm', ['pack', '--dry-run', '--json'], { cwd: PACKAGE });
    assert.equal(packed.code, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ files: Array<{ path: string }> }>;
    const schemas = fs.readdirSync(path.join(REPO, 'schemas')).filter((f) => f.endsWith('.schema.json')).map((f) => `schemas/${f}`);
    assert.deepEqual(info.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'package.json', ...schemas].sort());
    assert.doesNotMatch(fs.readFileSync(path.join(PACKAGE, 'dist', 'cli.js'), 'utf8'), /sourceMappingURL/);
  });

  describe('installed from its tarball into a clean folder, offline', () => {
    let folder: string;
    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-cli-package-'));
      const packed = run('npm', ['pack', '--json', '--pack-destination', folder], { cwd: PACKAGE });
      assert.equal(packed.code, 0, packed.stderr);
      const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string }>;
      fs.cpSync(PLANTED, path.join(folder, 'project'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'project', 'package.json'), JSON.stringify({ name: 'charters', private: true }));
      // A fresh npm cache: with --offline, any dependency the package wrongly had would fail the install.
      const installed = run('npm', ['install', '--offline', '--cache', path.join(folder, 'npm-cache'), path.join(folder, filename)], { cwd: path.join(folder, 'project') });
      assert.equal(installed.code, 0, installed.stderr);
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('npx charter check reports what the repository\'s build reports', () => {
      const project = path.join(folder, 'project');
      const viaNpx = run('npx', ['--no', 'charter', 'check', '--format', 'json', '--offline'], { cwd: project });
      const viaBuild = run(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', '--offline'], { cwd: PLANTED });
      assert.equal(viaNpx.code, 1, viaNpx.stderr);
      const findings = JSON.parse(viaNpx.stdout).findings;
      assert.ok(findings.length > 5);
      assert.deepEqual(findings, JSON.parse(viaBuild.stdout).findings);
    });

    it('npx charter --version prints the package version, and a clean charter passes', () => {
      const project = path.join(folder, 'project');
      assert.equal(run('npx', ['--no', '--', 'charter', '--version'], { cwd: project }).stdout.trim(), manifest.version);
      const clean = run('npx', ['--no', 'charter', 'check', 'people.yaml', '--offline'], { cwd: project });
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, /no problems/);
    });
  });
});
