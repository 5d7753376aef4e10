import { strict as assert } from 'node:assert';
import { evaluatePath, formatPath, parseJsonPath, valueAtData, type JsonPath } from '../../../server/src/engine/rulesets/jsonPath';

const p = (text: string): JsonPath => {
  const parsed = parseJsonPath(text);
  assert.ok(parsed.ok, text);
  return parsed.path;
};
const doc = { budget: { approved: 10, 'cost centre': 'CC' }, risks: [{ id: 'a' }, { id: 'b', owner: 'x' }] };

describe('rulesets: jsonPath', () => {
  it('reads keys, indexes, wildcards and quoted keys', () => {
    assert.deepEqual(evaluatePath(p('$.budget.approved'), doc), [{ path: ['budget', 'approved'], value: 10 }]);
    assert.deepEqual(evaluatePath(p('$.risks[*].id'), doc).map((m) => m.value), ['a', 'b']);
    assert.deepEqual(evaluatePath(p('$.risks[1].owner'), doc), [{ path: ['risks', 1, 'owner'], value: 'x' }]);
    assert.deepEqual(evaluatePath(p("$.budget['cost centre']"), doc)[0].value, 'CC');
    assert.deepEqual(evaluatePath(p('$.budget.*'), doc).map((m) => m.path), [['budget', 'approved'], ['budget', 'cost centre']]);
    assert.deepEqual(evaluatePath(p('$'), doc), [{ path: [], value: doc }]);
  });

  it('keeps the one place a definite path names even when it is absent; a wildcard yields only what exists', () => {
    assert.deepEqual(evaluatePath(p('$.budget.businessCase'), doc), [{ path: ['budget', 'businessCase'], value: undefined }]);
    assert.deepEqual(evaluatePath(p('$.risks[*].owner'), doc), [{ path: ['risks', 1, 'owner'], value: 'x' }]);
    assert.deepEqual(evaluatePath(p('$.missing[*]'), doc), []);
  });

  it('does not read inherited properties', () => {
    assert.deepEqual(evaluatePath(p('$.budget.constructor'), doc)[0].value, undefined);
    assert.equal(valueAtData(doc, ['budget', 'toString']), undefined);
  });

  it('refuses filters, scripts, recursion and anything not starting at $', () => {
    for (const bad of ['$..id', '$.risks[?(@.id)]', '$.risks[(@.length-1)]', 'risks', '$.', '$[01]', '']) {
      const parsed = parseJsonPath(bad);
      assert.ok(!parsed.ok && parsed.reason.length > 0, bad);
    }
  });

  it('prints a data path as messages show it', () => {
    assert.equal(formatPath(['risks', 0, 'owner']), '$.risks[0].owner');
    assert.equal(formatPath(['budget', 'cost centre']), "$.budget['cost centre']");
  });
});
