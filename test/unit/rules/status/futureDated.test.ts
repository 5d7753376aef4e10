import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'status/future-dated';

describe('status/future-dated', () => {
  it('fires on a status report, an approval and a phase-log entry dated after today', async () => {
    const text = PROJECT.replace('asOf: 2027-04-30', 'asOf: 2027-05-20')
      .replace('decision: approved, date: 2026-12-01 }\nphaseLog', 'decision: approved, date: 2027-06-01 }\nphaseLog')
      .replace('{ phase: delivery, decision: approved, date: 2026-12-01', '{ phase: delivery, decision: approved, date: 2027-07-01');
    const { findings, underlined } = await check(RULE, text);
    assert.deepEqual(underlined, ['2027-05-20', '2027-06-01', '2027-07-01']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, 'The status report is dated 2027-05-20, after today (2027-05-15). Records say what has happened: correct the date, or record it when it happens.');
  });

  it('accepts records dated today (boundary) and in the past', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('asOf: 2027-04-30', 'asOf: 2027-05-15'))).findings, []);
  });

  it('checks programmes too', async () => {
    const programme = 'apiVersion: charter/v1\nkind: Programme\nid: p\ntitle: P\nowner: jane.doe\nstatusReport:\n  asOf: 2027-06-01\n  rag: green\n';
    assert.deepEqual((await check(RULE, { 'p.programme.yaml': programme })).underlined, ['2027-06-01']);
  });
});
