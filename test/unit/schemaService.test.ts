import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, type CharterLanguageService } from '../../server/src/engine/languageService';
import type { SchemaProblem, SchemaRequestOptions, SchemaResponse } from '../../server/src/engine/schema/schemaService';
import { normaliseSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { readSchemaFile } from '../../server/src/schemaRequest';
import { readSettingsFile } from '../../server/src/cli/workspace';
import { describe as show, readFixture, REPO, VALID_PROJECT } from '../support/engine';

const WS = 'file:///ws';

/** A language service over an in-memory set of schema files and URLs, built the way a test reads. */
class ServiceSetup {
  readonly files = new Map<string, string | SchemaResponse | Error>();
  readonly requests: Array<{ uri: string } & SchemaRequestOptions> = [];
  readonly problems: SchemaProblem[] = [];
  private settings: Record<string, unknown> = {};
  private trusted = true;
  service!: CharterLanguageService;

  withFile(relative: string, content: unknown): this {
    this.files.set(`${WS}/${relative}`, typeof content === 'string' ? content : JSON.stringify(content));
    return this;
  }

  withUrl(url: string, content: unknown | SchemaResponse | Error): this {
    this.files.set(url, content instanceof Error || isResponse(content) ? content : JSON.stringify(content));
    return this;
  }

  withSchemaFileMatch(url: string, ...fileMatch: string[]): this {
    const schemas = (this.settings.schemas as unknown[] | undefined) ?? [];
    this.settings.schemas = [...schemas, { fileMatch: fileMatch.length ? fileMatch : ['**/*.charter.yaml'], url }];
    return this;
  }

  withSettings(settings: Record<string, unknown>): this {
    Object.assign(this.settings, settings);
    return this;
  }

  untrusted(): this {
    this.trusted = false;
    return this;
  }

  build(): this {
    this.service = getLanguageService({
      schemaRequest: async (uri, options) => {
        this.requests.push({ uri, ...options });
        const content = this.files.get(uri);
        if (content === undefined) throw new Error('the file does not exist');
        if (content instanceof Error) throw content;
        return content;
      },
      onSchemaProblem: (problem) => this.problems.push(problem),
    });
    this.service.setWorkspaceTrust(this.trusted);
    return this;
  }

  async check(text: string, relativePath = 'projects/a.charter.yaml'): Promise<Finding[]> {
    const uri = `${WS}/${relativePath}`;
    this.service.forget(uri);
    return this.service.validate(this.service.parse(uri, text, 1), { relativePath, settings: normaliseSettings(this.settings) });
  }

  /** Only what schemas said: governance rules have their own tests. */
  async schemaFindings(text: string, relativePath?: string): Promise<Finding[]> {
    return (await this.check(text, relativePath)).filter((f) => f.rule.startsWith('schema/') || f.rule.startsWith('pmo/') || f.rule.startsWith('yaml/'));
  }
}

function isResponse(value: unknown): value is SchemaResponse {
  return !!value && typeof value === 'object' && typeof (value as SchemaResponse).content === 'string';
}

const BUILTIN_PROJECT = 'https://charter.dev/schemas/v1/project.json';

/** Acme's schema: ours plus a required costCentre with its own message, rule id and severity. */
const PMO_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  allOf: [{ $ref: BUILTIN_PROJECT }],
  required: ['costCentre'],
  properties: { costCentre: { $ref: 'common.schema.json#/$defs/costCentre' } },
  'x-rule': 'pmo/cost-centre',
  'x-severity': 'warning',
  'x-docs': 'https://pmo.example.org/cost-centres',
  errorMessage: { required: { costCentre: 'Every Acme project names its costCentre (like CC-1234).' } },
};
const COMMON_SCHEMA = {
  $defs: {
    costCentre: { type: 'string', pattern: '^CC-[0-9]{4}$', errorMessage: 'costCentre must look like CC-1234.' },
  },
};

const WITH_COST_CENTRE = VALID_PROJECT.replace('manager: raj.patel\n', 'manager: raj.patel\ncostCentre: CC-4410\n');

function acme(): ServiceSetup {
  return new ServiceSetup().withFile('.pmo/project.schema.json', PMO_SCHEMA).withFile('.pmo/common.schema.json', COMMON_SCHEMA).withSchemaFileMatch('.pmo/project.schema.json', 'projects/**/*.charter.yaml');
}

describe('schemaService', () => {
  describe('a PMO schema that extends the built-in one', () => {
    it('accepts a charter that meets both, with no findings', async () => {
      const setup = acme().build();
      assert.deepEqual((await setup.schemaFindings(WITH_COST_CENTRE)).map(show), []);
      assert.deepEqual(setup.requests.map((r) => r.uri), [`${WS}/.pmo/project.schema.json`, `${WS}/.pmo/common.schema.json`]);
    });

    it('reports its own requirement with its message, rule id, severity and docs', async () => {
      const [finding, ...rest] = await acme().build().schemaFindings(VALID_PROJECT);
      assert.deepEqual(rest, []);
      assert.equal(finding.rule, 'pmo/cost-centre');
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.message, 'Every Acme project names its costCentre (like CC-1234).');
      assert.equal(finding.docs, 'https://pmo.example.org/cost-centres');
      assert.equal(finding.origin, '.pmo/project.schema.json');
      assert.deepEqual(finding.related?.[0], {
        uri: `${WS}/.pmo/project.schema.json`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: 'Reported by the schema .pmo/project.schema.json (from the charter.schemas setting)',
      });
    });

    it('resolves a relative $ref to another PMO file, with its custom message (string form)', async () => {
      const findings = await acme().build().schemaFindings(WITH_COST_CENTRE.replace('CC-4410', 'cc 4410'));
      assert.deepEqual(findings.map(show), ['schema/pattern@8:13-8:20 costCentre must look like CC-1234.']);
    });

    it('still reports what the built-in schema finds, named after the PMO schema', async () => {
      const findings = await acme().build().schemaFindings(WITH_COST_CENTRE.replace('status: active', 'status: actve'));
      assert.deepEqual(findings.map((f) => [f.rule, f.origin]), [['schema/enum', '.pmo/project.schema.json']]);
      assert.match(findings[0].message, /Did you mean "active"\?/);
    });

    it('knows the keys the PMO adds: no unknown-key finding for costCentre, a did-you-mean for a typo', async () => {
      const findings = await acme().build().schemaFindings(WITH_COST_CENTRE.replace('costCentre:', 'costCenter:'));
      assert.ok(findings.some((f) => f.rule === 'schema/additionalProperties' && /Did you mean "costCentre"\?/.test(f.message)), findings.map(show).join('\n'));
    });

    it('lets charter.rules override x-severity, by rule id or area', async () => {
      assert.equal((await acme().withSettings({ rules: { 'pmo/cost-centre': 'error' } }).build().schemaFindings(VALID_PROJECT))[0].severity, 'error');
      assert.deepEqual(await acme().withSettings({ rules: { 'pmo/*': 'off' } }).build().schemaFindings(VALID_PROJECT), []);
    });

    it('applies only to the files its fileMatch covers', async () => {
      const setup = acme().build();
      assert.deepEqual(await setup.schemaFindings(VALID_PROJECT, 'archive/old.charter.yaml'), []);
      assert.equal((await setup.schemaFindings(VALID_PROJECT, 'projects/fin/new.charter.yaml')).length, 1);
    });

    it('works from the PMO fixture workspace, read from disk (the README example)', async () => {
      const root = path.join(REPO, 'test/fixtures/pmo');
      const service = getLanguageService({ schemaRequest: readSchemaFile });
      const settings = readSettingsFile(path.join(root, '.vscode/settings.json'));
      const check = async (name: string) => {
        const relativePath = `projects/${name}.charter.yaml`;
        const file = service.parse(pathToFileURL(path.join(root, relativePath)).href, readFixture('test/fixtures/pmo', relativePath));
        return (await service.validate(file, { relativePath, settings, folderUri: pathToFileURL(root).href })).filter((f) => /^(schema|pmo|yaml)\//.test(f.rule));
      };
      assert.deepEqual((await check('invoice-automation')).map(show), []);
      assert.deepEqual((await check('no-cost-centre')).map((f) => `${f.rule}:${f.severity}:${f.range.start.line}`), ['pmo/cost-centre:warning:0']);
      assert.deepEqual((await check('bad-cost-centre')).map((f) => `${f.rule}:${f.severity}`), ['pmo/cost-centre-format:error', 'schema/additionalProperties:warning']);
    });
  });

  describe('resolution sources', () => {
    it('uses a modeline over the setting, relative to the document', async () => {
      const setup = acme().withFile('projects/strict.json', { allOf: [{ $ref: BUILTIN_PROJECT }], required: ['purpose'] }).build();
      const findings = await setup.schemaFindings(`# yaml-language-server: $schema=strict.json\n${VALID_PROJECT}`);
      assert.deepEqual(findings.map((f) => [f.rule, f.origin]), [['schema/required', 'projects/strict.json']]);
    });

    it('uses a top-level $schema key over the setting', async () => {
      const setup = acme().withFile('projects/strict.json', { allOf: [{ $ref: BUILTIN_PROJECT }], required: ['purpose'] }).build();
      const findings = await setup.schemaFindings(`$schema: ./strict.json\n${VALID_PROJECT}`);
      assert.deepEqual(findings.map((f) => f.rule), ['schema/required']);
    });

    it('uses builtin:<kind> from a setting, and says so when the kind does not exist', async () => {
      const people = await new ServiceSetup().withSchemaFileMatch('builtin:people').build().schemaFindings(VALID_PROJECT);
      assert.ok(people.some((f) => f.rule === 'schema/required' && /"people"/.test(f.message)), people.map(show).join('\n'));
      const bad = await new ServiceSetup().withSchemaFileMatch('builtin:projects').build().schemaFindings(VALID_PROJECT);
      assert.deepEqual(bad.map(show), [
        'schema/unavailable@1:1-1:23 The schema builtin:projects (from the charter.schemas setting) cannot be used: "builtin:projects" is not a built-in schema; use builtin:project, builtin:programme, builtin:portfolio, builtin:people. Fix the schema or the charter.schemas entry that points at it; until then this document is not checked against it.',
      ]);
    });

    it('checks a file of no known kind when a schema is associated with it', async () => {
      const setup = new ServiceSetup().withFile('s.json', { type: 'object', required: ['owner'] }).withSchemaFileMatch('s.json', 'notes/*.yaml').build();
      assert.deepEqual((await setup.schemaFindings('title: x\n', 'notes/a.yaml')).map((f) => f.rule), ['schema/required']);
      assert.deepEqual(await setup.schemaFindings('title: x\n', 'other/a.yaml'), []);
    });

    it('describes which schema applies to each document and where it came from', async () => {
      const setup = acme().build();
      const text = `${WITH_COST_CENTRE}---\n# $schema: builtin:people\nkind: People\npeople: []\n`;
      const file = setup.service.parse(`${WS}/projects/a.charter.yaml`, text, 1);
      const described = await setup.service.describeSchemas(file, { relativePath: 'projects/a.charter.yaml', settings: normaliseSettings({ schemas: [{ fileMatch: ['projects/**'], url: '.pmo/project.schema.json' }] }) });
      assert.deepEqual(described.map((d) => [d.document, d.assignment.source, d.assignment.label, d.state.state]), [
        [0, 'setting', '.pmo/project.schema.json', 'ready'],
        [1, 'modeline', 'built-in People schema', 'ready'],
      ]);
    });
  });

  describe('schemas between themselves', () => {
    it('follows cyclic $refs between PMO files', async () => {
      const setup = new ServiceSetup()
        .withFile('a.json', { allOf: [{ $ref: BUILTIN_PROJECT }], properties: { team: { $ref: 'b.json' } } })
        .withFile('b.json', { type: 'object', properties: { name: { type: 'string' }, parent: { $ref: 'b.json' }, lead: { $ref: 'a.json#/properties/team' } } })
        .withSchemaFileMatch('a.json')
        .build();
      const findings = await setup.schemaFindings(`${VALID_PROJECT}team:\n  name: 3\n  parent:\n    name: ok\n`);
      assert.deepEqual(findings.map((f) => `${f.rule}@${f.range.start.line + 1}`), ['schema/type@17']);
    });

    it('resolves relative $refs against the schema $id, reading the files next to the schema', async () => {
      const setup = new ServiceSetup()
        .withFile('pmo/project.json', { $id: 'https://pmo.example.org/schemas/project.json', allOf: [{ $ref: BUILTIN_PROJECT }, { $ref: 'extra.json' }] })
        .withFile('pmo/extra.json', { required: ['purpose'] })
        .withSchemaFileMatch('pmo/project.json')
        .build();
      assert.deepEqual((await setup.schemaFindings(VALID_PROJECT)).map((f) => f.rule), ['schema/required']);
      assert.deepEqual(setup.requests.map((r) => r.uri), [`${WS}/pmo/project.json`, `${WS}/pmo/extra.json`]);
    });

    it('accepts a draft-07 schema: definitions, tuple items, dependencies', async () => {
      const setup = new ServiceSetup()
        .withFile('d7.json', {
          $schema: 'http://json-schema.org/draft-07/schema#',
          definitions: { code: { type: 'string', pattern: '^[A-Z]{3}$' } },
          allOf: [{ $ref: BUILTIN_PROJECT }],
          properties: { pair: { type: 'array', items: [{ $ref: '#/definitions/code' }, { type: 'integer' }], additionalItems: false } },
          dependencies: { purpose: ['summary'] },
        })
        .withSchemaFileMatch('d7.json')
        .build();
      const findings = await setup.schemaFindings(`${VALID_PROJECT}pair: [eur, 1, 2]\npurpose: why\n`);
      assert.deepEqual(findings.map((f) => f.rule).sort(), ['schema/dependencies', 'schema/items', 'schema/pattern']);
    });

    it('shares one load between documents and files, and reports a problem once', async () => {
      const setup = new ServiceSetup().withSchemaFileMatch('missing.json').build();
      await setup.check(VALID_PROJECT, 'projects/a.charter.yaml');
      await setup.check(VALID_PROJECT, 'projects/b.charter.yaml');
      assert.equal(setup.requests.length, 1);
      assert.deepEqual(setup.problems, [{ uri: `${WS}/missing.json`, label: 'missing.json', reason: 'the file does not exist', state: 'unavailable' }]);
    });
  });

  describe('a broken schema', () => {
    const broken = async (content: unknown, extra?: (s: ServiceSetup) => ServiceSetup) => {
      let setup = new ServiceSetup().withSchemaFileMatch('.pmo/broken.json');
      if (content !== undefined) setup = setup.withFile('.pmo/broken.json', content);
      setup = (extra ? extra(setup) : setup).build();
      const findings = await setup.check(VALID_PROJECT);
      const schemaFindings = findings.filter((f) => f.rule.startsWith('schema/'));
      assert.equal(schemaFindings.length, 1, schemaFindings.map(show).join('\n'));
      const [finding] = schemaFindings;
      assert.equal(finding.rule, 'schema/unavailable');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } });
      assert.ok(finding.message.startsWith('The schema .pmo/broken.json (from the charter.schemas setting) cannot be used: '), finding.message);
      return finding.message.replace(/^The schema .*? cannot be used: /, '').replace(/\. Fix the schema .*$/, '');
    };

    it('missing: says the file does not exist', async () => {
      assert.equal(await broken(undefined), 'the file does not exist');
    });

    it('not JSON: says where', async () => {
      assert.equal(await broken('{\n  "type": "object",\n}'), 'it is not valid JSON (line 3, column 1: property name expected)');
    });

    it('not an object', async () => {
      assert.equal(await broken('[1, 2]'), 'it is not a JSON Schema (a schema is a JSON object)');
    });

    it('not a valid schema', async () => {
      assert.match(await broken({ type: 'objekt' }), /^it is not a valid JSON Schema \(data\/type must be equal to one of the allowed values/);
    });

    it('an unknown $ref fragment', async () => {
      assert.equal(
        await broken({ allOf: [{ $ref: `${BUILTIN_PROJECT}#/$defs/nothing` }] }),
        `its $ref "${BUILTIN_PROJECT}#/$defs/nothing" (in .pmo/broken.json) points at nothing: no such schema or no such place in it`,
      );
    });

    it('a $ref to a file that is missing', async () => {
      assert.equal(await broken({ $ref: 'common.json' }), '.pmo/common.json cannot be read: the file does not exist (its $ref "common.json" from .pmo/broken.json points there)');
    });

    it('a $ref to a file that is not JSON', async () => {
      assert.match(await broken({ $ref: 'common.json' }, (s) => s.withFile('.pmo/common.json', 'nope')), /^\.pmo\/common\.json, which it needs, is not valid JSON/);
    });

    it('a copy of our schema that kept our $id', async () => {
      assert.equal(await broken({ $id: BUILTIN_PROJECT, type: 'object' }), `its $id ${BUILTIN_PROJECT} is already used by another schema; give this schema its own $id (or none)`);
    });

    it('a JSON Schema version we do not read', async () => {
      assert.match(await broken({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }), /^its \$schema "http:\/\/json-schema.org\/draft-04\/schema#" is a JSON Schema version Charter does not read/);
    });

    it('gives one finding per document, on its first line (line 1 of the file for the first), and leaves other files alone', async () => {
      const setup = new ServiceSetup().withSchemaFileMatch('nope.json', 'projects/**').build();
      const findings = await setup.check(`# a comment\n${VALID_PROJECT}---\n${VALID_PROJECT}`);
      assert.deepEqual(findings.filter((f) => f.rule.startsWith('schema/')).map((f) => `${f.rule}@${f.range.start.line}`), ['schema/unavailable@0', 'schema/unavailable@17']);
      assert.deepEqual((await setup.schemaFindings(VALID_PROJECT, 'other/b.charter.yaml')).map(show), []);
    });

    it('recovers once the schema is fixed (the file changed)', async () => {
      const setup = new ServiceSetup().withFile('s.json', '{ nope').withSchemaFileMatch('s.json').build();
      assert.equal((await setup.schemaFindings(VALID_PROJECT))[0].rule, 'schema/unavailable');
      setup.withFile('s.json', { allOf: [{ $ref: BUILTIN_PROJECT }], required: ['purpose'] });
      assert.equal(setup.service.forgetSchemas(`${WS}/s.json`), true);
      assert.deepEqual((await setup.schemaFindings(VALID_PROJECT)).map((f) => f.rule), ['schema/required']);
    });
  });

  describe('reload on change', () => {
    it('drops a schema that changed and every schema that $refs it; nothing else', async () => {
      const setup = acme().withFile('other.json', { allOf: [{ $ref: BUILTIN_PROJECT }] }).withSchemaFileMatch('other.json', 'other/**').build();
      await setup.check(WITH_COST_CENTRE.replace('CC-4410', 'CC-1'));
      await setup.check(VALID_PROJECT, 'other/x.charter.yaml');
      assert.equal(setup.service.forgetSchemas(`${WS}/unrelated.json`), false);
      setup.withFile('.pmo/common.schema.json', { $defs: { costCentre: { type: 'string', pattern: '^CC-[0-9]+$' } } });
      assert.equal(setup.service.forgetSchemas(`${WS}/.pmo/common.schema.json`), true);
      const before = setup.requests.length;
      assert.deepEqual(await setup.schemaFindings(WITH_COST_CENTRE.replace('CC-4410', 'CC-1')), []);
      assert.deepEqual(setup.requests.slice(before).map((r) => r.uri), [`${WS}/.pmo/project.schema.json`, `${WS}/.pmo/common.schema.json`]);
      await setup.check(VALID_PROJECT, 'other/x.charter.yaml');
      assert.equal(setup.requests.length, before + 2, 'other.json was not read again');
    });

    it('forgets everything on request (Refresh Schemas)', async () => {
      const setup = acme().build();
      await setup.check(VALID_PROJECT);
      assert.deepEqual(setup.service.loadedSchemaLocations().sort(), [`${WS}/.pmo/common.schema.json`, `${WS}/.pmo/project.schema.json`]);
      assert.equal(setup.service.forgetSchemas(), true);
      assert.deepEqual(setup.service.loadedSchemaLocations(), []);
      await setup.check(VALID_PROJECT);
      assert.equal(setup.requests.length, 4);
    });
  });

  describe('remote schemas and trust', () => {
    const URL_SCHEMA = 'https://pmo.example.org/project.json';

    it('loads a URL through the request function, with downloads on or off as the setting says', async () => {
      const setup = new ServiceSetup().withUrl(URL_SCHEMA, { allOf: [{ $ref: BUILTIN_PROJECT }], required: ['purpose'] }).withSchemaFileMatch(URL_SCHEMA).withSettings({ schemaDownload: { enable: false } }).build();
      const findings = await setup.schemaFindings(VALID_PROJECT);
      assert.deepEqual(findings.map((f) => [f.rule, f.origin]), [['schema/required', URL_SCHEMA]]);
      assert.deepEqual(findings[0].related?.[0].uri, `${WS}/projects/a.charter.yaml`, 'a URL is named on the document itself');
      assert.deepEqual(setup.requests, [{ uri: URL_SCHEMA, download: false }]);
    });

    it('says when a cached copy stands in for the download', async () => {
      const setup = new ServiceSetup()
        .withUrl(URL_SCHEMA, { content: JSON.stringify({ allOf: [{ $ref: BUILTIN_PROJECT }] }), cached: { savedAt: '2027-01-02T03:04:05.000Z', reason: 'nothing answers at pmo.example.org (connection refused)' } })
        .withSchemaFileMatch(URL_SCHEMA)
        .build();
      assert.deepEqual((await setup.schemaFindings(VALID_PROJECT)).map(show), [
        `schema/cached@1:1-1:23 The schema ${URL_SCHEMA} (from the charter.schemas setting) could not be downloaded (nothing answers at pmo.example.org (connection refused)), so the copy saved on 2027-01-02 03:04 UTC is used. Run "Charter: Refresh Schemas" once it can be reached again.`,
      ]);
      assert.equal((await setup.check(VALID_PROJECT)).find((f) => f.rule === 'schema/cached')?.severity, 'info');
    });

    it('untrusted: downloads nothing, says why, and checks against the built-in schema instead', async () => {
      const setup = new ServiceSetup().withUrl(URL_SCHEMA, { required: ['purpose'] }).withSchemaFileMatch(URL_SCHEMA).untrusted().build();
      const findings = await setup.schemaFindings(VALID_PROJECT.replace('status: active', 'status: actve'));
      assert.deepEqual(findings.map((f) => `${f.rule}:${f.severity}`), ['schema/untrusted:info', 'schema/enum:error']);
      assert.equal(
        findings[0].message,
        `The schema ${URL_SCHEMA} (from the charter.schemas setting) was not loaded: this workspace is not trusted, and in Restricted Mode Charter downloads no schema. The built-in Project schema applies instead until you trust the workspace.`,
      );
      assert.equal(findings[1].origin, 'built-in Project schema');
      assert.deepEqual(setup.requests, []);
      assert.equal(setup.problems[0]?.state, 'untrusted');
    });

    it('untrusted: reads workspace schema files, but none from outside and none they $ref remotely', async () => {
      const setup = acme()
        .withSchemaFileMatch('/etc/pmo/project.json', 'outside/**')
        .withFile('remote-ref.json', { allOf: [{ $ref: URL_SCHEMA }] })
        .withSchemaFileMatch('remote-ref.json', 'remote/**')
        .untrusted()
        .build();
      assert.deepEqual((await setup.schemaFindings(VALID_PROJECT)).map((f) => f.rule), ['pmo/cost-centre']);
      const outside = await setup.schemaFindings(VALID_PROJECT, 'outside/a.charter.yaml');
      assert.deepEqual(outside.map((f) => f.rule), ['schema/untrusted']);
      assert.match(outside[0].message, /reads no schema from outside the workspace/);
      const remote = await setup.schemaFindings(VALID_PROJECT, 'remote/a.charter.yaml');
      assert.match(remote[0].message, /downloads no schema, and it needs https:\/\/pmo\.example\.org\/project\.json/);
      assert.ok(setup.requests.every((r) => r.uri.startsWith(`${WS}/`)), JSON.stringify(setup.requests));
    });

    it('loads remote schemas once the workspace is trusted', async () => {
      const setup = new ServiceSetup().withUrl(URL_SCHEMA, { allOf: [{ $ref: BUILTIN_PROJECT }], required: ['purpose'] }).withSchemaFileMatch(URL_SCHEMA).untrusted().build();
      assert.equal((await setup.schemaFindings(VALID_PROJECT))[0].rule, 'schema/untrusted');
      setup.service.setWorkspaceTrust(true);
      assert.deepEqual((await setup.schemaFindings(VALID_PROJECT)).map((f) => f.rule), ['schema/required']);
    });
  });

  // Issue 11, items 2 and 3: a schema file is data, trusted or not.
  describe('a hostile schema file', () => {
    const modeline = (schema: string, body: string) => `# yaml-language-server: $schema=../${schema}\n${body}`;

    for (const trust of ['trusted', 'untrusted'] as const) {
      it(`nested thousands deep is schema/unavailable with the reason, not a crash (${trust})`, async () => {
        const setup = new ServiceSetup().withFile('deep.schema.json', '{"allOf":['.repeat(1500) + '{}' + ']}'.repeat(1500));
        if (trust === 'untrusted') setup.untrusted();
        const findings = await setup.build().schemaFindings(modeline('deep.schema.json', 'title: x\n'));
        assert.deepEqual(findings.map((f) => f.rule), ['schema/unavailable']);
        assert.match(findings[0].message, /cannot be used: it nests more than 256 levels deep/);
      });

      it(`runs a catastrophic pattern in linear time: forty a's and a ! are simply no match (${trust})`, async () => {
        const setup = new ServiceSetup().withFile('re.schema.json', { type: 'object', properties: { title: { type: 'string', pattern: '^(a+)+$' } } });
        if (trust === 'untrusted') setup.untrusted();
        const built = setup.build();
        const findings = await built.schemaFindings(modeline('re.schema.json', `title: ${'a'.repeat(40)}!\n`));
        assert.deepEqual(findings.map((f) => f.rule), ['schema/pattern']);
        assert.deepEqual(await built.schemaFindings(modeline('re.schema.json', `title: ${'a'.repeat(40)}\n`)), []);
      });
    }

    it('still reads a schema 120 levels deep', async () => {
      const setup = new ServiceSetup().withFile('d.schema.json', '{"allOf":['.repeat(120) + '{"type":"object"}' + ']}'.repeat(120));
      assert.deepEqual(await setup.build().schemaFindings(modeline('d.schema.json', 'title: x\n')), []);
    });

    it('refuses a pattern with lookaround or a backreference, saying why, instead of running it', async () => {
      const setup = new ServiceSetup().withFile('look.schema.json', { properties: { title: { pattern: '^(?!x)(a)\\1' } } });
      const findings = await setup.build().schemaFindings(modeline('look.schema.json', 'title: x\n'));
      assert.deepEqual(findings.map((f) => f.rule), ['schema/unavailable']);
      assert.match(findings[0].message, /the pattern "\^\(\?!x\)\(a\)\\1" cannot be used: it uses lookaround or a backreference, which can take exponential time/);
    });
  });
});

