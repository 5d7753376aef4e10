import { strict as assert } from 'node:assert';
import { SchemaRegistry } from '../../server/src/engine/schema/schemaRegistry';
import { SchemaWalker } from '../../server/src/engine/schema/schemaWalker';

const PROJECT = 'https://charter.dev/schemas/v1/project.json';

describe('schemaWalker', () => {
  const registry = new SchemaRegistry();
  const walker = new SchemaWalker(registry);

  it('lists the keys the built-in project schema declares, in schema order', () => {
    const keys = walker.declaredKeys(walker.applicable([walker.root(PROJECT)!], {}));
    assert.deepEqual(keys.slice(0, 4), ['$schema', 'apiVersion', 'kind', 'id']);
    assert.ok(keys.includes('statusReport'));
  });

  it('follows properties, $ref and items down to a nested object', () => {
    const root = walker.applicable([walker.root(PROJECT)!], {});
    const milestones = walker.applicable(walker.propertySchemas(root, 'milestones'), []);
    const item = walker.applicable(walker.itemSchemas(milestones, 0), {});
    assert.deepEqual(walker.declaredKeys(item).filter((k) => ['id', 'name', 'date', 'status'].includes(k)), ['id', 'name', 'date', 'status']);
    assert.equal(walker.isUnknownKey(item, 'dat'), true);
    assert.equal(walker.isUnknownKey(item, 'date'), false);
  });

  it('resolves a $ref from a PMO schema to a built-in $id, offline', () => {
    registry.add('https://pmo.example.org/project.json', { allOf: [{ $ref: PROJECT }], properties: { costCentre: { type: 'string' } } });
    const applicable = walker.applicable([walker.root('https://pmo.example.org/project.json')!], {});
    const keys = walker.declaredKeys(applicable);
    assert.ok(keys.includes('costCentre'));
    assert.ok(keys.includes('sponsor'));
  });

  it('decides if/then/else by the value, and keeps anyOf branches that match', () => {
    registry.add('https://pmo.example.org/cond.json', {
      if: { properties: { status: { const: 'closed' } }, required: ['status'] },
      then: { properties: { closedOn: { type: 'string' } } },
      else: { properties: { nextReview: { type: 'string' } } },
      anyOf: [{ properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'string' } }, required: ['b'] }],
    });
    const root = walker.root('https://pmo.example.org/cond.json')!;
    const closed = walker.declaredKeys(walker.applicable([root], { status: 'closed', a: 'x' }));
    assert.ok(closed.includes('closedOn') && !closed.includes('nextReview'));
    assert.ok(closed.includes('a') && !closed.includes('b'));
    const open = walker.declaredKeys(walker.applicable([root], { status: 'active' }));
    assert.ok(open.includes('nextReview') && !open.includes('closedOn'));
    assert.ok(open.includes('a') && open.includes('b'), 'no branch matches: all are offered');
  });

  it('survives cyclic $refs', () => {
    registry.add('https://pmo.example.org/tree.json', { $defs: { node: { properties: { children: { items: { $ref: '#/$defs/node' } }, name: {} } } }, $ref: '#/$defs/node' });
    const root = walker.applicable([walker.root('https://pmo.example.org/tree.json')!], {});
    const child = walker.applicable(walker.itemSchemas(walker.applicable(walker.propertySchemas(root, 'children'), []), 0), {});
    assert.deepEqual(walker.declaredKeys(child), ['children', 'name']);
  });

  it('treats a schema with additionalProperties as open, and one without properties as free-form', () => {
    registry.add('https://pmo.example.org/open.json', { properties: { a: {} }, additionalProperties: { type: 'string' } });
    assert.equal(walker.isUnknownKey(walker.applicable([walker.root('https://pmo.example.org/open.json')!], {}), 'zzz'), false);
    registry.add('https://pmo.example.org/free.json', { type: 'object' });
    assert.equal(walker.isUnknownKey(walker.applicable([walker.root('https://pmo.example.org/free.json')!], {}), 'zzz'), false);
  });
});
