// `charter check` with PMO schemas from .vscode/settings.json or --config, local and over http.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'pmo');

interface Finding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
}

/** Runs the CLI without blocking this process, so a loopback server in it can answer. */
function charter(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: undefined, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function json(args: string[], cwd: string, env?: Record<string, string | undefined>): Promise<{ code: number | null; findings: Finding[] }> {
  const result = await charter(['check', '--format', 'json', ...args], cwd, env);
  assert.equal(result.stderr, '');
  return { code: result.code, findings: JSON.parse(result.stdout).findings };
}

const summary = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.range.start.line + 1} ${f.severity} ${f.rule}`);

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A project that lacks the costCentre the PMO asks for. */
const PROJECT = fs.readFileSync(path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml'), 'utf8');

describe('cli: charter check with PMO schemas', function () {
  this.timeout(30_000);
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  it('reads charter.schemas and charter.rules from .vscode/settings.json: custom messages, rule ids, severities', async () => {
    const { code, findings } = await json([], FIXTURE);
    assert.equal(code, 1);
    assert.deepEqual(summary(findings.filter((f) => /^(schema|pmo)\//.test(f.rule))), [
      'projects/bad-cost-centre.charter.yaml:8 error pmo/cost-centre-format',
      'projects/bad-cost-centre.charter.yaml:15 warning schema/additionalProperties',
      'projects/no-cost-centre.charter.yaml:1 warning pmo/cost-centre',
    ]);
    assert.equal(findings.find((f) => f.rule === 'pmo/cost-centre')?.message, 'Every Acme project names the costCentre its spend is booked to (like CC-1234). Ask Finance for the code.');
    const stylish = await charter(['check'], FIXTURE);
    assert.match(stylish.stdout, /1:1 {2}warning {2}Every Acme project names the costCentre .* {2}pmo\/cost-centre/);
  });

  it('applies the workspace settings to a single file checked from elsewhere', async () => {
    const { findings } = await json([path.join(FIXTURE, 'projects', 'no-cost-centre.charter.yaml')], REPO);
    assert.ok(findings.some((f) => f.rule === 'pmo/cost-centre'), summary(findings).join('\n'));
  });

  it('takes the settings from --config, relative schema URLs against the workspace', async () => {
    const dir = tempDir('charter-cli-pmo-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(path.join(FIXTURE, '.pmo'), path.join(dir, '.pmo'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'projects'));
    fs.writeFileSync(path.join(dir, 'projects', 'a.charter.yaml'), PROJECT);
    fs.writeFileSync(path.join(dir, 'pmo-settings.json'), '{ /* shipped by the PMO */ "charter.schemas": [{ "fileMatch": ["**/*.charter.yaml"], "url": ".pmo/project.schema.json" }], "charter.rules": { "pmo/*": "error" }, }');
    assert.deepEqual(summary((await json([], dir)).findings.filter((f) => f.rule.startsWith('pmo/'))), [], 'no settings, no PMO schema');
    const { code, findings } = await json(['--config', 'pmo-settings.json'], dir);
    assert.equal(code, 1);
    assert.deepEqual(summary(findings.filter((f) => f.rule.startsWith('pmo/'))), ['projects/a.charter.yaml:1 error pmo/cost-centre']);
  });

  it('a broken schema: one schema/unavailable per file on line 1, exit 1, no crash', async () => {
    const dir = tempDir('charter-cli-broken-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "charter.schemas": [{ "fileMatch": ["*.charter.yaml"], "url": "pmo.json" }] }');
    fs.writeFileSync(path.join(dir, 'pmo.json'), '{ "allOf": [ { "$ref": "https://charter.dev/schemas/v1/project.json" } ], ');
    fs.writeFileSync(path.join(dir, 'a.charter.yaml'), PROJECT);
    fs.writeFileSync(path.join(dir, 'b.charter.yaml'), PROJECT);
    const { code, findings } = await json([], dir);
    assert.equal(code, 1);
    assert.deepEqual(summary(findings.filter((f) => f.rule.startsWith('schema/'))), ['a.charter.yaml:1 error schema/unavailable', 'b.charter.yaml:1 error schema/unavailable']);
    assert.match(findings[0].message, /^The schema pmo\.json \(from the charter\.schemas setting\) cannot be used: it is not valid JSON \(line 1, column \d+: /);
  });

  describe('remote schemas', () => {
    async function remoteWorkspace() {
      let hits = 0;
      const server = http.createServer((req, res) => {
        hits++;
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          return res.end();
        }
        res.writeHead(200, { etag: '"v1"' });
        res.end(JSON.stringify({ allOf: [{ $ref: 'https://charter.dev/schemas/v1/project.json' }], required: ['costCentre'], 'x-rule': 'pmo/cost-centre', errorMessage: { required: { costCentre: 'Name the costCentre.' } } }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/project.json`;
      const dir = tempDir('charter-cli-remote-');
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'charter.schemas': [{ fileMatch: ['*.charter.yaml'], url }] }));
      fs.writeFileSync(path.join(dir, 'a.charter.yaml'), PROJECT);
      const cache = tempDir('charter-xdg-');
      const closed = { done: false };
      const close = () => (closed.done ? undefined : ((closed.done = true), new Promise<void>((resolve) => server.close(() => resolve()))));
      cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }), () => fs.rmSync(cache, { recursive: true, force: true }), close);
      return { dir, cache, hits: () => hits, close };
    }

    it('downloads into $XDG_CACHE_HOME/charter, revalidates with the ETag, and uses the copy when the server is gone', async () => {
      const remote = await remoteWorkspace();
      const env = { XDG_CACHE_HOME: remote.cache };
      const first = await json([], remote.dir, env);
      assert.deepEqual(first.findings.map((f) => [f.rule, f.message]), [['pmo/cost-centre', 'Name the costCentre.']]);
      assert.ok(fs.readdirSync(path.join(remote.cache, 'charter')).some((f) => f.endsWith('.schema.json')));
      await json([], remote.dir, env);
      assert.equal(remote.hits(), 2);

      await remote.close();
      const offline = await json([], remote.dir, env);
      assert.deepEqual(offline.findings.map((f) => `${f.severity} ${f.rule}`), ['error pmo/cost-centre', 'info schema/cached']);
      assert.match(offline.findings[1].message, /could not be downloaded \(nothing answers at 127\.0\.0\.1:\d+ \(connection refused\)\), so the copy saved on .* UTC is used/);
    });

    it('--offline never downloads: the cached copy, or one clear finding without one', async () => {
      const remote = await remoteWorkspace();
      const empty = await json(['--offline'], remote.dir, { XDG_CACHE_HOME: remote.cache });
      assert.deepEqual(empty.findings.map((f) => f.rule), ['schema/unavailable']);
      assert.match(empty.findings[0].message, /cannot be used: it was not downloaded because charter check runs with --offline, and no copy of it is cached\./);
      assert.equal(empty.code, 1);
      assert.equal(remote.hits(), 0);

      await json([], remote.dir, { XDG_CACHE_HOME: remote.cache });
      const cached = await json(['--offline'], remote.dir, { XDG_CACHE_HOME: remote.cache });
      assert.deepEqual(cached.findings.map((f) => f.rule), ['pmo/cost-centre', 'schema/cached']);
      assert.match(cached.findings[1].message, /could not be downloaded \(charter check runs with --offline\)/);
      assert.equal(remote.hits(), 1);
    });

    it('without $XDG_CACHE_HOME caches in .charter-cache/ in the workspace, which it never checks', async () => {
      const remote = await remoteWorkspace();
      await json([], remote.dir);
      assert.ok(fs.readdirSync(path.join(remote.dir, '.charter-cache')).length > 0);
      const { findings } = await json([], remote.dir);
      assert.ok(findings.every((f) => !f.file.startsWith('.charter-cache')));
      assert.match((await charter(['--help'], remote.dir)).stdout, /--offline/);
    });
  });
});
