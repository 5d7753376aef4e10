import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'budget/contingency-band';

describe('budget/contingency-band', () => {
  it('fires on the contingency when it is above the band', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('contingency: 60000', 'contingency: 130000'));
    assert.deepEqual(underlined, ['130000']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(
      findings[0].message,
      'Contingency is 15.3 % of the approved budget (130,000 of 850,000 EUR); the policy asks for between 5 % and 15 %. Lower the contingency, or get a waiver.',
    );
  });

  it('fires below the band', async () => {
    const { findings } = await check(RULE, PROJECT.replace('contingency: 60000', 'contingency: 40000'));
    assert.match(findings[0].message, /^Contingency is 4.7 % .* Raise the contingency/);
  });

  it('accepts exactly the minimum and the maximum (boundaries)', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('contingency: 60000', 'contingency: 42500'))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('contingency: 60000', 'contingency: 127500'))).findings, []);
    assert.equal((await check(RULE, PROJECT.replace('contingency: 60000', 'contingency: 42499'))).findings.length, 1);
  });

  it('is quiet without a contingency, or with an approved budget of zero', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('  contingency: 60000\n', ''))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('approved: 850000', 'approved: 0'))).findings, []);
  });

  it('takes the band from the portfolio, and charter.policy over it (one side only)', async () => {
    const portfolio = 'apiVersion: charter/v1\nkind: Portfolio\nid: p\ntitle: P\nobjectives: []\nfunding: []\npolicy:\n  contingency: { minPercent: 10, maxPercent: 20 }\n';
    const files = { 'a.charter.yaml': PROJECT, 'portfolio.yaml': portfolio };
    assert.match((await check(RULE, files)).findings[0].message, /7.1 % .* between 10 % and 20 %/);
    assert.deepEqual((await check(RULE, files, { settings: { policy: { contingency: { minPercent: 7 } } } })).findings, []);
    assert.deepEqual((await check(RULE, files, { settings: { policy: { contingency: { minPercent: null } } } })).findings, []);
  });
});
