import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'performance/forecast-beyond-tolerance';
const withAuthority = (yaml: string) => yaml.replace('objectives:\n', 'authority:\n  budgetTolerancePercent: 5\n  scheduleToleranceDays: 10\nobjectives:\n');
const forecast = (cost: string | number, end = '2027-12-17') =>
  withAuthority(PROJECT).replace('  end: 2027-12-17\n', `  end: 2027-12-17\n  forecastEnd: ${end}\n`).replace('  contingency: 60000\n', `  contingency: 60000\n  forecastAtCompletion: ${cost}\n`);

describe('performance/forecast-beyond-tolerance', () => {
  it('fires on a forecast cost beyond the budget tolerance, asking for an exception report', async () => {
    // 850,000 + 5% = 892,500
    const { findings, underlined } = await check(RULE, forecast(900000));
    assert.deepEqual(underlined, ['900000']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(
      findings[0].message,
      'The forecast at completion, 900,000 EUR, is 50,000 EUR (5.9%) over the approved 850,000 EUR, beyond the 5% tolerance. An exception report to the sponsor is needed: ask for a decision, or bring the forecast back within tolerance.',
    );
  });

  it('accepts a forecast exactly at the tolerance and fires a cent over it (boundary, exact money)', async () => {
    assert.deepEqual((await check(RULE, forecast(892500))).findings, []);
    const over = await check(RULE, forecast('"892500.01"'));
    assert.deepEqual(over.underlined, ['"892500.01"']);
    assert.match(over.findings[0].message, /42,500.01 EUR \(5.1%\) over/);
  });

  it('fires on a forecast end beyond the schedule tolerance, not on one at it', async () => {
    assert.deepEqual((await check(RULE, forecast(850000, '2027-12-27'))).findings, []);
    const late = await check(RULE, forecast(850000, '2027-12-28'));
    assert.deepEqual(late.underlined, ['2027-12-28']);
    assert.match(late.findings[0].message, /^The forecast end, 2027-12-28, is 11 days after the planned end 2027-12-17, beyond the 10-day tolerance\. An exception report to the sponsor is needed/);
  });

  it('gives a charter without tolerances none: any overrun or slip is beyond it', async () => {
    const noAuthority = forecast('"850000.01"', '2027-12-18').replace(/authority:\n( {2}.*\n)+/, '');
    const { findings } = await check(RULE, noAuthority);
    assert.equal(findings.length, 2);
    const messages = findings.map((f) => f.message).join('\n');
    assert.match(messages, /is 1 day after the planned end 2027-12-17, and the charter sets no tolerance \(authority.scheduleToleranceDays\)/);
    assert.match(messages, /is 0.01 EUR \(0.1%\) over the approved 850,000 EUR, and the charter sets no tolerance \(authority.budgetTolerancePercent\)/);
  });

  it('is quiet within tolerance, without forecasts, and for projects that are not live', async () => {
    assert.deepEqual((await check(RULE, forecast(850000, '2027-12-01'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    for (const status of ['proposed', 'closed', 'cancelled']) {
      assert.deepEqual((await check(RULE, forecast(2000000, '2029-01-01').replace('status: active', `status: ${status}`))).findings, [], status);
    }
  });
});
