// schemas/ruleset.schema.json, which the YAML extension applies to *.ruleset.yaml: it accepts the
// rulesets Charter accepts and catches the mistakes a PMO makes while writing one.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { BUILTIN_RULESETS } from '../../../server/src/engine/rulesets/builtinRulesets';
import { FUNCTIONS } from '../../../server/src/engine/rulesets/functions/index';
import { REPO } from '../../support/engine';

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/ruleset.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

describe('rulesets: ruleset.schema.json', () => {
  it('accepts the worked example and the built-in rulesets', () => {
    const files = [fs.readFileSync(path.join(REPO, 'test/fixtures/pmo-rulesets/pmo/acme.ruleset.yaml'), 'utf8'), ...BUILTIN_RULESETS.values()];
    for (const text of files) assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
  });

  it('names exactly the library\'s functions', () => {
    assert.deepEqual([...schema.$defs.check.properties.function.enum].sort(), [...FUNCTIONS.keys()].sort());
  });

  it('catches a misspelt key, a bad rule id and an unknown function', () => {
    const rule = { id: 'pmo/a', description: 'x', given: '$', then: { function: 'defined' } };
    assert.ok(validate({ rules: [rule] }));
    for (const bad of [{ ...rule, sevrity: 'error' }, { ...rule, id: 'a' }, { ...rule, then: { function: 'eval' } }, { ...rule, given: 'risks' }]) {
      assert.equal(validate({ rules: [bad] }), false, JSON.stringify(bad));
    }
  });
});
