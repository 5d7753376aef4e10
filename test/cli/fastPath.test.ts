// `charter check` reads clean files fast and parses exactly only those with findings; its output must
// be byte for byte what the all-exact run gives, on every workspace of the repository.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { runCheck } from '../../server/src/cli/check';
import { REPO } from '../support/engine';

const WORKSPACES = ['examples', 'test/fixtures/contract', 'test/fixtures/governance', 'test/fixtures/pmo', 'test/fixtures/rules/planted', 'test/fixtures/rules/workspace'];

describe('cli: charter check, fast path', function () {
  this.timeout(120_000);

  for (const folder of WORKSPACES) {
    it(`prints the same JSON and SARIF with and without the fast path in ${folder}`, async () => {
      const cwd = path.join(REPO, folder);
      for (const format of ['json', 'sarif'] as const) {
        const exact = await runCheck({ cwd, paths: [], format, color: false, asOf: '2027-03-01', offline: true, exactOnly: true });
        const fast = await runCheck({ cwd, paths: [], format, color: false, asOf: '2027-03-01', offline: true });
        assert.equal(fast.output, exact.output);
        assert.equal(fast.exitCode, exact.exitCode);
        assert.equal(fast.warnings, exact.warnings);
      }
    });
  }

  it('hands `charter report` exact parses (with ranges) of every checked file', async () => {
    const outcome = await runCheck({ cwd: path.join(REPO, 'examples'), paths: [], format: 'json', color: false, offline: true, exactOnly: true });
    assert.ok(outcome.checked.length > 0);
    for (const { parsed } of outcome.checked) {
      assert.ok(parsed);
      assert.notEqual(parsed.fast, true);
    }
  });
});
