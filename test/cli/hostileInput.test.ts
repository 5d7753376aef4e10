// Issue 11: hostile files through the real CLI. Each gives a finding and exit 1, never a crash,
// a stack trace or the usage-error exit code.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, VALID_PROJECT } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');

function check(files: Record<string, string>, ...args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; rule: string }>; summary: { files: number } };
  return { code: result.status, stderr: result.stderr, files: report.summary.files, rules: report.findings.map((f) => `${f.file} ${f.rule}`) };
}

describe('cli: hostile input', function () {
  this.timeout(60_000);

  it('reports compact nesting 2,500 deep as yaml/too-deep and checks the other files', () => {
    const result = check({ 'deep.charter.yaml': `- a: ${'b: '.repeat(2500)}x\n`, 'ok.charter.yaml': VALID_PROJECT });
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    assert.deepEqual(result.rules, ['deep.charter.yaml yaml/too-deep']);
    assert.equal(result.files, 2);
  });

  it('reads charter.files.maxSizeKB from .vscode/settings.json: a larger file gets yaml/too-large only', () => {
    const big = `${VALID_PROJECT}${'# a comment line that makes the charter long\n'.repeat(60)}`;
    const files = { 'big.charter.yaml': big, '.vscode/settings.json': '{ "charter.files.maxSizeKB": 2 }' };
    const limited = check(files);
    assert.equal(limited.code, 1);
    assert.deepEqual(limited.rules, ['big.charter.yaml yaml/too-large']);
    const raised = check({ ...files, '.vscode/settings.json': '{ "charter.files.maxSizeKB": 64 }' });
    assert.deepEqual(raised.rules, []);
  });

  it('gives complex keys and a deep schema a finding each, with no stack trace', () => {
    const result = check({
      'keys.charter.yaml': Array.from({ length: 5 }, (_, i) => `${'['.repeat(100)}${i}${']'.repeat(100)}: x`).join('\n'),
      'schema.charter.yaml': `# yaml-language-server: $schema=./deep.schema.json\ntitle: x\n`,
      'deep.schema.json': '{"allOf":['.repeat(1500) + '{}' + ']}'.repeat(1500),
    });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    assert.deepEqual(result.rules, ['keys.charter.yaml yaml/complex-key', 'schema.charter.yaml schema/unavailable']);
  });
});
