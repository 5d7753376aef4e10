// Entry of the end-to-end suite, loaded by VS Code's extension host (extensionTestsPath) under
// both runners: scripts/e2e/run-codeserver.mjs (code-server + chromium) and
// scripts/e2e/run-electron.mjs (@vscode/test-electron). esbuild bundles this file, mocha and the
// suites into dist/test/e2e/index.js, so the suites are required statically below instead of
// globbed at run time: add a new `suite/<feature>.test.ts` to SUITES.
//
// Besides mocha's spec reporter it prints one machine-readable line per test (`E2E-TEST`) and a
// final `E2E-RESULT {"passed":N,"failed":M,...}`; the runners read those from the log stream.
import * as fs from 'fs';
import Mocha from 'mocha';

// Each suite is required when run() calls it, after mocha has installed its tdd globals (pre-require): an
// import would evaluate it too early.
/* eslint-disable @typescript-eslint/no-require-imports */
const SUITES: Array<() => unknown> = [
  () => require('./suite/activation.test'),
  () => require('./suite/diagnostics.test'),
  () => require('./suite/editing.test'),
  () => require('./suite/settings.test'),
  () => require('./suite/grammar.test'),
  // Before examples.test, which opens the needs-attention/ charters: it checks findings of closed files.
  () => require('./suite/governance.test'),
  () => require('./suite/examples.test'),
  () => require('./suite/pmoSchemas.test'),
  () => require('./suite/languageFeatures.test'),
  () => require('./suite/portfolio.test'),
  // Before change control on purpose: the server has answered "no repository" for the folder by the
  // time that suite runs git init, and must notice the repository appearing.
  () => require('./suite/pmoRulesets.test'),
  () => require('./suite/changeControl.test'),
  // Last: it restarts the language server, then checks findings come back.
  () => require('./suite/commands.test'),
];
/* eslint-enable @typescript-eslint/no-require-imports */

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.CHARTER_E2E_TEST_TIMEOUT) || 60_000,
    grep: process.env.CHARTER_E2E_GREP || undefined,
  });
  // What mocha.addFile/loadFiles would do for a file on disk: install the tdd globals
  // (suite, test, setup, ...) and then evaluate each suite module, which registers its tests.
  mocha.suite.emit('pre-require', globalThis, 'dist/test/e2e/index.js', mocha);
  for (const load of SUITES) load();

  return new Promise((resolve, reject) => {
    const results: Array<{ title: string; state: string; error?: string; ms?: number }> = [];
    const runner = mocha.run((failures) => {
      const summary = {
        passed: runner.stats?.passes ?? 0,
        failed: runner.stats?.failures ?? failures,
        pending: runner.stats?.pending ?? 0,
        tests: results,
      };
      console.log(`E2E-RESULT ${JSON.stringify({ passed: summary.passed, failed: summary.failed, pending: summary.pending })}`);
      const resultsFile = process.env.CHARTER_E2E_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
      console.log(`E2E-TEST passed ${JSON.stringify(t.fullTitle())}`);
    });
    runner.on('fail', (t, err) => {
      results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.message ?? err) });
      console.log(`E2E-TEST failed ${JSON.stringify(t.fullTitle())}: ${String(err?.message ?? err).split('\n')[0]}`);
    });
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
