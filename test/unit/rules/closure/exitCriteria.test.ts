import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'closure/exit-criteria';
const CLOSED = PROJECT.replace('status: active', 'status: closed');

describe('closure/exit-criteria', () => {
  it('fires on the status of a closed project without exit criteria', async () => {
    const { findings, underlined } = await check(RULE, CLOSED);
    assert.deepEqual(underlined, ['closed']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, 'A closed project records its exit criteria. Add exitCriteria: the list of conditions that were met to close it.');
  });

  it('fires on the key of an empty list, or a list of blanks (boundary)', async () => {
    assert.deepEqual((await check(RULE, `${CLOSED}exitCriteria: []\n`)).underlined, ['exitCriteria']);
    assert.deepEqual((await check(RULE, `${CLOSED}exitCriteria:\n  - ""\n`)).underlined, ['exitCriteria']);
  });

  it('is quiet for a closed project with criteria, and for any other status', async () => {
    assert.deepEqual((await check(RULE, `${CLOSED}exitCriteria:\n  - Handed over to operations.\n`)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('status: active', 'status: cancelled'))).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.equal((await check(RULE, CLOSED, { settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
  });
});
