import { strict as assert } from 'node:assert';
import { didYouMean, suggestionsFor } from '../../server/src/engine/utils/suggest';

describe('suggest', () => {
  it('finds the nearest candidate within a few edits, ignoring case', () => {
    assert.equal(didYouMean('sponser', ['sponsor', 'manager', 'summary']), 'sponsor');
    assert.equal(didYouMean('Active', ['proposed', 'active']), 'active');
    assert.equal(didYouMean('actve', ['approved', 'active', 'on-hold']), 'active');
  });

  it('suggests nothing when every candidate is too far away', () => {
    assert.equal(didYouMean('cadence', ['start', 'end']), undefined);
    assert.equal(didYouMean('hi', ['low', 'medium', 'high']), undefined);
  });

  it('ranks several close candidates, nearest first', () => {
    assert.deepEqual(suggestionsFor('statu', ['status', 'state', 'statusReport']), ['state', 'status']);
  });
});
