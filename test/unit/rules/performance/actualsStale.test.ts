import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'performance/actuals-stale';
const actuals = (asOf?: string) => PROJECT.replace('  contingency: 60000\n', `  contingency: 60000\n  actualToDate: 310000\n${asOf ? `  actualAsOf: ${asOf}\n` : ''}`);

describe('performance/actuals-stale', () => {
  it('fires on actualAsOf when the actuals are older than the cadence', async () => {
    const { findings, underlined } = await check(RULE, actuals('2027-04-13'));
    assert.deepEqual(underlined, ['2027-04-13']);
    assert.equal(
      findings[0].message,
      'The actuals are 32 days old (as of 2027-04-13, today is 2027-05-15); the policy asks for figures at least every 31 days. Update budget.actualToDate and budget.actualAsOf from finance.',
    );
  });

  it('accepts actuals exactly one cadence old (boundary) and follows the policy cadence', async () => {
    assert.deepEqual((await check(RULE, actuals('2027-04-14'))).findings, []);
    assert.equal((await check(RULE, actuals('2027-04-30'), { settings: { policy: { reportingCadenceDays: 14 } } })).findings.length, 1);
  });

  it('asks for a date when the actuals have none', async () => {
    const { findings, underlined } = await check(RULE, actuals());
    assert.deepEqual(underlined, ['actualToDate']);
    assert.match(findings[0].message, /^The actual cost to date has no date/);
  });

  it('is quiet without actuals, with a malformed date (the schema reports it), and for projects that are not live', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, actuals('2027-02-30'))).findings, []);
    assert.deepEqual((await check(RULE, actuals('2026-01-01').replace('status: active', 'status: closed'))).findings, []);
  });
});
