import { strict as assert } from 'node:assert';
import { candidateSpellings, onlyAccepted, replaceAt, yamlScalarText } from '../../server/src/engine/services/valueRepairs';

describe('valueRepairs', () => {
  it('reads the common spellings of a percentage, a code and an amount', () => {
    assert.deepEqual(candidateSpellings('50%'), [50]);
    assert.deepEqual(candidateSpellings('eur'), ['EUR']);
    assert.deepEqual(candidateSpellings('1,500,000'), [1500000]);
    assert.deepEqual(candidateSpellings('850 000'), [850000]);
    assert.deepEqual(candidateSpellings('850\u00a0000'), [850000]);
    assert.deepEqual(candidateSpellings('€850k'), [850000]);
    assert.deepEqual(candidateSpellings('1.2m'), [1200000]);
    assert.deepEqual(candidateSpellings('EUR 1,250.50'), ['1250.50']);
    assert.deepEqual(candidateSpellings('1.500.000'), [1500000]);
    assert.deepEqual(candidateSpellings('€850000'), [850000]);
  });

  it('offers nothing for a value that can be read two ways, or is not a spelling of one (boundaries)', () => {
    for (const value of ['1,5', '1.500', '1,500.000,5', '1,50,000', 'EUR', 'twelve', '', 850000, '1.0005k', 'x'.repeat(41)]) {
      assert.deepEqual(candidateSpellings(value), [], String(value));
    }
  });

  it('keeps a repair only when exactly one candidate is accepted', () => {
    assert.equal(onlyAccepted([1, 2], (c) => c === 2), 2);
    assert.equal(onlyAccepted([1, 2], () => true), undefined);
    assert.equal(onlyAccepted([1, 2], () => false), undefined);
  });

  it('writes a repaired value as YAML reads it back, keeping the quotes it had', () => {
    assert.equal(yamlScalarText(850000), '850000');
    assert.equal(yamlScalarText('EUR'), 'EUR');
    assert.equal(yamlScalarText('EUR', '"'), '"EUR"');
    assert.equal(yamlScalarText("it's", "'"), "'it''s'");
    assert.equal(yamlScalarText('1250.50'), '"1250.50"');
    assert.equal(yamlScalarText('no'), '"no"');
  });

  it('replaces a value at a path in a copy, never in the original', () => {
    const original = { budget: { approved: '1,500' }, list: [1, 2] };
    assert.deepEqual(replaceAt(original, ['budget', 'approved'], 1500), { budget: { approved: 1500 }, list: [1, 2] });
    assert.deepEqual(replaceAt(original, ['list', 1], 3), { budget: { approved: '1,500' }, list: [1, 3] });
    assert.equal(original.budget.approved, '1,500');
    assert.equal(replaceAt(original, ['missing', 'x'], 1), undefined);
  });
});
