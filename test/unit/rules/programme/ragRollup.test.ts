import { strict as assert } from 'node:assert';
import { check, otherProject, PROGRAMME } from '../harness';

const RULE = 'programme/rag-rollup';
const TARGET = { target: 'finance.programme.yaml' };
const programme = (rag: string) => `${PROGRAMME}statusReport:\n  asOf: 2027-05-01\n  rag: ${rag}\n`;
const project = (id: string, rag: string, status = 'active') =>
  otherProject(id).replace('status: active', `status: ${status}`) + `statusReport:\n  asOf: 2027-05-01\n  rag: ${rag}\n  commentary: ok\n  recoveryPlan: yes\n`;

describe('programme/rag-rollup', () => {
  it("fires on the programme's RAG when a live project is worse", async () => {
    const files = { 'finance.programme.yaml': programme('green'), 'a.charter.yaml': project('a', 'red'), 'b.charter.yaml': project('b', 'amber') };
    const { findings, underlined } = await check(RULE, files, TARGET);
    assert.deepEqual(underlined, ['green']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'The programme reports green, but a is red, b is amber. A programme is no greener than its worst project: report red, or bring the project back on track.');
    assert.deepEqual(findings[0].related!.map((r) => r.message), ['a is red', 'b is amber']);
  });

  it('accepts a programme as bad as its worst project, or worse (boundary)', async () => {
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': programme('amber'), 'a.charter.yaml': project('a', 'amber') }, TARGET)).findings, []);
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': programme('red'), 'a.charter.yaml': project('a', 'green') }, TARGET)).findings, []);
  });

  it('ignores closed and cancelled projects', async () => {
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': programme('green'), 'a.charter.yaml': project('a', 'red', 'closed') }, TARGET)).findings, []);
  });

  it('is quiet when the programme states no RAG, or no project reports one', async () => {
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': project('a', 'red') }, TARGET)).findings, []);
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': programme('green'), 'a.charter.yaml': otherProject('a') }, TARGET)).findings, []);
  });

  it('honours charter.rules', async () => {
    const files = { 'finance.programme.yaml': programme('green'), 'a.charter.yaml': project('a', 'red') };
    assert.equal((await check(RULE, files, { ...TARGET, settings: { rules: { 'programme/*': 'error' } } })).findings[0].severity, 'error');
  });
});
