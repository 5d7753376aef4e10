import { strict as assert } from 'node:assert';
import { applyEdits, check, PROJECT } from '../harness';

const RULE = 'status/phase-in-policy';

describe('status/phase-in-policy', () => {
  it('fires on a phase the policy does not list, with a did-you-mean fix', async () => {
    const text = PROJECT.replace('phase: delivery\nprogramme', 'phase: delivry\nprogramme');
    const { findings, underlined, uri } = await check(RULE, text);
    assert.deepEqual(underlined, ['delivry']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, '"delivry" is not a phase of the policy (initiation, planning, delivery, closure). Did you mean "delivery"?');
    assert.equal(findings[0].fixes![0].title, 'Change to "delivery"');
    assert.deepEqual((await check(RULE, applyEdits(text, findings[0].fixes![0].edits[uri]))).findings, []);
  });

  it('checks the phases of the phase log too', async () => {
    const { underlined, findings } = await check(RULE, PROJECT.replace('{ phase: planning,', '{ phase: discovery,'));
    assert.deepEqual(underlined, ['discovery']);
    assert.equal(findings[0].fixes, undefined);
  });

  it('is quiet on policy phases and without a phase', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('phase: delivery\nprogramme', 'programme'))).findings, []);
  });

  it("follows the portfolio's phases, and charter.policy over them", async () => {
    const text = PROJECT.replace('phase: delivery\nprogramme', 'phase: build\nprogramme').replace(/phaseLog:\n( {2}- .*\n)*/, '');
    const portfolio = 'apiVersion: charter/v1\nkind: Portfolio\nid: p\ntitle: P\nobjectives: []\nfunding: []\npolicy:\n  phases: [design, build, run]\n';
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': text, 'portfolio.yaml': portfolio })).findings, []);
    const overridden = await check(RULE, { 'a.charter.yaml': text, 'portfolio.yaml': portfolio }, { settings: { policy: { phases: ['plan', 'do'] } } });
    assert.deepEqual(overridden.underlined, ['build']);
  });
});
