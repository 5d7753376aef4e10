import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'raci/one-accountable';

describe('raci/one-accountable', () => {
  it('fires once when two people are accountable: on the first, pointing at the other', async () => {
    const text = PROJECT.replace('{ person: raj.patel, role: responsible }', '{ person: raj.patel, role: accountable }');
    const { findings, underlined } = await check(RULE, text);
    assert.deepEqual(underlined, ['accountable']);
    assert.equal(findings[0].message, '2 stakeholders are accountable (jane.doe, raj.patel); exactly one person answers for the outcome. Keep one accountable and make the others responsible or consulted.');
    assert.equal(findings[0].related!.length, 1);
    assert.equal(findings[0].related![0].message, 'also accountable: raj.patel');
    assert.equal(findings[0].related![0].range.start.line, text.split('\n').findIndex((l) => l.includes('raj.patel, role: accountable')));
  });

  it('fires on the stakeholders key when RACI roles are used but nobody is accountable', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('role: accountable', 'role: consulted'));
    assert.deepEqual(underlined, ['stakeholders']);
    assert.match(findings[0].message, /none is accountable/);
  });

  it('accepts the same person listed twice as accountable (boundary)', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('{ person: raj.patel, role: responsible }', '{ person: jane.doe, role: accountable }'))).findings, []);
  });

  it('is quiet when only a sponsor is named, and without stakeholders', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace(/stakeholders:\n( {2}- .*\n)*/, 'stakeholders:\n  - { person: jane.doe, role: sponsor }\n'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace(/stakeholders:\n( {2}- .*\n)*/, ''))).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('role: accountable', 'role: consulted'), { settings: { rules: { 'raci/*': 'off' } } })).findings, []);
  });
});
