import { strict as assert } from 'node:assert';
import { run } from './helpers';

describe('rulesets: defined, undefined, truthy', () => {
  it('defined: present and not null', () => {
    assert.equal(run('defined', 'x'), undefined);
    assert.equal(run('defined', 0), undefined);
    assert.equal(run('defined', undefined), 'it is missing');
    assert.equal(run('defined', null), 'it is missing');
  });

  it('undefined: absent', () => {
    assert.equal(run('undefined', undefined), undefined);
    assert.equal(run('undefined', { asOf: '2027-01-01' }), 'it is present');
  });

  it('truthy: filled in', () => {
    for (const ok of ['x', 1, true, ['a'], { a: 1 }]) assert.equal(run('truthy', ok), undefined, JSON.stringify(ok));
    for (const [bad, reason] of [[undefined, 'it is missing'], ['  ', 'it is empty'], [[], 'it is an empty list'], [{}, 'it is empty'], [false, 'it is false'], [0, 'it is 0']] as const) {
      assert.equal(run('truthy', bad), reason, JSON.stringify(bad));
    }
  });
});
