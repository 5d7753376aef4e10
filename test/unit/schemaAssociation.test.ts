import { strict as assert } from 'node:assert';
import {
  isInside,
  matchesFile,
  resolveReference,
  resolveSchemaFor,
  schemaLabel,
  type AssociationInput,
} from '../../server/src/engine/schema/schemaAssociation';

const FOLDER = 'file:///work/acme';
const DOC = `${FOLDER}/projects/fin/invoice.charter.yaml`;

/** Resolves the schema for a document in `projects/fin/invoice.charter.yaml`, with the given text and settings. */
function resolve(text: string, overrides: Partial<AssociationInput> = {}) {
  return resolveSchemaFor({
    documentUri: DOC,
    documentText: text,
    value: undefined,
    kind: 'Project',
    relativePath: 'projects/fin/invoice.charter.yaml',
    folderUri: FOLDER,
    associations: [],
    ...overrides,
  });
}

const SETTING = [{ fileMatch: ['projects/**/*.charter.yaml'], url: '.pmo/project.schema.json' }];

describe('schemaAssociation', () => {
  describe('resolution order: modeline, $schema key, charter.schemas, built-in', () => {
    it('takes a yaml-language-server modeline first, relative to the document', () => {
      const a = resolve('# yaml-language-server: $schema=../../schemas/pmo.json\napiVersion: charter/v1\n', {
        value: { $schema: 'other.json' },
        associations: SETTING,
      });
      assert.equal(a?.source, 'modeline');
      assert.equal(a?.uri, `${FOLDER}/schemas/pmo.json`);
      assert.equal(a?.label, 'schemas/pmo.json');
      assert.equal(a?.written, '../../schemas/pmo.json');
    });

    it('takes the short `# $schema:` modeline too', () => {
      const a = resolve('# $schema: https://pmo.example.org/project.json\nkind: Project\n', { associations: SETTING });
      assert.deepEqual([a?.source, a?.uri, a?.label], ['modeline', 'https://pmo.example.org/project.json', 'https://pmo.example.org/project.json']);
    });

    it('takes a top-level $schema key before the settings, relative to the document', () => {
      const a = resolve('$schema: ./local.schema.json\n', { value: { $schema: './local.schema.json' }, associations: SETTING });
      assert.deepEqual([a?.source, a?.uri], ['property', `${FOLDER}/projects/fin/local.schema.json`]);
    });

    it('takes the first charter.schemas entry whose fileMatch matches, relative to the workspace folder', () => {
      const a = resolve('kind: Project\n', {
        associations: [{ fileMatch: ['programmes/**'], url: 'nope.json' }, ...SETTING, { fileMatch: ['**/*.yaml'], url: 'later.json' }],
      });
      assert.deepEqual([a?.source, a?.uri, a?.label], ['setting', `${FOLDER}/.pmo/project.schema.json`, '.pmo/project.schema.json']);
    });

    it('falls back to the built-in schema for the kind, and to nothing without a kind', () => {
      const a = resolve('kind: Project\n');
      assert.deepEqual([a?.source, a?.uri, a?.label, a?.builtin], ['builtin', 'https://charter.dev/schemas/v1/project.json', 'built-in Project schema', 'Project']);
      assert.equal(resolve('title: x\n', { kind: undefined }), undefined);
    });

    it('resolves a setting without a workspace folder against the document', () => {
      const a = resolve('kind: Project\n', { folderUri: undefined, associations: SETTING });
      assert.equal(a?.uri, `${FOLDER}/projects/fin/.pmo/project.schema.json`);
    });

    it('ignores a modeline that is not a comment line', () => {
      const a = resolve('summary: "# $schema: nope.json"\n', { associations: SETTING });
      assert.equal(a?.source, 'setting');
    });
  });

  describe('urls', () => {
    it('reads builtin:<kind> (any case) as the built-in schema, and says so when the kind is unknown', () => {
      const a = resolve('kind: Project\n', { associations: [{ fileMatch: ['**'], url: 'builtin:Programme' }] });
      assert.deepEqual([a?.uri, a?.builtin, a?.source, a?.error], ['https://charter.dev/schemas/v1/programme.json', 'Programme', 'setting', undefined]);
      const bad = resolve('kind: Project\n', { associations: [{ fileMatch: ['**'], url: 'builtin:projet' }] });
      assert.match(bad?.error ?? '', /"builtin:projet" is not a built-in schema; use builtin:project, builtin:programme/);
    });

    it('treats our own $id as the built-in schema: nothing to download', () => {
      const a = resolve('# $schema: https://charter.dev/schemas/v1/people.json\n');
      assert.equal(a?.builtin, 'People');
      assert.equal(a?.source, 'modeline');
    });

    it('turns absolute paths into file URIs and keeps URLs', () => {
      assert.equal(resolveReference('/etc/pmo/project.json', DOC), 'file:///etc/pmo/project.json');
      assert.equal(resolveReference('C:\\pmo\\project.json', DOC), 'file:///c%3A/pmo/project.json');
      assert.equal(resolveReference('https://pmo.example.org/a.json', DOC), 'https://pmo.example.org/a.json');
      assert.equal(resolveReference('..\\shared\\a.json', DOC), `${FOLDER}/projects/shared/a.json`);
    });

    it('names a schema by its workspace path, its file path, or its URL', () => {
      assert.equal(schemaLabel(`${FOLDER}/.pmo/p.json`, FOLDER), '.pmo/p.json');
      assert.equal(schemaLabel('file:///etc/pmo/p.json', FOLDER), '/etc/pmo/p.json');
      assert.equal(schemaLabel('https://x.example/p.json', FOLDER), 'https://x.example/p.json');
      assert.ok(isInside('file:///C:/work/acme/a.json', 'file:///c%3A/work/acme'));
      assert.ok(!isInside('file:///work/acme-other/a.json', FOLDER));
    });
  });

  describe('fileMatch globs', () => {
    it('match the workspace-relative path', () => {
      assert.ok(matchesFile(['projects/**/*.charter.yaml'], 'projects/fin/invoice.charter.yaml'));
      assert.ok(matchesFile(['projects/**/*.charter.yaml'], 'projects/invoice.charter.yaml'));
      assert.ok(!matchesFile(['projects/**/*.charter.yaml'], 'archive/projects/invoice.charter.yaml'));
      assert.ok(matchesFile(['./projects/*.charter.yaml'], 'projects/invoice.charter.yaml'));
    });

    it('match a pattern without a slash against the file name in any folder', () => {
      assert.ok(matchesFile(['*.charter.yaml'], 'projects/fin/invoice.charter.yaml'));
      assert.ok(matchesFile(['portfolio.yaml'], 'portfolio.yaml'));
      assert.ok(!matchesFile(['*.charter.yaml'], 'projects/people.yaml'));
    });

    it('take dot folders, brace lists and exclusions', () => {
      assert.ok(matchesFile(['**/*.charter.yaml'], '.drafts/a.charter.yaml'));
      assert.ok(matchesFile(['{finance,hr}/**/*.yaml'], 'hr/x/a.yaml'));
      assert.ok(!matchesFile(['projects/**', '!projects/archive/**'], 'projects/archive/old.charter.yaml'));
      assert.ok(matchesFile(['projects/**', '!projects/archive/**'], 'projects/live/new.charter.yaml'));
      assert.ok(!matchesFile(['!projects/**'], 'other/a.yaml'), 'only exclusions match nothing');
      assert.ok(!matchesFile([], 'a.yaml'));
    });
  });
});
