import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { SchemaRegistry } from '../../server/src/engine/schema/schemaRegistry';
import { SchemaWalker } from '../../server/src/engine/schema/schemaWalker';
import { validateDocument } from '../../server/src/engine/services/schemaValidation';
import { describe as show, findingsFor, underlined, VALID_PROJECT } from '../support/engine';

/** Validates `text` against an inline schema, registered under `id`. */
function validateWith(schema: Record<string, unknown>, text: string) {
  const registry = new SchemaRegistry();
  const id = 'https://pmo.example.org/test.json';
  registry.add(id, { $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema });
  const file = parseCharterFile('file:///w/x.charter.yaml', text);
  return validateDocument(file, file.documents[0], { id, label: 'test schema' }, registry, new SchemaWalker(registry));
}

describe('schemaValidation', () => {
  it('accepts a minimal valid project', async () => {
    assert.deepEqual((await findingsFor(VALID_PROJECT)).map(show), []);
  });

  it('says which values an enum allows, suggests the nearest, on the value', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve');
    const [finding, ...rest] = await findingsFor(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'schema/enum');
    assert.equal(finding.message, 'status must be one of proposed, approved, active, on-hold, closed, cancelled. Did you mean "active"?');
    assert.equal(underlined(text, finding), 'actve');
    assert.deepEqual(finding.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } });
    assert.equal(finding.docs, 'docs/rules/schema.md');
    assert.equal(finding.fixes?.[0].title, 'Change to "active"');
    assert.equal(finding.fixes?.[0].preferred, true);
  });

  it('reports a misspelt key once, on the key, with a did-you-mean (not also a missing property)', async () => {
    const text = VALID_PROJECT.replace('sponsor: jane.doe', 'sponser: jane.doe');
    const findings = await findingsFor(text);
    assert.deepEqual(findings.map((f) => f.rule), ['schema/additionalProperties']);
    assert.equal(findings[0].message, 'Unknown property "sponser". Did you mean "sponsor"?');
    assert.equal(underlined(text, findings[0]), 'sponser');
  });

  it('reports an unknown key without a near match, listing what is allowed there', async () => {
    const text = VALID_PROJECT.replace('schedule:\n', 'schedule:\n  cadence: weekly\n');
    const [finding] = await findingsFor(text);
    assert.equal(finding.rule, 'schema/additionalProperties');
    assert.match(finding.message, /^Unknown property "cadence"\. Remove it or check the spelling; this place allows start, end/);
    assert.equal(underlined(text, finding), 'cadence');
  });

  it('puts a missing property on its parent key, and lists all missing ones in one finding', async () => {
    const text = VALID_PROJECT.replace('  end: 2027-12-17\n', '');
    const [finding] = await findingsFor(text);
    assert.equal(finding.rule, 'schema/required');
    assert.equal(finding.message, '"schedule" is missing the required property "end". Add end.');
    assert.equal(underlined(text, finding), 'schedule');

    const bare = 'apiVersion: charter/v1\nkind: Project\nid: x\n';
    const findings = await findingsFor(bare);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^This project is missing the required properties "title", "status", "sponsor", "manager", "schedule", "budget"\. Add them\.$/);
    assert.equal(underlined(bare, findings[0]), 'apiVersion');
  });

  it('puts a missing property of a list item on that item', async () => {
    const text = VALID_PROJECT + 'milestones:\n  - id: m-vendor\n    name: Vendor selected\n';
    const [finding] = await findingsFor(text);
    assert.equal(finding.message, 'Item 1 of milestones is missing the required property "date". Add date.');
    assert.equal(underlined(text, finding), 'id');
    assert.equal(finding.range.start.line, 16);
  });

  it('explains a date that is not ISO 8601 and proposes the ISO form', async () => {
    const text = VALID_PROJECT.replace('end: 2027-12-17', 'end: 17/12/2027');
    const [finding] = await findingsFor(text);
    assert.equal(finding.rule, 'schema/format');
    assert.equal(finding.message, 'end must be a date written as YYYY-MM-DD, like 2027-03-31. Did you mean 2027-12-17?');
    assert.equal(finding.fixes?.[0].edits['file:///workspace/x.charter.yaml'][0].newText, '2027-12-17');
  });

  it('says when a date is well-formed but not a real day', async () => {
    const [finding] = await findingsFor(VALID_PROJECT.replace('end: 2027-12-17', 'end: 2027-02-30'));
    assert.equal(finding.message, 'end is not a real day (2027-02-30). Use an existing date written as YYYY-MM-DD.');
  });

  it('refuses money with decimals and says how to write it', async () => {
    const text = VALID_PROJECT.replace('approved: 850000', 'approved: 850000.5');
    const [finding] = await findingsFor(text);
    assert.equal(finding.rule, 'schema/type');
    assert.match(finding.message, /^approved must be .* not the number 850000\.5 with decimals\. Write an amount as a whole number, or as a decimal string in quotes/);
    assert.equal(underlined(text, finding), '850000.5');
  });

  it('says a document that is a list must be a mapping', async () => {
    const [finding] = await findingsFor('- id: a\n- id: b\n');
    assert.equal(finding.rule, 'schema/type');
    assert.match(finding.message, /must be a mapping .* not a list/);
  });

  it('reports an unknown kind with the nearest known one', async () => {
    const text = VALID_PROJECT.replace('kind: Project', 'kind: Projct');
    const [finding] = await findingsFor(text, { path: 'notes.yaml' });
    assert.equal(finding.rule, 'schema/enum');
    assert.equal(finding.message, 'kind must be one of Project, Programme, Portfolio, People. Did you mean "Project"?');
    assert.equal(underlined(text, finding), 'Projct');
  });

  it('leaves files that are not charters alone', async () => {
    assert.deepEqual(await findingsFor('anything: goes\n', { path: 'notes.yaml' }), []);
  });

  it('checks each document of a multi-document file by its own kind', async () => {
    const text = 'apiVersion: charter/v1\nkind: People\npeople:\n  - { id: jane.doe, name: Jane Doe, email: jane@example.org, capacityPercent: 100 }\n---\n' + VALID_PROJECT.replace('status: active', 'status: done');
    const findings = await findingsFor(text, { path: 'all.yaml' });
    assert.deepEqual(findings.map((f) => f.rule), ['schema/enum']);
    assert.equal(findings[0].range.start.line, 9);
  });

  it('applies charter.rules: a different severity, or off', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve');
    assert.equal((await findingsFor(text, { settings: { rules: { 'schema/enum': 'warning' } } }))[0].severity, 'warning');
    assert.equal((await findingsFor(text, { settings: { rules: { 'schema/*': 'info' } } }))[0].severity, 'info');
    assert.deepEqual(await findingsFor(text, { settings: { rules: { 'schema/enum': 'off' } } }), []);
    assert.deepEqual(await findingsFor(text, { settings: { validate: { enable: false } } }), []);
  });

  it('honours x-rule, x-severity and x-docs on the failing subschema', () => {
    const findings = validateWith(
      { type: 'object', properties: { costCentre: { type: 'string', pattern: '^CC-[0-9]{4}$', 'x-rule': 'pmo/cost-centre', 'x-severity': 'warning', 'x-docs': 'https://pmo.example.org/cost-centres' } } },
      'costCentre: 12-AB\n',
    );
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'pmo/cost-centre');
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].docs, 'https://pmo.example.org/cost-centres');
    assert.equal(findings[0].origin, 'test schema');
  });

  it('uses errorMessage (string and per-keyword forms) as the message, on the right node', () => {
    const text = 'title: Invoice automation\ncostCentre: 12\n';
    const stringForm = validateWith({ type: 'object', required: ['owner'], errorMessage: { required: { owner: 'Every charter names an owner (PMO rule 4.2).' } } }, text);
    assert.equal(stringForm.length, 1);
    assert.equal(stringForm[0].message, 'Every charter names an owner (PMO rule 4.2).');
    assert.equal(stringForm[0].rule, 'schema/required');
    assert.equal(stringForm[0].range.start.line, 0);

    const valueForm = validateWith({ type: 'object', properties: { costCentre: { type: 'string', errorMessage: 'The cost centre is text like "CC-1234".' } } }, text);
    assert.equal(valueForm[0].message, 'The cost centre is text like "CC-1234".');
    assert.equal(valueForm[0].rule, 'schema/type');
    assert.deepEqual(valueForm[0].range, { start: { line: 1, character: 12 }, end: { line: 1, character: 14 } });
  });

  it('reports one problem for an anyOf, from the branch that came closest', () => {
    const schema = {
      type: 'object',
      properties: {
        link: {
          anyOf: [
            { type: 'string', format: 'uri' },
            { type: 'object', required: ['url'], properties: { url: { type: 'string' }, title: { type: 'string' } } },
          ],
        },
        amount: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      },
    };
    const findings = validateWith(schema, 'link:\n  title: Design\namount: true\n');
    assert.deepEqual(findings.map((f) => f.rule).sort(), ['schema/required', 'schema/type']);
    const type = findings.find((f) => f.rule === 'schema/type')!;
    assert.equal(type.message, 'amount must be a whole number or text, not true.');
  });

  it('does not report keys declared through allOf, $ref or if/then', () => {
    const schema = {
      $defs: { named: { properties: { name: { type: 'string' } } } },
      type: 'object',
      allOf: [{ $ref: '#/$defs/named' }, { properties: { kind: { enum: ['a', 'b'] } } }],
      if: { properties: { kind: { const: 'b' } } },
      then: { properties: { extra: { type: 'string' } } },
    };
    assert.deepEqual(validateWith(schema, 'name: x\nkind: b\nextra: y\n').map(show), []);
    const findings = validateWith(schema, 'name: x\nkind: a\nextra: y\n');
    assert.deepEqual(findings.map((f) => f.message), ['Unknown property "extra". Remove it or check the spelling; this place allows name, kind.']);
  });

  it('gives a broken schema one schema/unavailable finding on the first line', () => {
    const registry = new SchemaRegistry();
    registry.add('https://pmo.example.org/broken.json', { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } });
    const file = parseCharterFile('file:///w/x.charter.yaml', '# header\nid: a\n');
    const findings = validateDocument(file, file.documents[0], { id: 'https://pmo.example.org/broken.json', label: 'broken.json' }, registry, new SchemaWalker(registry));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'schema/unavailable');
    assert.match(findings[0].message, /^The schema broken\.json cannot be used: .*missing/);
    assert.equal(findings[0].range.start.line, 1);
  });
});

describe('schemaValidation: patterns', () => {
  it('says in words what the value should look like, with an example, and never shows the regular expression', async () => {
    const text = VALID_PROJECT.replace('sponsor: jane.doe', 'sponsor: Jane Doe');
    const finding = (await findingsFor(text)).find((f) => f.rule === 'schema/pattern')!;
    assert.equal(
      finding.message,
      'sponsor "Jane Doe" is not written the expected way. The id of a person: lower-case letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit. For example: jane.doe.',
    );
    assert.equal(underlined(text, finding), 'Jane Doe');
  });
});
