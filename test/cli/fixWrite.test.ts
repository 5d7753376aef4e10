import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../server/src/cli/check';
import { REPO, VALID_PROJECT } from '../support/engine';

// `charter check --fix` writes back only what it fixed: other bytes survive, a file edited meanwhile
// is left alone, a file that cannot be written is a finding and the other files are still fixed.
const CLI = path.join(REPO, 'dist', 'cli.js');
const BROKEN = VALID_PROJECT.replace('status: active', 'status: actve');

function charter(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-fixwrite-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

type Report = { findings: Array<{ file: string; rule: string; message: string }> };

describe('cli: charter check --fix writes safely', function () {
  this.timeout(30_000);

  it('a read-only file gets a finding and stays as it was; the other files are still fixed', () => {
    const dir = workspace({ 'a.charter.yaml': BROKEN, 'b.charter.yaml': BROKEN.replace('id: fin-invoice-automation', 'id: fin-invoice-scanning') });
    fs.chmodSync(path.join(dir, 'a.charter.yaml'), 0o444);
    const result = charter(['check', '--fix', '--format', 'json'], dir);
    assert.equal(result.stderr, 'Fixed 1 problem in 1 file:\n  b.charter.yaml:5  schema/enum  actve -> active\n\n', 'the fixes made are listed, no stack trace');
    assert.equal(result.code, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'a.charter.yaml'), 'utf8'), BROKEN);
    assert.equal(fs.statSync(path.join(dir, 'a.charter.yaml')).mode & 0o777, 0o444);
    assert.equal(fs.readFileSync(path.join(dir, 'b.charter.yaml'), 'utf8'), VALID_PROJECT.replace('id: fin-invoice-automation', 'id: fin-invoice-scanning'));
    const report = JSON.parse(result.stdout) as Report;
    const a = report.findings.filter((f) => f.file === 'a.charter.yaml');
    assert.deepEqual(a.map((f) => f.rule).sort(), ['fix/not-written', 'schema/enum']);
    assert.match(a.find((f) => f.rule === 'fix/not-written')!.message, /^The fixes were not written: the file is read-only\./);
    assert.deepEqual(report.findings.filter((f) => f.file === 'b.charter.yaml'), []);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.charter.yaml', 'b.charter.yaml'], 'no temporary file left behind');
  });

  it('keeps a UTF-8 BOM and the file mode', () => {
    const dir = workspace({ 'p.charter.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BROKEN)]) });
    fs.chmodSync(path.join(dir, 'p.charter.yaml'), 0o640);
    assert.equal(charter(['check', '--fix'], dir).code, 0);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'p.charter.yaml')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VALID_PROJECT)]));
    assert.equal(fs.statSync(path.join(dir, 'p.charter.yaml')).mode & 0o777, 0o640);
  });

  it('writes a linked charter where it lives and keeps the link', () => {
    const dir = workspace({ 'shared.yaml': BROKEN });
    fs.symlinkSync(path.join(dir, 'shared.yaml'), path.join(dir, 'p.charter.yaml'));
    assert.equal(charter(['check', '--fix', 'p.charter.yaml'], dir).code, 0);
    assert.ok(fs.lstatSync(path.join(dir, 'p.charter.yaml')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'shared.yaml'), 'utf8'), VALID_PROJECT);
  });

  it('does not rewrite a file with bytes that are not UTF-8: a finding, and every byte as it was', () => {
    const bytes = Buffer.concat([Buffer.from('# Budget owner: Fran'), Buffer.from([0xe7]), Buffer.from('ois (Latin-1)\n'), Buffer.from(BROKEN)]);
    const dir = workspace({ 'p.charter.yaml': bytes });
    const result = charter(['check', '--fix', '--format', 'json'], dir);
    assert.equal(result.stderr, '');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'p.charter.yaml')), bytes);
    const report = JSON.parse(result.stdout) as Report;
    assert.match(report.findings.find((f) => f.rule === 'fix/not-written')!.message, /bytes that are not UTF-8/);
  });

  it('leaves alone a file that was edited while the check ran (here: while its schema downloaded)', async () => {
    const dir = workspace({});
    const file = path.join(dir, 'p.charter.yaml');
    let edited = '';
    const server = http.createServer((_req, res) => {
      fs.writeFileSync(file, edited); // the concurrent edit, while charter check waits for the schema
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'object', properties: { status: { enum: ['active', 'closed'] } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/project.schema.json`;
      fs.writeFileSync(file, `# yaml-language-server: $schema=${url}\n${BROKEN}`);
      edited = `# yaml-language-server: $schema=${url}\n${BROKEN}# added by a colleague meanwhile\n`;
      const outcome = await runCheck({ cwd: dir, paths: [], format: 'json', color: false, fix: true, cacheDir: path.join(dir, '.cache') });
      assert.equal(fs.readFileSync(file, 'utf8'), edited, 'the concurrent edit is kept');
      const rules = outcome.results.flatMap((r) => r.findings.map((f) => f.rule));
      assert.ok(rules.includes('fix/not-written'), rules.join(', '));
      assert.match(outcome.results[0].findings.find((f) => f.rule === 'fix/not-written')!.message, /changed while charter check ran/);
    } finally {
      server.close();
    }
  });
});
