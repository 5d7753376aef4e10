import { strict as assert } from 'node:assert';
import { SchemaRegistry } from '../../server/src/engine/schema/schemaRegistry';
import { toDraft2020 } from '../../server/src/engine/schema/schemaDialects';

describe('schemaRegistry', () => {
  it('registers, removes and registers again a schema with its own $id and embedded $ids', () => {
    const registry = new SchemaRegistry();
    const schema = () => ({ $id: 'https://pmo.example.org/p.json', $defs: { item: { $id: 'item.json', type: 'string' } }, properties: { a: { $ref: 'item.json' } } });
    for (let round = 0; round < 3; round++) {
      assert.equal(registry.add('file:///ws/p.json', schema()), undefined, `round ${round}`);
      assert.ok(registry.has('https://pmo.example.org/p.json') && registry.has('file:///ws/p.json'));
      assert.equal(registry.baseOf('file:///ws/p.json'), 'https://pmo.example.org/p.json');
      const compiled = registry.compile('file:///ws/p.json');
      assert.ok(compiled.ok && compiled.validate({ a: 'x' }) && !compiled.validate({ a: 1 }));
      registry.remove('file:///ws/p.json');
      assert.ok(!registry.has('https://pmo.example.org/p.json'));
    }
  });

  it('refuses an invalid schema, says why, and keeps nothing of it', () => {
    const registry = new SchemaRegistry();
    assert.match(registry.add('file:///ws/bad.json', { $id: 'https://x.example/bad.json', type: 'objekt' }) ?? '', /schema is invalid/);
    assert.ok(!registry.has('file:///ws/bad.json'));
    assert.equal(registry.add('file:///ws/good.json', { $id: 'https://x.example/bad.json', type: 'object' }), undefined);
  });

  it('knows the built-ins and the meta-schemas without loading anything', () => {
    const registry = new SchemaRegistry();
    assert.ok(registry.knows('https://charter.dev/schemas/v1/project.json#/properties/status'));
    assert.ok(registry.knows('http://json-schema.org/draft-07/schema#'));
    assert.ok(registry.knows('https://json-schema.org/draft/2020-12/schema'));
    assert.ok(!registry.knows('https://pmo.example.org/p.json'));
    assert.deepEqual(registry.customIds(), []);
  });

  it('rewrites draft-07 tuples to 2020-12, and leaves data alone', () => {
    const draft7 = { items: [{ type: 'string' }], additionalItems: false, default: { items: [1] }, properties: { list: { items: { type: 'integer' } } } };
    assert.deepEqual(toDraft2020(draft7), { prefixItems: [{ type: 'string' }], items: false, default: { items: [1] }, properties: { list: { items: { type: 'integer' } } } });
    const modern = { items: { type: 'string' } };
    assert.equal(toDraft2020(modern), modern);
  });

  it('rewrites draft-07 fragment $ids to $anchors, and $refs into tuples to where the tuple now is', () => {
    const draft7 = {
      $id: 'https://pmo.example.org/d7.json',
      items: [{ type: 'integer' }, { $ref: '#/items/0' }],
      additionalItems: { $ref: '#/definitions/pair/additionalItems' },
      definitions: {
        a: { $id: '#foo', type: 'integer' },
        b: { $id: 'other.json#bar', type: 'string' },
        pair: { items: [true], additionalItems: { type: 'boolean' } },
        kept: { $ref: '#/definitions/a/items' },
        nested: { $id: 'nested.json', items: [{ $ref: '#/items/0' }] },
      },
    };
    assert.deepEqual(toDraft2020(draft7), {
      $id: 'https://pmo.example.org/d7.json',
      prefixItems: [{ type: 'integer' }, { $ref: '#/prefixItems/0' }],
      items: { $ref: '#/definitions/pair/items' },
      definitions: {
        a: { $anchor: 'foo', type: 'integer' },
        b: { $id: 'other.json', $anchor: 'bar', type: 'string' },
        pair: { prefixItems: [true], items: { type: 'boolean' } },
        kept: { $ref: '#/definitions/a/items' },
        nested: { $id: 'nested.json', prefixItems: [{ $ref: '#/prefixItems/0' }] },
      },
    });
  });

  it('leaves the $ids and $refs of a schema that declares 2020-12 as written', () => {
    const modern = { $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: { a: { $id: '#foo' } }, $ref: '#/items/0' };
    assert.equal(toDraft2020(modern), modern);
    assert.match(new SchemaRegistry().add('file:///ws/modern.json', modern) ?? '', /schema is invalid/);
  });

  it('validates a draft-07 schema with anchors and tuple pointers as draft-07 does, registered again and again', () => {
    const registry = new SchemaRegistry();
    const schema = () => ({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://pmo.example.org/anchors.json',
      properties: { code: { $ref: '#code' }, pair: { items: [{ type: 'integer' }, { $ref: '#/properties/pair/items/0' }] } },
      definitions: { code: { $id: '#code', type: 'string', pattern: '^[A-Z]+$' } },
    });
    for (let round = 0; round < 3; round++) {
      assert.equal(registry.add('file:///ws/anchors.json', schema()), undefined, `round ${round}`);
      const compiled = registry.compile('file:///ws/anchors.json');
      assert.ok(compiled.ok, `round ${round}`);
      assert.ok(compiled.validate({ code: 'ABC', pair: [1, 2] }));
      assert.ok(!compiled.validate({ code: 'abc' }));
      assert.ok(!compiled.validate({ pair: [1, 'two'] }));
      registry.remove('file:///ws/anchors.json');
    }
  });
});
