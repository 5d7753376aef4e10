#!/usr/bin/env node
// npm run test:screenshots - look at the workbench as a person would and keep pictures of it:
// open the sample portfolio (a copy of examples/), open a charter from needs-attention/, show the
// Problems panel and wait for its Charter findings, save PNGs under test/e2e/screenshots/.
// Also run by `npm run test:e2e` after the suite (takeScreenshots below); each check counts as a
// test in its `N passed, N failed` line.
//
// Options when run directly: --from-source (load the repo instead of the packaged vsix), --skip-build.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  acquireRunLock, build, ensureDir, ensureInstalled, installVsix, launchBrowser, log, packageExtension, prepareUserDataDir, prepareWorkspace,
  printTimings, REPO, RUN_DIR, SCREENSHOT_DIR, startCodeServer, step,
} from './lib.mjs';

const FALLBACK_CHARTER = `apiVersion: charter/v1
kind: Project
id: screenshot-fixture
title: Screenshot fixture
status: actve
sponser: jane.doe
manager: raj.patel
schedule:
  start: 2031-01-06
  end: 2031-12-19
budget:
  currency: EUR
  approved: 100000
`;

/** The charter to show: the first one in needs-attention/ (examples), else a fixture of ours. */
function pickCharter(workspace) {
  const dir = path.join(workspace, 'needs-attention');
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.charter.yaml')).sort() : [];
  if (found.length) return `needs-attention/${found[0]}`;
  log('WARNING: examples/needs-attention/ has no charter; showing a fixture instead');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'screenshot-fixture.charter.yaml'), FALLBACK_CHARTER);
  return 'needs-attention/screenshot-fixture.charter.yaml';
}

/**
 * Drive the workbench; returns { passed, failed }. `extensionsDir` holds the installed vsix; without
 * it the extension at `extensionPath` is loaded as a development extension.
 */
export async function takeScreenshots({ extensionsDir, extensionPath = REPO }) {
  const workspace = prepareWorkspace(path.join(RUN_DIR, 'workspace-ui'));
  const charter = pickCharter(workspace);
  const fromSource = !extensionsDir;
  const server = await startCodeServer({
    name: 'ui', folder: workspace, smokeTestDriver: fromSource,
    userDataDir: prepareUserDataDir(path.join(RUN_DIR, 'user-data-ui')),
    extensionsDir: extensionsDir ?? ensureDir(path.join(RUN_DIR, 'extensions-empty')),
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const shot = (name) => path.join(SCREENSHOT_DIR, name);
  const checks = { passed: 0, failed: 0 };
  const check = (ok, what) => {
    log(`${ok ? 'PASS' : 'FAIL'} UI: ${what}`);
    checks[ok ? 'passed' : 'failed']++;
  };
  let browser;
  try {
    browser = await launchBrowser(path.join(RUN_DIR, 'chromium-ui'));
    const page = browser.pages()[0] ?? await browser.newPage();
    let url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    if (fromSource) {
      const remote = `vscode-remote://${new URL(server.url).host}${extensionPath}`;
      url += `&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', remote]]))}`;
    }
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 }); // cold start on a busy machine
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
    log('workbench up');

    // Open the charter through Quick Open, as a user typing its name would.
    const fileName = path.basename(charter);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 30_000 });
    await input.fill(charter);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab', { hasText: fileName });
    await tab.first().waitFor({ timeout: 30_000 });
    const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
    await page.waitForFunction(() => /charter/i.test(document.querySelector('[id="status.editor.mode"]')?.textContent ?? ''),
      null, { timeout: 30_000 }).catch(() => {});
    const modeText = (await mode.textContent().catch(() => '')) ?? '';
    check(/charter/i.test(modeText), `${charter} opens in the Charter language mode (status bar: "${modeText.trim()}")`);

    // Problems panel (View: Focus Problems)
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: /charter|schema\/|yaml\// });
    const rowsUp = await row.first().waitFor({ timeout: 60_000 }).then(() => true, () => false);
    const rows = await page.locator('.markers-panel .monaco-list-row').allTextContents();
    log(`Problems panel rows: ${JSON.stringify(rows.slice(0, 8))}`);
    check(rowsUp && rows.some((r) => r.includes(fileName) || /schema\/|yaml\//.test(r)),
      `the Problems panel lists Charter findings for ${fileName}`);

    await page.mouse.move(0, 0); // no hover widget in the picture
    await page.waitForTimeout(1000); // let the panel and the squiggles finish painting
    await page.screenshot({ path: shot('charter-problems.png') });
    log(`screenshot ${path.relative(REPO, shot('charter-problems.png'))}`);

    await portfolioScreenshots(page, shot, check);
  } catch (e) {
    check(false, `the workbench could be driven: ${e.message.split('\n')[0]}`);
    await browser?.pages()[0]?.screenshot({ path: shot('ui-error.png') }).catch(() => {});
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  return checks;
}

/** Run a command from the command palette (F1), by its title as a user types it. */
async function runFromPalette(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** The portfolio tree (Focus on Portfolio View) and the dashboard (Open Dashboard): portfolio-tree.png, dashboard.png. */
async function portfolioScreenshots(page, shot, check) {
  const programmes = ['Digital customer', 'Finance transformation', 'Operational resilience'];
  try {
    await runFromPalette(page, 'Charter Portfolio: Focus on Portfolio View');
    const rows = page.locator('.part.sidebar .monaco-list-row');
    await rows.filter({ hasText: programmes[0] }).first().waitFor({ timeout: 60_000 });
    const texts = await rows.allTextContents();
    log(`portfolio tree rows: ${JSON.stringify(texts.slice(0, 8))}`);
    check(programmes.every((p) => texts.some((t) => t.includes(p))), `the portfolio tree shows the programmes ${programmes.join(', ')}`);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot('portfolio-tree.png') });
    log(`screenshot ${path.relative(REPO, shot('portfolio-tree.png'))}`);
  } catch (e) {
    check(false, `the portfolio tree: ${e.message.split('\n')[0]}`);
    await page.screenshot({ path: shot('portfolio-tree.png') }).catch(() => {});
  }
  try {
    await page.keyboard.press('Control+J'); // hide the Problems panel: the dashboard gets the editor area
    await runFromPalette(page, 'Charter: Open Dashboard');
    await page.locator('.tabs-container .tab', { hasText: 'Charter Portfolio' }).first().waitFor({ timeout: 30_000 });
    // The page lives in nested webview iframes: look for the timeline chart in any frame.
    let found;
    for (const deadline = Date.now() + 60_000; !found && Date.now() < deadline;) {
      for (const frame of page.frames()) {
        if (await frame.locator('svg.chart.gantt').count().catch(() => 0)) found = frame;
      }
      if (!found) await page.waitForTimeout(250);
    }
    check(!!found, 'Charter: Open Dashboard shows the dashboard with its timeline chart');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1000); // let the charts finish painting
    // The webview scrolls inside the editor area: make the window tall enough for the whole page, so
    // the picture shows every section (summary to project table), then put the window back.
    const viewport = page.viewportSize();
    const measure = () => found.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
    const [content, visible] = found ? await measure() : [0, 0];
    if (content > visible) {
      await page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + content - visible + 40, 12_000) });
      await page.waitForTimeout(1500);
    }
    const [contentAfter, visibleAfter] = found ? await measure() : [1, 0];
    check(contentAfter <= visibleAfter + 2, `the dashboard screenshot holds the whole page (${contentAfter} px of content, ${visibleAfter} px shown)`);
    await page.screenshot({ path: shot('dashboard.png') });
    log(`screenshot ${path.relative(REPO, shot('dashboard.png'))}`);
    await page.setViewportSize(viewport);
    // The performance section: scroll the webview to it and keep a picture of the charts.
    let performance = false;
    for (const frame of page.frames()) {
      const section = frame.locator('section#performance');
      if (await section.count().catch(() => 0)) {
        await section.scrollIntoViewIfNeeded({ timeout: 10_000 }).catch(() => {});
        performance = (await frame.locator('section#performance svg.chart.scatter circle.dot').count().catch(() => 0)) > 0;
      }
    }
    check(performance, 'the dashboard shows the performance section with a CPI/SPI scatter of the examples');
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot('dashboard-performance.png') });
    log(`screenshot ${path.relative(REPO, shot('dashboard-performance.png'))}`);
  } catch (e) {
    check(false, `the dashboard: ${e.message.split('\n')[0]}`);
    await page.screenshot({ path: shot('dashboard.png') }).catch(() => {});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = new Set(process.argv.slice(2));
  (async () => {
    await acquireRunLock();
    await step('install', () => ensureInstalled());
    if (!argv.has('--skip-build')) await step('build', () => build());
    fs.rmSync(RUN_DIR, { recursive: true, force: true });
    fs.mkdirSync(RUN_DIR, { recursive: true });
    let extensionsDir;
    if (!argv.has('--from-source')) {
      await step('package + install vsix', () => {
        const vsix = path.join(RUN_DIR, 'charter.vsix');
        packageExtension(vsix);
        extensionsDir = path.join(RUN_DIR, 'extensions-vsix');
        installVsix(vsix, extensionsDir, prepareUserDataDir(path.join(RUN_DIR, 'user-data-install')));
      });
    }
    const r = await step('UI screenshots', () => takeScreenshots({ extensionsDir }));
    printTimings();
    console.log(`${r.passed} passed, ${r.failed} failed`);
    process.exit(r.failed ? 1 : 0);
  })().catch((e) => {
    console.error(e?.stack ?? e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
}
