import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'schedule/phase-log-order';
const LOG = `phaseLog:
  - { phase: planning, decision: approved, date: 2026-10-01, by: jane.doe }
  - { phase: delivery, decision: approved, date: 2026-12-01, by: jane.doe }
`;

describe('schedule/phase-log-order', () => {
  it('fires on the date of a gate decision dated before the one above it', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('date: 2026-12-01, by', 'date: 2026-09-01, by'));
    assert.deepEqual(underlined, ['2026-09-01']);
    assert.equal(findings[0].message, 'This gate decision (2026-09-01) is dated before the one above it (2026-10-01). Keep the phase log in the order the decisions were taken.');
  });

  it("fires on the phase of an approval that goes back in the policy's order", async () => {
    const text = PROJECT.replace(LOG, `phaseLog:
  - { phase: delivery, decision: approved, date: 2026-10-01, by: jane.doe }
  - { phase: planning, decision: approved, date: 2026-12-01, by: jane.doe }
`);
    const { findings, underlined } = await check(RULE, text);
    assert.deepEqual(underlined, ['planning']);
    assert.match(findings[0].message, /^Phase "planning" is approved after "delivery", which comes later/);
  });

  it('accepts two decisions on the same day, and a rejected step back (boundaries)', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('date: 2026-12-01, by', 'date: 2026-10-01, by'))).findings, []);
    const text = PROJECT.replace(LOG, `${LOG}  - { phase: planning, decision: rejected, date: 2026-12-02, by: jane.doe }\n`);
    assert.deepEqual((await check(RULE, text)).findings, []);
  });

  it('is quiet without a phase log, dates or known phases', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace(LOG, ''))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace(/, date: 2026-1\d-01, by/g, ', by'))).findings, []);
    const unknown = PROJECT.replace(LOG, `phaseLog:\n  - { phase: build, decision: approved, date: 2026-10-01 }\n  - { phase: planning, decision: approved, date: 2026-11-01 }\n`);
    assert.deepEqual((await check(RULE, unknown)).findings, []);
  });

  it("follows the policy's phases (charter.policy)", async () => {
    const text = PROJECT.replace('phase: delivery\nprogramme', 'phase: build\nprogramme').replace(LOG, `phaseLog:
  - { phase: build, decision: approved, date: 2026-10-01 }
  - { phase: design, decision: approved, date: 2026-12-01 }
`);
    assert.deepEqual((await check(RULE, text)).findings, []);
    const { underlined } = await check(RULE, text, { settings: { policy: { phases: ['design', 'build', 'run'] } } });
    assert.deepEqual(underlined, ['design']);
  });
});
