import { strict as assert } from 'node:assert';
import { applyEdits, check, PROJECT } from '../harness';

const RULE = 'schedule/start-before-end';

describe('schedule/start-before-end', () => {
  it('fires on the end date when the schedule ends before it starts', async () => {
    const text = PROJECT.replace('end: 2027-12-17', 'end: 2026-12-17');
    const { findings, underlined } = await check(RULE, text);
    assert.equal(findings.length, 1);
    assert.deepEqual(underlined, ['2026-12-17']);
    assert.deepEqual(findings[0].range, { start: { line: 19, character: 7 }, end: { line: 19, character: 17 } });
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].docs, 'docs/rules/schedule/start-before-end.md');
    assert.equal(findings[0].message, 'The schedule ends (2026-12-17) before it starts (2027-01-04). Swap the dates, or correct the one that is wrong.');
  });

  it('offers to swap start and end, touching only the two values (quotes and comments kept)', async () => {
    const text = PROJECT.replace('  start: 2027-01-04\n  end: 2027-12-17', '  start: "2027-12-17"  # signed\n  end: 2027-01-04');
    const { findings } = await check(RULE, text);
    const fix = findings[0].fixes![0];
    assert.equal(fix.title, 'Swap start and end');
    const fixed = applyEdits(text, fix.edits[findings[0].uri]);
    assert.ok(fixed.includes('  start: 2027-01-04  # signed\n  end: "2027-12-17"\n'));
    assert.equal(fixed.replace('  start: 2027-01-04  # signed\n  end: "2027-12-17"\n', ''), text.replace('  start: "2027-12-17"  # signed\n  end: 2027-01-04\n', ''));
    assert.deepEqual((await check(RULE, fixed)).findings, []);
  });

  it('is quiet on a valid schedule, and on a one-day project (boundary)', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('end: 2027-12-17', 'end: 2027-01-04'))).findings, []);
  });

  it('is quiet when a date is missing or malformed (the schema reports those)', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('  end: 2027-12-17\n', ''))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('end: 2027-12-17', 'end: 17/12/2026'))).findings, []);
  });

  it('takes its severity from charter.rules', async () => {
    const text = PROJECT.replace('end: 2027-12-17', 'end: 2026-12-17');
    assert.equal((await check(RULE, text, { settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
    assert.deepEqual((await check(RULE, text, { settings: { rules: { 'schedule/*': 'off' } } })).findings, []);
  });
});
