import { strict as assert } from 'node:assert';
import { optionProblem, run } from './helpers';

describe('rulesets: pattern, enum, length', () => {
  it('pattern: match and notMatch, RE2 syntax with inline flags', () => {
    assert.equal(run('pattern', 'fin-ledger', { match: '^(fin|ops)-' }), undefined);
    assert.match(run('pattern', 'reg-ifrs', { match: '^(fin|ops)-' })!, /does not match/);
    assert.equal(run('pattern', 'Business Case', { match: '(?i)business case' }), undefined);
    assert.match(run('pattern', 'TBD', { notMatch: '^TBD$' })!, /not allowed/);
    assert.equal(run('pattern', undefined, { match: 'x' }), undefined);
  });

  it('pattern: runs in linear time on a catastrophic-backtracking pattern', () => {
    // (a+)+$ backtracks exponentially in a JavaScript RegExp; RE2 answers at once.
    assert.match(run('pattern', `${'a'.repeat(5000)}!`, { match: '^(a+)+$' })!, /does not match/);
  });

  it('pattern: refuses lookaround and backreferences when the ruleset loads', () => {
    assert.match(optionProblem('pattern', { match: '(?=a)b' })!, /lookaround or a backreference/);
    assert.match(optionProblem('pattern', { match: '(a)\\1' })!, /lookaround or a backreference/);
    assert.match(optionProblem('pattern', {})!, /match/);
  });

  it('enum: one of the values', () => {
    assert.equal(run('enum', 'it', { values: ['it', 'business'] }), undefined);
    assert.equal(run('enum', 'hr', { values: ['it', 'business'] }), '"hr" is not one of it, business');
    assert.match(optionProblem('enum', { values: [] })!, /non-empty list/);
  });

  it('length: characters, items, entries', () => {
    assert.equal(run('length', 'abc', { max: 3 }), undefined);
    assert.equal(run('length', 'abcd', { max: 3 }), 'it has 4 characters, more than 3');
    assert.equal(run('length', [1], { min: 2 }), 'it has 1 items, fewer than 2');
    assert.equal(run('length', { a: 1 }, { min: 1, max: 1 }), undefined);
    assert.match(optionProblem('length', { min: -1 })!, /whole number/);
    assert.match(optionProblem('length', { minimum: 1 })!, /unknown option "minimum"/);
  });
});
