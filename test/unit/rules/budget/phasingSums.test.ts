import { strict as assert } from 'node:assert';
import { check, PROJECT } from '../harness';

const RULE = 'budget/phasing-sums';
const phased = (a: number, b: number, yearB = 2028) =>
  PROJECT.replace('  contingency: 60000\n', `  contingency: 60000\n  phasing:\n    - { fiscalYear: 2027, amount: ${a} }\n    - { fiscalYear: ${yearB}, amount: ${b} }\n`);

describe('budget/phasing-sums', () => {
  it('fires on the approved amount when the phasing does not add up to it', async () => {
    const { findings, underlined } = await check(RULE, phased(500000, 300000));
    assert.deepEqual(underlined, ['850000']);
    assert.equal(findings[0].message, 'The phasing adds up to 800,000 EUR, 50,000 EUR less than the approved budget of 850,000 EUR. Correct a year\'s amount, or the approved budget.');
    assert.match((await check(RULE, phased(500000, 350001))).findings[0].message, /1 EUR more/);
  });

  it('accepts phasing that adds up exactly (boundary), and no phasing at all', async () => {
    assert.deepEqual((await check(RULE, phased(500000, 350000))).findings, []);
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
  });

  it('reports a fiscal year phased twice', async () => {
    const { findings } = await check(RULE, phased(500000, 350000, 2027));
    assert.deepEqual(findings.map((f) => f.message), ['Fiscal year 2027 is phased twice. Merge the two amounts into one entry.']);
  });
});
