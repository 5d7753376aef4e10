import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'objectives/measurable';

describe('objectives/measurable', () => {
  it('fires on the objective, naming what is missing', async () => {
    const text = PROJECT.replace('    metric: cost per invoice (EUR)\n', '').replace('    targetDate: 2027-09-30\n', '');
    const { findings, underlined } = await check(RULE, text);
    assert.deepEqual(underlined, ['id']);
    assert.deepEqual(findings[0].range.start, { line: 10, character: 4 });
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'Objective obj-cost is not measurable yet: add metric and targetDate.');
  });

  it('accepts zero as a baseline or target (boundary) and text measures', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('baseline: 4.10', 'baseline: 0'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('target: 1.20', 'target: "under 1.20"'))).findings, []);
  });

  it('treats an empty value as missing', async () => {
    assert.match((await check(RULE, PROJECT.replace('metric: cost per invoice (EUR)', 'metric: ""'))).findings[0].message, /add metric\.$/);
  });

  it('is quiet without objectives', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace(/objectives:\n( {4}.*\n| {2}- .*\n)*/, ''))).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('    baseline: 4.10\n', ''), { settings: { rules: { [RULE]: 'off' } } })).findings, []);
  });
});
