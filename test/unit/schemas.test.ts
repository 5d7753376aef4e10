// The built-in schemas in schemas/ are the truth for field names. These tests hold them to
// their conventions (annotations, openness, required fields) and check that
// the contract fixture and the sample portfolio in examples/ are valid under them.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ajvErrors from 'ajv-errors';
import { parseAllDocuments } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [keyword: string]: Json };

const root = path.resolve(__dirname, '..', '..');
const schemaDir = path.join(root, 'schemas');
const contractDir = path.join(root, 'test', 'fixtures', 'contract');
const examplesDir = path.join(root, 'examples');
const needsAttentionDir = path.join(examplesDir, 'needs-attention');

const BASE = 'https://charter.dev/schemas/v1/';
const KINDS = { Project: 'project', Programme: 'programme', Portfolio: 'portfolio', People: 'people' } as const;
type Kind = keyof typeof KINDS;

/** The non-standard keywords the engine registers; anything else fails strict mode. */
const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'deprecationMessage',
  'x-rule',
  'x-severity',
  'x-docs',
  'x-synonyms',
];

function loadSchema(name: string): SchemaNode {
  return JSON.parse(readFileSync(path.join(schemaDir, `${name}.schema.json`), 'utf8')) as SchemaNode;
}

const schemas: Record<Kind, SchemaNode> = {
  Project: loadSchema('project'),
  Programme: loadSchema('programme'),
  Portfolio: loadSchema('portfolio'),
  People: loadSchema('people'),
};

function createAjv(): Ajv2020 {
  // allowUnionTypes: money is `type: [integer, string]`, objective values `[number, string]`.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajvErrors(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  return ajv;
}

const ajv = createAjv();

function validatorFor(kind: Kind): ValidateFunction {
  const validate = ajv.getSchema(`${BASE}${KINDS[kind]}.json`);
  assert.ok(validate, `no compiled schema for ${kind}`);
  return validate;
}

// ---------------------------------------------------------------------------------------------
// Walking the schemas

interface Visit {
  node: SchemaNode;
  pointer: string;
  /** Set when the node is the value of a `properties` entry. */
  property?: string;
}

/** Every subschema reachable by structure (not through $ref), with its JSON pointer. */
function* subschemas(node: SchemaNode, pointer = '#', property?: string): Generator<Visit> {
  yield { node, pointer, property };
  for (const keyword of ['properties', 'patternProperties', '$defs']) {
    const map = node[keyword] as Record<string, SchemaNode> | undefined;
    for (const [key, child] of Object.entries(map ?? {})) {
      yield* subschemas(child, `${pointer}/${keyword}/${key}`, keyword === 'properties' ? key : undefined);
    }
  }
  for (const keyword of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']) {
    const child = node[keyword];
    if (child && typeof child === 'object' && !Array.isArray(child)) {
      yield* subschemas(child as SchemaNode, `${pointer}/${keyword}`);
    }
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf', 'prefixItems']) {
    const list = (node[keyword] as SchemaNode[] | undefined) ?? [];
    for (const [index, child] of list.entries()) yield* subschemas(child, `${pointer}/${keyword}/${index}`);
  }
}

function resolvePointer(schema: SchemaNode, pointer: string): SchemaNode {
  let node: Json = schema;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = (node as Record<string, Json>)[part];
    assert.ok(node !== undefined, `cannot resolve ${pointer}`);
  }
  return node as SchemaNode;
}

/** Follows `$ref` chains (local or to one of our $ids) to the schema that declares properties. */
function deref(node: SchemaNode, rootSchema: SchemaNode): { node: SchemaNode; root: SchemaNode } {
  let current = { node, root: rootSchema };
  while (typeof current.node.$ref === 'string') {
    const [base, fragment = ''] = current.node.$ref.split('#');
    const target = base ? Object.values(schemas).find((s) => s.$id === base) : current.root;
    assert.ok(target, `unresolvable $ref ${current.node.$ref}`);
    current = { node: resolvePointer(target, `#${fragment}`), root: target };
  }
  return current;
}

/**
 * Keys in the data that no `properties` of the schema declares: what the engine reports as
 * schema/additionalProperties. Our schemas only use properties, items and $ref.
 */
function undeclaredKeys(data: unknown, node: SchemaNode, rootSchema: SchemaNode, at = ''): string[] {
  const { node: schema, root: schemaRoot } = deref(node, rootSchema);
  const found: string[] = [];
  if (Array.isArray(data)) {
    const items = schema.items as SchemaNode | undefined;
    if (items) data.forEach((item, i) => found.push(...undeclaredKeys(item, items, schemaRoot, `${at}/${i}`)));
  } else if (data && typeof data === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
    for (const [key, value] of Object.entries(data)) {
      if (key in properties) found.push(...undeclaredKeys(value, properties[key], schemaRoot, `${at}/${key}`));
      else found.push(`${at}/${key}`);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Reading documents

interface LoadedDocument {
  file: string;
  kind: Kind;
  data: Record<string, unknown>;
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name.startsWith('.') ? [] : yamlFilesUnder(full);
      return /\.ya?ml$/.test(name) ? [full] : [];
    })
    .sort();
}

function loadDocuments(file: string): LoadedDocument[] {
  const relative = path.relative(root, file);
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `${relative}: YAML errors`);
    const data = doc.toJS() as Record<string, unknown>;
    const kind = data?.kind as Kind;
    assert.ok(kind in KINDS, `${relative}: unknown kind ${String(kind)}`);
    return { file: relative, kind, data };
  });
}

function schemaErrors(doc: LoadedDocument): ErrorObject[] {
  const validate = validatorFor(doc.kind);
  return validate(doc.data) ? [] : [...(validate.errors ?? [])];
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

// ---------------------------------------------------------------------------------------------
// The governance problems planted in examples/needs-attention (a tiny subset of the rules)

interface Charter {
  id?: string;
  budget?: { approved?: number | string; breakdown?: { amount?: number | string }[] };
  statusReport?: { rag?: string; recoveryPlan?: string };
  dependencies?: { project?: string }[];
}

function governanceProblems(charter: Charter, knownProjectIds: Set<string>): string[] {
  const problems: string[] = [];
  const { budget, statusReport, dependencies } = charter;
  if (statusReport?.rag === 'red' && !statusReport.recoveryPlan) problems.push('status/red-needs-recovery');
  if (budget?.breakdown?.length) {
    const sum = budget.breakdown.reduce((total, line) => total + Number(line.amount ?? 0), 0);
    if (sum !== Number(budget.approved)) problems.push('budget/breakdown-sums');
  }
  for (const dependency of dependencies ?? []) {
    if (dependency.project && !knownProjectIds.has(dependency.project)) problems.push('portfolio/unknown-reference');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('built-in schemas', () => {
  for (const [kind, schema] of Object.entries(schemas) as [Kind, SchemaNode][]) {
    describe(`${KINDS[kind]}.schema.json`, () => {
      it('is a JSON Schema 2020-12 with its charter.dev $id', () => {
        assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
        assert.equal(schema.$id, `${BASE}${KINDS[kind]}.json`);
      });

      it('compiles under ajv strict mode with only the registered annotation keywords', () => {
        const fresh = createAjv();
        assert.equal(typeof fresh.getSchema(schema.$id as string), 'function');
      });

      it('pins apiVersion and kind', () => {
        const properties = schema.properties as Record<string, SchemaNode>;
        assert.equal(properties.apiVersion.const, 'charter/v1');
        assert.equal(properties.kind.const, kind);
        assert.ok((schema.required as string[]).includes('apiVersion'));
        assert.ok((schema.required as string[]).includes('kind'));
      });

      it('gives every property, at every depth, a description and examples', () => {
        const missing = [...subschemas(schema)]
          .filter((v) => v.property !== undefined)
          .filter((v) => typeof v.node.description !== 'string' || !Array.isArray(v.node.examples) || v.node.examples.length === 0)
          .map((v) => v.pointer);
        assert.deepEqual(missing, []);
      });

      it('gives every enum value a description', () => {
        for (const { node, pointer } of subschemas(schema)) {
          if (!node.enum) continue;
          const values = node.enum as Json[];
          assert.ok(Array.isArray(node.enumDescriptions), `${pointer}: enum without enumDescriptions`);
          assert.equal((node.enumDescriptions as Json[]).length, values.length, `${pointer}: enumDescriptions length`);
          if (node.markdownEnumDescriptions) {
            assert.equal((node.markdownEnumDescriptions as Json[]).length, values.length, `${pointer}: markdownEnumDescriptions length`);
          }
        }
      });

      it('stays open: no additionalProperties: false anywhere', () => {
        const closed = [...subschemas(schema)].filter((v) => v.node.additionalProperties === false).map((v) => v.pointer);
        assert.deepEqual(closed, []);
      });

      it('writes defaultSnippets as vscode-yaml does: a list of { label, body }', () => {
        let count = 0;
        for (const { node, pointer } of subschemas(schema)) {
          if (node.defaultSnippets === undefined) continue;
          assert.ok(Array.isArray(node.defaultSnippets), `${pointer}: defaultSnippets is not a list`);
          for (const snippet of node.defaultSnippets as SchemaNode[]) {
            assert.equal(typeof snippet.label, 'string', `${pointer}: snippet without label`);
            assert.ok(snippet.body !== undefined, `${pointer}: snippet without body`);
            const isArraySchema = node.type === 'array';
            assert.equal(Array.isArray(snippet.body), isArraySchema, `${pointer}: snippet body shape does not match the type`);
            count++;
          }
        }
        assert.ok(count > 0, 'no defaultSnippets at all');
      });

      it('lists every required property under properties', () => {
        for (const { node, pointer } of subschemas(schema)) {
          for (const name of (node.required as string[] | undefined) ?? []) {
            assert.ok(name in ((node.properties ?? {}) as object), `${pointer}: required ${name} is not a property`);
          }
        }
      });
    });
  }

  describe('the Project contract', () => {
    const project = schemas.Project;
    const property = (pointer: string) => resolvePointer(project, pointer);

    it('requires exactly the fields a charter of each kind must have', () => {
      assert.deepEqual(
        [...(project.required as string[])].sort(),
        ['apiVersion', 'budget', 'id', 'kind', 'manager', 'schedule', 'sponsor', 'status', 'title'],
      );
      assert.deepEqual(property('#/properties/schedule').required, ['start', 'end']);
      assert.deepEqual(property('#/properties/budget').required, ['currency', 'approved']);
      assert.deepEqual(property('#/properties/milestones/items').required, ['id', 'date']);
      assert.deepEqual(property('#/properties/risks/items').required, ['id', 'title', 'probability', 'impact']);
      assert.deepEqual(property('#/properties/allocations/items').required, ['person', 'percent']);
    });

    it('keeps the contract enums', () => {
      assert.deepEqual(property('#/properties/status').enum, ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled']);
      assert.deepEqual(property('#/properties/milestones/items/properties/status').enum, ['planned', 'done', 'missed']);
      assert.deepEqual(property('#/properties/risks/items/properties/probability').enum, ['low', 'medium', 'high']);
      assert.deepEqual(property('#/properties/risks/items/properties/impact').enum, ['low', 'medium', 'high']);
      assert.deepEqual(property('#/properties/statusReport/properties/rag').enum, ['green', 'amber', 'red']);
      assert.ok((property('#/properties/stakeholders/items/properties/role').enum as string[]).includes('accountable'));
    });

    it('holds the performance data: actuals, forecasts, progress, dimensions, confidence and history', () => {
      const validate = validatorFor('Project');
      const base = { apiVersion: 'charter/v1', kind: 'Project', id: 'p', title: 'P', status: 'active', sponsor: 'a', manager: 'b', schedule: { start: '2027-01-04', end: '2027-12-17', forecastEnd: '2028-01-14' } };
      const performance = {
        ...base,
        budget: { currency: 'EUR', approved: 850000, requested: 900000, actualToDate: '312500.75', actualAsOf: '2027-04-30', forecastAtCompletion: 880000 },
        progress: { percentComplete: 62.5, asOf: '2027-04-30' },
        milestones: [{ id: 'm-a', date: '2027-03-01', weight: 2 }],
        statusReport: { asOf: '2027-04-30', rag: 'amber', confidence: 'amber-green', dimensions: { schedule: 'amber', cost: 'green', scope: 'green', benefits: 'green', resources: 'red' } },
        statusReports: [{ asOf: '2027-03-31', rag: 'green', forecastEnd: '2027-12-17', forecastAtCompletion: 850000 }],
      };
      assert.ok(validate(performance), JSON.stringify(validate.errors));
      // Money is never a float; confidence and dimensions are closed scales; percentages stop at 100.
      for (const bad of [
        { ...performance, budget: { ...performance.budget, actualToDate: 1250.5 } },
        { ...performance, statusReport: { ...performance.statusReport, confidence: 'amber-ish' } },
        { ...performance, statusReport: { ...performance.statusReport, dimensions: { cost: 'blue' } } },
        { ...performance, progress: { percentComplete: 101 } },
        { ...performance, statusReports: [{ rag: 'red' }] },
      ]) assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.deepEqual(property('#/properties/statusReport/properties/confidence').$ref, '#/$defs/confidence');
      assert.deepEqual(property('#/$defs/confidence').enum, ['green', 'amber-green', 'amber', 'amber-red', 'red']);
    });

    it('leaves phase open to the policy (not an enum)', () => {
      assert.equal(property('#/properties/phase').enum, undefined);
    });

    it('puts the top-level properties in the reading order of the contract example', () => {
      const order = Object.keys(project.properties as object);
      const contract = ['apiVersion', 'kind', 'id', 'title', 'summary', 'status', 'phase', 'programme', 'sponsor', 'manager',
        'purpose', 'objectives', 'scope', 'schedule', 'milestones', 'budget', 'risks', 'stakeholders', 'approvals',
        'dependencies', 'allocations', 'statusReport'];
      const positions = contract.map((name) => order.indexOf(name));
      assert.ok(positions.every((p) => p >= 0), 'a contract field is missing');
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    });
  });

  describe('shared value types', () => {
    const check = (ref: string, value: unknown) => ajv.validate({ $ref: `${BASE}${ref}` }, value);

    it('money is an integer or a decimal string, never a float', () => {
      for (const good of [0, 850000, '850000', '1250.50']) assert.ok(check('project.json#/$defs/money', good), String(good));
      for (const bad of [1250.5, -1, '1,250', '12.', 'EUR 100', true]) assert.ok(!check('project.json#/$defs/money', bad), String(bad));
    });

    it('ids are lower-case with dots and hyphens', () => {
      for (const good of ['jane.doe', 'raj.patel', 'fin-invoice-automation', 'obj-cost', 'm-vendor', 'r-ocr', 'so-cost']) {
        assert.ok(check('project.json#/$defs/personId', good), good);
        assert.ok(check('project.json#/$defs/localId', good), good);
      }
      for (const bad of ['Jane.Doe', 'fin invoice', '-x', 'x-', '']) assert.ok(!check('project.json#/$defs/projectId', bad), bad);
    });

    it('dates are real YYYY-MM-DD dates', () => {
      assert.ok(check('project.json#/$defs/date', '2027-03-31'));
      for (const bad of ['2027-02-30', '31/03/2027', '2027-3-31']) assert.ok(!check('project.json#/$defs/date', bad), bad);
    });

    it('currency is an ISO 4217 code', () => {
      assert.ok(check('project.json#/$defs/currency', 'EUR'));
      for (const bad of ['eur', 'EURO', '€']) assert.ok(!check('project.json#/$defs/currency', bad), bad);
    });
  });
});

describe('contract fixture (test/fixtures/contract)', () => {
  const documents = yamlFilesUnder(contractDir).flatMap(loadDocuments);

  it('holds one document of every kind, and the contract charter', () => {
    assert.deepEqual([...new Set(documents.map((d) => d.kind))].sort(), ['People', 'Portfolio', 'Programme', 'Project']);
    assert.ok(documents.some((d) => d.data.id === 'fin-invoice-automation'));
  });

  for (const doc of documents) {
    it(`${path.basename(doc.file)} is valid with no undeclared keys`, () => {
      const errors = schemaErrors(doc);
      assert.deepEqual(errors, [], describeErrors(errors));
      assert.deepEqual(undeclaredKeys(doc.data, schemas[doc.kind], schemas[doc.kind]), []);
    });
  }
});

describe('examples', () => {
  const clean = yamlFilesUnder(examplesDir).filter((f) => !f.startsWith(needsAttentionDir + path.sep));
  const documents = clean.flatMap(loadDocuments);
  const projectIds = new Set(documents.filter((d) => d.kind === 'Project').map((d) => String(d.data.id)));

  it('is a portfolio: people, a portfolio, at least 2 programmes and 10 projects', () => {
    const count = (kind: Kind) => documents.filter((d) => d.kind === kind).length;
    assert.equal(count('Portfolio'), 1);
    assert.equal(count('People'), 1);
    assert.ok(count('Programme') >= 2);
    assert.ok(count('Project') >= 10);
  });

  for (const doc of documents) {
    it(`${doc.file} is valid with no undeclared keys`, () => {
      const errors = schemaErrors(doc);
      assert.deepEqual(errors, [], describeErrors(errors));
      assert.deepEqual(undeclaredKeys(doc.data, schemas[doc.kind], schemas[doc.kind]), []);
      if (doc.kind === 'Project') assert.deepEqual(governanceProblems(doc.data as Charter, projectIds), []);
    });
  }

  describe('needs-attention (planted problems)', () => {
    const planted = yamlFilesUnder(needsAttentionDir).flatMap(loadDocuments);
    const allProjectIds = new Set([...projectIds, ...planted.map((d) => String(d.data.id))]);

    const findings = (doc: LoadedDocument) => ({
      schema: schemaErrors(doc).map((e) => `${e.keyword} ${e.instancePath || '/'}${e.keyword === 'required' ? ` ${e.params.missingProperty}` : ''}`),
      undeclared: undeclaredKeys(doc.data, schemas[doc.kind], schemas[doc.kind]),
      governance: governanceProblems(doc.data as Charter, allProjectIds),
    });

    it('holds 2-3 charters, each with a planted problem', () => {
      assert.ok(planted.length >= 2 && planted.length <= 3);
      for (const doc of planted) {
        const { schema, undeclared, governance } = findings(doc);
        assert.ok(schema.length + undeclared.length + governance.length > 0, `${doc.file} has no problem`);
      }
    });

    const expected: Record<string, ReturnType<typeof findings>> = {
      'dc-loyalty-programme.charter.yaml': {
        schema: ['enum /risks/0/impact'],
        undeclared: ['/assumtions'],
        governance: ['status/red-needs-recovery'],
      },
      'fin-procurement-portal.charter.yaml': {
        schema: ['required / manager', 'format /milestones/1/date'],
        undeclared: [],
        governance: ['budget/breakdown-sums'],
      },
      'ops-network-refresh.charter.yaml': {
        schema: ['format /objectives/0/targetDate'],
        undeclared: [],
        governance: ['portfolio/unknown-reference'],
      },
    };
    for (const [name, problems] of Object.entries(expected)) {
      it(`${name} has exactly its planted problems`, () => {
        const doc = planted.find((d) => path.basename(d.file) === name);
        assert.ok(doc, `${name} is missing`);
        assert.deepEqual(findings(doc), problems);
      });
    }
  });
});

describe('the README says what each kind requires', () => {
  const readme = readFileSync(path.join(schemaDir, '..', 'README.md'), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| `(Project|Programme|Portfolio|People)` \| (.*) \|$/gm)].map((m) => [m[1], m[2]]));
  const always = ['apiVersion', 'kind', 'id', 'title'];

  for (const kind of ['Project', 'Programme', 'Portfolio', 'People'] as Kind[]) {
    it(`${kind}: the same top-level required fields as the schema`, () => {
      const row = rows.get(kind);
      assert.ok(row !== undefined, `README has a row for ${kind}`);
      // The row's names outside parentheses and before a colon are the extra required fields.
      const listed = row.replace(/\([^)]*\)/g, '').split(':')[0].match(/`(\w+)`/g)?.map((n) => n.slice(1, -1)) ?? [];
      const required = (schemas[kind].required as string[]).filter((k) => !always.includes(k));
      assert.deepEqual(listed.sort(), required.sort());
    });
  }
});
