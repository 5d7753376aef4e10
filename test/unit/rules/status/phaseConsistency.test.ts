import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'status/phase-consistency';

describe('status/phase-consistency', () => {
  it('fires on the phase of a closed project that is not in the last phase', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('status: active', 'status: closed'));
    assert.deepEqual(underlined, ['delivery']);
    assert.equal(findings[0].message, 'A closed project is in the last phase, "closure", but this one says "delivery". Set phase: closure, or correct the status.');
  });

  it('fires on a proposed project past the first phase', async () => {
    const { findings } = await check(RULE, PROJECT.replace('status: active', 'status: proposed'));
    assert.match(findings[0].message, /A proposed project is in the first phase, "initiation"/);
  });

  it('accepts the first and last phases (boundary), any phase while live, and leaves unknown phases to phase-in-policy', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('status: active', 'status: closed').replace('phase: delivery', 'phase: closure'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('status: active', 'status: proposed').replace('phase: delivery', 'phase: initiation'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('status: active', 'status: closed').replace('phase: delivery', 'phase: wrap-up'))).findings, []);
  });
});
