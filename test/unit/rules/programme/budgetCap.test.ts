import { strict as assert } from 'node:assert';
import { check, otherProject, PROGRAMME, PROJECT, ROOT } from '../harness';

const RULE = 'programme/budget-cap';
const TARGET = { target: 'finance.programme.yaml' };
const project = (id: string, approved: number, extra = '') => otherProject(id).replace('approved: 200000', `approved: ${approved}`) + extra;

describe('programme/budget-cap', () => {
  it("fires on the programme's cap when its projects add up to more, listing them", async () => {
    const files = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000) };
    const { findings, underlined } = await check(RULE, files, TARGET);
    assert.deepEqual(underlined, ['2000000']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(
      findings[0].message,
      "The 2 projects of finance add up to 2,050,000 EUR, 50,000 EUR above its cap of 2,000,000 EUR. Raise the cap, or bring a project's budget down.",
    );
    assert.deepEqual(
      findings[0].related!.map((r) => [r.uri, r.message]),
      [
        [`${ROOT}a.charter.yaml`, 'fin-invoice: 850,000 EUR'],
        [`${ROOT}b.charter.yaml`, 'b: 1,200,000 EUR'],
      ],
    );
  });

  it('accepts projects adding up to exactly the cap (boundary)', async () => {
    const files = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1150000) };
    assert.deepEqual((await check(RULE, files, TARGET)).findings, []);
  });

  it('leaves out cancelled projects and those of other programmes; says when currencies differ', async () => {
    const cancelled = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000).replace('status: active', 'status: cancelled') };
    assert.deepEqual((await check(RULE, cancelled, TARGET)).findings, []);
    const elsewhere = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000).replace('programme: finance', 'programme: other') };
    assert.deepEqual((await check(RULE, elsewhere, TARGET)).findings, []);
    const usd = { 'finance.programme.yaml': PROGRAMME, 'a.charter.yaml': PROJECT, 'b.charter.yaml': project('b', 1200000), 'c.charter.yaml': project('c', 5).replace('currency: EUR', 'currency: USD') };
    assert.match((await check(RULE, usd, TARGET)).findings[0].message, /\(1 in other currencies not counted\.\)/);
  });

  it('is quiet without a cap or without member projects', async () => {
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': PROGRAMME.replace('  cap: 2000000\n', ''), 'b.charter.yaml': project('b', 9000000) }, TARGET)).findings, []);
    assert.deepEqual((await check(RULE, { 'finance.programme.yaml': PROGRAMME }, TARGET)).findings, []);
  });

  it('honours charter.rules', async () => {
    const files = { 'finance.programme.yaml': PROGRAMME, 'b.charter.yaml': project('b', 3000000) };
    assert.equal((await check(RULE, files, { ...TARGET, settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
  });
});
