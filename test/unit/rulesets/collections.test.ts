import { strict as assert } from 'node:assert';
import { contextFor, optionProblem, run } from './helpers';

describe('rulesets: count and unique', () => {
  const risks = [
    { id: 'a', impact: 'high', title: 'Cutover' },
    { id: 'b', impact: 'low', title: 'Cutover' },
    { id: 'c', impact: 'high', title: 'Data' },
  ];
  const ctx = contextFor({ risks }, ['risks']);

  it('count: items of a list, with min and max', () => {
    assert.equal(run('count', risks, { min: 3 }, ctx), undefined);
    assert.equal(run('count', risks, { max: 2 }, ctx), 'it has 3 items, more than 2');
    assert.equal(run('count', undefined, { min: 1 }, ctx), 'it has 0 items, fewer than 1');
  });

  it('count: only items for which every `where` check holds', () => {
    assert.equal(run('count', risks, { max: 1, where: { field: 'impact', function: 'enum', options: { values: ['high'] } } }, ctx), 'it has 2 matching items, more than 1');
    const both = [{ field: 'impact', function: 'enum', options: { values: ['high'] } }, { field: 'title', function: 'pattern', options: { match: '^D' } }];
    assert.equal(run('count', risks, { max: 1, where: both }, ctx), undefined);
    assert.match(optionProblem('count', { min: 1, where: { function: 'eval' } })!, /"eval" is not a Charter ruleset function/);
  });

  it('unique: items, or one field of each', () => {
    assert.equal(run('unique', risks, { field: 'id' }), undefined);
    assert.equal(run('unique', risks, { field: 'title' }), 'title "Cutover" appears more than once');
    assert.equal(run('unique', ['a', 'b', 'a']), '"a" appears more than once');
    assert.equal(run('unique', 'abc'), 'abc is not a list');
    assert.match(optionProblem('unique', { field: 'a.b' })!, /field/);
  });
});
