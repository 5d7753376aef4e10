// The JSON-Schema-Test-Suite (draft 2020-12 and draft-07) through Charter's SchemaRegistry, next to
// ajv's own result on the same cases, with formats asserted as Charter asserts them (ajv-formats). The
// registry runs every schema on one 2020-12 ajv, with draft-07 spellings (tuples, fragment `$id`s)
// rewritten and patterns on RE2; on neither draft may it pass a different number of cases than ajv.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SchemaRegistry, type JsonSchema } from '../../server/src/engine/schema/schemaRegistry';
import { REPO } from '../support/engine';

const SUITE = path.join(REPO, 'test', 'fixtures', 'json-schema-test-suite');
const REMOTE = 'http://localhost:1234/';

interface Group {
  description: string;
  schema: JsonSchema;
  tests: Array<{ description: string; data: unknown; valid: boolean }>;
}

function groups(draft: string): Array<Group & { file: string }> {
  const dir = path.join(SUITE, 'tests', draft);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Group[]).map((g) => ({ ...g, file })));
}

function remotes(): Array<{ uri: string; schema: JsonSchema }> {
  const out: Array<{ uri: string; schema: JsonSchema }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push({ uri: REMOTE + path.relative(path.join(SUITE, 'remotes'), full).split(path.sep).join('/'), schema: JSON.parse(fs.readFileSync(full, 'utf8')) });
    }
  };
  walk(path.join(SUITE, 'remotes'));
  return out;
}

const REMOTES = remotes();

/** Passing cases through Charter's registry: each group's schema registered, compiled, run on its data. */
function throughRegistry(list: Array<Group & { file: string }>): number {
  const registry = new SchemaRegistry();
  for (const remote of REMOTES) registry.add(remote.uri, remote.schema);
  let passed = 0;
  list.forEach((group, i) => {
    const id = `https://suite.charter.test/${group.file}/${i}`;
    if (registry.add(id, group.schema) !== undefined) return;
    const compiled = registry.compile(id);
    if (compiled.ok) for (const t of group.tests) if (safely(() => compiled.validate(t.data)) === t.valid) passed++;
    registry.remove(id);
  });
  return passed;
}

/** Passing cases through ajv (its class for the draft, unknown keywords ignored, formats asserted by ajv-formats). */
function throughAjv(draft: string, list: Group[]): number {
  let passed = 0;
  for (const group of list) {
    const ajv = draft === 'draft7' ? new Ajv({ strict: false, logger: false }) : new Ajv2020({ strict: false, logger: false });
    addFormats(ajv);
    if (JSON.stringify(group.schema).includes(REMOTE)) for (const remote of REMOTES) safely(() => ajv.addSchema(remote.schema as object, remote.uri));
    const validate = safely(() => ajv.compile(group.schema as object));
    if (validate) for (const t of group.tests) if (safely(() => validate(t.data)) === t.valid) passed++;
  }
  return passed;
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** The figures in README.md's testing section; a change below them is a regression. */
const FIGURES: Record<string, { cases: number; ours: number; ajv: number }> = {
  'draft2020-12': { cases: 1299, ours: 1222, ajv: 1222 },
  draft7: { cases: 927, ours: 919, ajv: 919 },
};

describe('JSON-Schema-Test-Suite through the schema registry', function () {
  this.timeout(120_000);
  for (const draft of Object.keys(FIGURES)) {
    it(`${draft}: passes the recorded share of cases, next to ajv's own`, () => {
      const list = groups(draft);
      const cases = list.reduce((n, g) => n + g.tests.length, 0);
      const ours = throughRegistry(list);
      const ajv = throughAjv(draft, list);
      console.log(`      ${draft}: ${cases} cases, Charter's registry passes ${ours} (${((100 * ours) / cases).toFixed(1)} %), ajv ${ajv} (${((100 * ajv) / cases).toFixed(1)} %)`);
      assert.equal(cases, FIGURES[draft].cases);
      assert.equal(ajv, FIGURES[draft].ajv);
      assert.ok(ours >= FIGURES[draft].ours, `Charter's registry passes ${ours}, fewer than the ${FIGURES[draft].ours} recorded`);
      assert.equal(ours, ajv, `on ${draft}, Charter's registry passes exactly what ajv passes`);
    });
  }
});
