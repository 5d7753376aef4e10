#!/usr/bin/env node
// npm run test:e2e - the end-to-end suite (test/e2e) inside a REAL VS Code extension host:
// code-server (VS Code's server build, from the npm registry) driven by Debian's chromium, on a
// machine that cannot download VS Code itself. Then the UI screenshots (scripts/e2e/screenshots.mjs).
//
//   1. install what it needs, idempotently (apt chromium + libkrb5-dev; Node 24 and code-server
//      into .cache/e2e, reused by the next run)
//   2. npm run build; vsce package; install the vsix into a fresh extensions dir
//   3. copy examples/ to a scratch workspace
//   4. start code-server (own process group, scratch HOME, free loopback port) with the smoke-test
//      driver, open the workbench with extensionDevelopmentPath = the installed vsix contents and
//      extensionTestsPath = dist/test/e2e/index.js, forward the extension host's log, wait for the
//      result; stop the process group
//   5. screenshots (skip with --no-screenshots)
// The last line printed is `N passed, N failed`; the exit code is non-zero on any failure.
//
// Options: --no-screenshots, --from-source (load the repo itself instead of the packaged vsix),
// --skip-build. Env: CHARTER_E2E_TIMEOUT (s, default 600), CHARTER_E2E_GREP (mocha grep),
// CHARTER_E2E_CACHE (cache folder), VERBOSE=1 (all workbench log lines).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import {
  acquireRunLock, build, ensureDir, ensureInstalled, installVsix, launchBrowser, log, LOG_NOISE, packageExtension, prepareUserDataDir,
  prepareWorkspace, printTimings, REPO, RUN_DIR, SCREENSHOT_DIR, startCodeServer, step, TEST_ENTRY,
} from './lib.mjs';
import { takeScreenshots } from './screenshots.mjs';

const argv = new Set(process.argv.slice(2));
const TIMEOUT_S = Number(process.env.CHARTER_E2E_TIMEOUT) || 600;

/** Run the mocha suite in the extension host; returns { passed, failed, reason? }. */
async function runSuite({ extensionPath, workspace, extensionsDir, userDataDir }) {
  const resultsFile = path.join(RUN_DIR, 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const env = { CHARTER_E2E_RESULTS: resultsFile };
  if (process.env.CHARTER_E2E_GREP) env.CHARTER_E2E_GREP = process.env.CHARTER_E2E_GREP;
  const server = await startCodeServer({ name: 'suite', folder: workspace, userDataDir, extensionsDir, smokeTestDriver: true, env });
  let browser;
  const streamed = { passed: 0, failed: 0 }; // from E2E-TEST lines, used if the suite never finishes
  let result;
  try {
    browser = await launchBrowser(path.join(RUN_DIR, 'chromium-suite'));
    const page = browser.pages()[0] ?? await browser.newPage();
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    // The workbench (run with enable-smoke-test-driver) reports the test runner's exit code and
    // every extension-host log line through these two functions on `window`.
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      let line;
      try { line = util.format(...(Array.isArray(args) ? args : [args])); } catch { line = String(args); }
      for (const l of line.split('\n')) {
        const m = /^E2E-(TEST|RESULT) (\S+)(?: (.*))?$/.exec(l);
        if (m?.[1] === 'TEST') streamed[m[2]] = (streamed[m[2]] ?? 0) + 1;
        if (m?.[1] === 'RESULT') { try { result = JSON.parse(m[2] + (m[3] ? ' ' + m[3] : '')); } catch { /* keep streamed */ } }
      }
      // mocha's spec reporter already lists the passes; the machine-readable lines stay quiet
      if (process.env.VERBOSE || !(LOG_NOISE.test(line) || /^E2E-TEST passed /.test(line))) console.log(line);
    });
    if (process.env.VERBOSE) page.on('console', (m) => console.log(`[page] ${m.text()}`));

    const authority = new URL(server.url).host;
    const remote = (p) => `vscode-remote://${authority}${p}`;
    const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(TEST_ENTRY)]];
    // a cold workbench on a busy 2-core machine can take well over playwright's default 30 s
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
      { waitUntil: 'domcontentloaded', timeout: 180_000 });
    log(`workbench opened; waiting up to ${TIMEOUT_S}s for the suite`);

    let timer;
    const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), TIMEOUT_S * 1000); })]);
    clearTimeout(timer);
    if (code === 'timeout') {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'suite-timeout.png') }).catch(() => {});
      return { passed: streamed.passed, failed: streamed.failed + 1, reason: `timed out after ${TIMEOUT_S}s (screenshot test/e2e/screenshots/suite-timeout.png)` };
    }
    log(`codeAutomationExit(${code})`);
    if (!result && fs.existsSync(resultsFile)) result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (!result) return { passed: streamed.passed, failed: streamed.failed + 1, reason: `the suite exited with ${code} without a result line (did index.js load?)` };
    if (code !== 0 && result.failed === 0) return { ...result, failed: 1, reason: `exit code ${code} with no failed test` };
    return result;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

async function main() {
  await acquireRunLock();
  await step('install', () => ensureInstalled());
  if (!argv.has('--skip-build')) await step('build', () => build());

  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const vsix = path.join(RUN_DIR, 'charter.vsix');
  const vsixExtensions = path.join(RUN_DIR, 'extensions-vsix');
  let extensionPath = REPO;
  if (!argv.has('--from-source')) {
    await step('package + install vsix', () => {
      packageExtension(vsix);
      extensionPath = installVsix(vsix, vsixExtensions, prepareUserDataDir(path.join(RUN_DIR, 'user-data-install')));
    });
  }

  // The suite loads the extension as the development extension (only that makes the workbench
  // run extensionTestsPath), from the installed vsix contents, so it tests what ships; the
  // extensions dir of that run stays empty so nothing else loads.
  const suite = await step('suite in the extension host', () => runSuite({
    extensionPath,
    workspace: prepareWorkspace(path.join(RUN_DIR, 'workspace')),
    extensionsDir: ensureDir(path.join(RUN_DIR, 'extensions-empty')),
    userDataDir: prepareUserDataDir(path.join(RUN_DIR, 'user-data-suite')),
  }));
  log(`extension host: ${suite.passed} passed, ${suite.failed} failed${suite.reason ? ` - ${suite.reason}` : ''}`);

  let ui = { passed: 0, failed: 0 };
  if (!argv.has('--no-screenshots')) {
    ui = await step('UI screenshots', () => takeScreenshots({
      extensionsDir: argv.has('--from-source') ? undefined : vsixExtensions,
      extensionPath,
    }));
    log(`UI: ${ui.passed} passed, ${ui.failed} failed`);
  }
  printTimings();
  const passed = suite.passed + ui.passed;
  const failed = suite.failed + ui.failed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err?.stack ?? err);
  printTimings();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
