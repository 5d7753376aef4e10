import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { SchemaRegistry } from '../../server/src/engine/schema/schemaRegistry';
import { SchemaWalker } from '../../server/src/engine/schema/schemaWalker';
import { validateDocument } from '../../server/src/engine/services/schemaValidation';
import { underlined } from '../support/engine';

const ID = 'https://pmo.example.org/money.json';

function check(bounds: Record<string, unknown>, text: string) {
  const registry = new SchemaRegistry();
  const problem = registry.add(ID, {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { budget: { type: 'object', properties: { approved: { type: ['number', 'string'], ...bounds } } } },
  });
  assert.equal(problem, undefined);
  const file = parseCharterFile('file:///w/x.charter.yaml', text);
  return validateDocument(file, file.documents[0], { id: ID, label: 'PMO schema' }, registry, new SchemaWalker(registry));
}

describe('schema: moneyMinimum and moneyMaximum', () => {
  it('bound a decimal string exactly as they bound a number (minimum lets the string through)', () => {
    const text = 'budget:\n  approved: "5500000.00"\n';
    // What a PMO would write first: JSON Schema's maximum ignores strings.
    assert.equal(check({ maximum: 5000000 }, text).length, 0);
    const findings = check({ moneyMaximum: 5000000, 'x-rule': 'pmo/needs-board' }, text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'pmo/needs-board');
    assert.equal(findings[0].message, 'approved must be at most 5,000,000.');
    assert.equal(underlined(text, findings[0]), '"5500000.00"');
    assert.equal(check({ moneyMaximum: 5000000 }, 'budget:\n  approved: 5500000\n').length, 1);
  });

  it('compare without floats: a cent over is over, the bound itself is inside', () => {
    assert.equal(check({ moneyMaximum: '5000000.00' }, 'budget:\n  approved: "5000000.01"\n').length, 1);
    assert.equal(check({ moneyMaximum: '5000000.00' }, 'budget:\n  approved: "5000000.00"\n').length, 0);
    assert.equal(check({ moneyMaximum: '9007199254740993' }, 'budget:\n  approved: "9007199254740994"\n').length, 1);
    const under = check({ moneyMinimum: '1000.50' }, 'budget:\n  approved: "1000.49"\n');
    assert.equal(under.length, 1);
    assert.equal(under[0].rule, 'schema/moneyMinimum');
    assert.equal(under[0].message, 'approved must be at least 1,000.50.');
    assert.equal(under[0].docs, 'docs/rules/schema.md');
    assert.equal(check({ moneyMinimum: 1000 }, 'budget:\n  approved: 1000\n').length, 0);
  });

  it('leave values that are not amounts to the type and pattern keywords', () => {
    assert.equal(check({ moneyMaximum: 10 }, 'budget:\n  approved: lots\n').length, 0);
  });

  it('refuse a schema whose bound is not an amount', () => {
    const registry = new SchemaRegistry();
    registry.add(ID, { type: 'object', properties: { a: { moneyMaximum: 'a lot' } } });
    const compiled = registry.compile(ID);
    assert.equal(compiled.ok, false);
    assert.match(compiled.ok ? '' : compiled.reason, /moneyMaximum/);
  });
});
