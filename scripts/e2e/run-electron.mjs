#!/usr/bin/env node
// npm run test:electron - the same end-to-end suite (test/e2e) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (contributors' laptops, public
// CI). Where VS Code cannot be downloaded use `npm run test:e2e` (code-server, see E2E notes in
// scripts/e2e/run-codeserver.mjs).
//
// Env: VSCODE_VERSION (default "stable"), VSCODE_EXECUTABLE (use an installed VS Code instead of
// downloading one), CHARTER_E2E_GREP (mocha grep). The last line printed is `N passed, N failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, prepareWorkspace, REPO, TEST_ENTRY } from './lib.mjs';

async function main() {
  build();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-e2e-electron-'));
  try {
    const workspace = prepareWorkspace(path.join(scratch, 'workspace'));
    const resultsFile = path.join(scratch, 'results.json');
    const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');

    let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
    if (!vscodeExecutablePath) {
      try {
        vscodeExecutablePath = await downloadAndUnzipVSCode({
          version: process.env.VSCODE_VERSION || 'stable',
          cachePath: path.join(REPO, '.cache', 'vscode-test'),
        });
      } catch (e) {
        console.error(`\nCould not download VS Code (${e?.message ?? e}).\n` +
          'This machine cannot reach the VS Code update server (offline?). Set VSCODE_EXECUTABLE to an installed\n' +
          'VS Code, or run the same suite in code-server with `npm run test:e2e`.');
        return { passed: 0, failed: 1 };
      }
    }

    let exitCode;
    try {
      exitCode = await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: REPO,
        extensionTestsPath: TEST_ENTRY,
        extensionTestsEnv: {
          CHARTER_E2E_RESULTS: resultsFile,
          ...(process.env.CHARTER_E2E_GREP ? { CHARTER_E2E_GREP: process.env.CHARTER_E2E_GREP } : {}),
        },
        launchArgs: [
          workspace,
          '--disable-extensions', // other installed extensions stay out; the development extension still loads
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--user-data-dir', path.join(scratch, 'user-data'),
          '--extensions-dir', path.join(scratch, 'extensions'),
        ],
      });
    } catch (e) {
      // runTests rejects when VS Code exits non-zero (a failing test included)
      console.error(e?.message ?? e);
      exitCode = 1;
    }
    if (!fs.existsSync(resultsFile)) {
      console.error(`The suite wrote no results (VS Code exited with ${exitCode}).`);
      return { passed: 0, failed: 1 };
    }
    const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (exitCode !== 0 && result.failed === 0) result.failed = 1;
    return result;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(({ passed, failed }) => {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}, (e) => {
  console.error(e?.stack ?? e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
