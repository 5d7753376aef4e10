// The extension as the Marketplace and Open VSX take it: a complete manifest, and a .vsix that vsce packs
// with no warning flag and that holds only what runs.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/engine';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const VSCE = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

describe('Marketplace package', function () {
  this.timeout(120_000);

  it('has an icon, a repository, bugs and homepage links, a banner, categories and keywords', () => {
    const icon = fs.readFileSync(path.join(REPO, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    assert.equal(manifest.repository.url, 'https://github.com/charter-dev/charter.git');
    assert.equal(manifest.bugs.url, 'https://github.com/charter-dev/charter/issues');
    assert.match(manifest.homepage, /^https:\/\/github\.com\/charter-dev\/charter/);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    const known = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing'];
    for (const category of manifest.categories) assert.ok(known.includes(category), category);
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30);
    assert.equal(manifest.publisher, 'charter-dev');
    assert.equal(manifest.license, 'MIT');
  });

  it('shows README screenshots that are committed, small PNGs', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, images.join(', '));
    for (const image of images) {
      assert.match(image, /^images\/screenshots\/[\w-]+\.png$/);
      assert.ok(fs.statSync(path.join(REPO, image)).size < 300 * 1024, image);
    }
  });

  it('packs with vsce without --allow-missing-repository, holding only what runs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-vsix-'));
    try {
      const out = path.join(dir, 'charter.vsix');
      const packed = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', out], { cwd: REPO, encoding: 'utf8', input: '' });
      assert.equal(packed.status, 0, packed.stdout + packed.stderr);
      assert.doesNotMatch(packed.stdout + packed.stderr, /WARNING/i);
      const listed = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' });
      const files = listed.stdout.trim().split('\n');
      for (const required of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js', 'images/icon.png', 'syntaxes/charter.tmLanguage.json', 'docs/rules/README.md']) {
        assert.ok(files.includes(required), required);
      }
      const unexpected = files.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/(web\/)?(extension|server)\.js|schemas\/[\w-]+\.schema\.json|syntaxes\/[\w.-]+\.json|docs\/rules\/[\w/-]+\.md|images\/icon\.png|media\/[\w.-]+)$/.test(f));
      assert.deepEqual(unexpected, []);
      assert.ok(fs.statSync(out).size < 2 * 1024 * 1024, `${fs.statSync(out).size} bytes`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
