import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

/** The invoice project with actuals and progress measured on 2027-04-30 (116 of 347 planned days). */
function performing(percent: number | string, actual: number | string): string {
  return PROJECT.replace('  contingency: 60000\n', `  contingency: 60000\n  actualToDate: ${actual}\n  actualAsOf: 2027-04-30\n`).replace(
    'stakeholders:\n',
    `progress:\n  percentComplete: ${percent}\n  asOf: 2027-04-30\nstakeholders:\n`,
  );
}

describe('performance/cpi-below', () => {
  const RULE = 'performance/cpi-below';

  it('fires on the actual cost when EV / AC is below 0.9', async () => {
    // EV = 30% x 850,000 = 255,000; CPI = 255,000 / 310,000 = 0.82
    const { findings, underlined } = await check(RULE, performing(30, 310000));
    assert.deepEqual(underlined, ['310000']);
    assert.equal(
      findings[0].message,
      "CPI is 0.82 (earned value 255,000 EUR for actual cost 310,000 EUR on 2027-04-30), below the policy's 0.90. The work done is costing more than planned: say in the status report why, and update the forecast at completion.",
    );
  });

  it('accepts a CPI exactly at the threshold (boundary) and fires just below it', async () => {
    // 255,000 / 0.9 = 283,333.33...: AC 283,333 gives CPI 0.900001, AC 283,334 gives 0.899998
    assert.deepEqual((await check(RULE, performing(30, 283333))).findings, []);
    assert.equal((await check(RULE, performing(30, 283334))).findings.length, 1);
    // EV 255,000 / AC 255,000 * (10/9)... exactly 0.9: EV = 9% x 850,000 = 76,500, AC 85,000
    assert.deepEqual((await check(RULE, performing(9, 85000))).findings, []);
  });

  it('uses policy.cpiThreshold, and is quiet without the data or for projects that are not live', async () => {
    assert.deepEqual((await check(RULE, performing(30, 310000), { settings: { policy: { cpiThreshold: '0.8' } } })).findings, []);
    assert.equal((await check(RULE, performing(30, 250000), { settings: { policy: { cpiThreshold: 1.05 } } })).findings.length, 1);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, performing(30, 0))).findings, []);
    assert.deepEqual((await check(RULE, performing(30, 310000).replace('status: active', 'status: closed'))).findings, []);
  });
});

describe('performance/spi-below', () => {
  const RULE = 'performance/spi-below';

  it('fires on percent complete when EV / PV is below 0.9', async () => {
    // EV 255,000; PV = 850,000 x 116 / 347 = 284,149.86; SPI = 0.897
    const { findings, underlined } = await check(RULE, performing(30, 250000));
    assert.deepEqual(underlined, ['30']);
    assert.equal(
      findings[0].message,
      "SPI is 0.89 (earned value 255,000 EUR against planned value 284,149.86 EUR on 2027-04-30), below the policy's 0.90. Less work is done than planned by now: say in the status report how the project catches up, and update the forecast end.",
    );
  });

  it('is quiet at or above the threshold and follows milestone weights when they are given', async () => {
    // 31% -> EV 263,500 / 284,149.86 = 0.927
    assert.deepEqual((await check(RULE, performing(31, 250000))).findings, []);
    // Weighted: only m-vendor (weight 1 of 4) is due by 2027-04-30, PV = 212,500, SPI = 1.2
    const weighted = performing(30, 250000).replace('status: done }', 'status: done, weight: 1 }').replace('status: planned }', 'status: planned, weight: 3 }');
    assert.deepEqual((await check(RULE, weighted)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
  });
});
