// The domain's words are spelled once (model/vocabulary.ts, model/documentKinds.ts); the manifest, the
// schemas, the CLI's help and the README repeat some of them and must say the same.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELP } from '../../server/src/cli';
import { DEFAULT_INCLUDE, DOCUMENT_KINDS } from '../../server/src/engine/model/documentKinds';
import {
  DEFAULT_EXCLUDE,
  DEFAULT_GROUP_BY,
  DEFAULT_LIVE_STATUSES,
  FINISHED_STATUSES,
  GROUP_BY_KEYS,
  GROUP_BY_LABELS,
  PROJECT_STATUSES,
  RAGS,
  REPORT_FORMATS,
  SEVERITY_SETTINGS,
} from '../../server/src/engine/model/vocabulary';
import { defaultSettings, normaliseSettings } from '../../server/src/engine/settings';
import { REPO } from '../support/engine';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties;
const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', `${name}.schema.json`), 'utf8'));

describe('one vocabulary', () => {
  describe('package.json repeats it exactly', () => {
    it('charter.portfolio.groupBy: the group-by keys, one description each, and the default', () => {
      const groupBy = settings['charter.portfolio.groupBy'];
      assert.deepEqual(groupBy.enum, [...GROUP_BY_KEYS]);
      assert.equal(groupBy.enumDescriptions.length, GROUP_BY_KEYS.length);
      assert.equal(groupBy.default, DEFAULT_GROUP_BY);
      assert.deepEqual(Object.keys(GROUP_BY_LABELS), [...GROUP_BY_KEYS]);
    });

    it('charter.rules: the severity settings', () => {
      assert.deepEqual(settings['charter.rules'].additionalProperties.enum, [...SEVERITY_SETTINGS]);
    });

    it('charter.files.include and exclude: the default globs of the kind table', () => {
      assert.deepEqual(settings['charter.files.include'].default, [...DEFAULT_INCLUDE]);
      assert.deepEqual(settings['charter.files.exclude'].default, [...DEFAULT_EXCLUDE]);
    });

    it('the charter language claims exactly the files the default globs find', () => {
      const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'charter');
      const names = DEFAULT_INCLUDE.map((glob) => glob.replace(/^\*\*\//, ''));
      assert.deepEqual([...language.filenames].sort(), names.filter((n) => !n.includes('*')).sort());
      assert.deepEqual([...language.filenamePatterns].sort(), names.filter((n) => n.includes('*')).sort());
    });

    it('activates only on files the default globs find', () => {
      const globs = manifest.activationEvents.filter((e: string) => e.startsWith('workspaceContains:')).map((e: string) => e.slice('workspaceContains:'.length));
      assert.ok(globs.length > 0);
      for (const glob of globs) assert.ok(DEFAULT_INCLUDE.includes(glob), glob);
    });
  });

  describe('the schemas repeat it exactly', () => {
    it('a project status is one of the project statuses, live and finished ones among them', () => {
      assert.deepEqual(schema('project').properties.status.enum, [...PROJECT_STATUSES]);
      for (const status of [...DEFAULT_LIVE_STATUSES, ...FINISHED_STATUSES]) assert.ok(PROJECT_STATUSES.includes(status), status);
      assert.deepEqual(
        DEFAULT_LIVE_STATUSES.filter((s) => FINISHED_STATUSES.includes(s)),
        [],
      );
    });

    it('every schema that rates health rates it green, amber or red', () => {
      let rated = 0;
      for (const name of ['project', 'programme', 'portfolio', 'people']) {
        const rag = schema(name).$defs?.rag;
        if (!rag) continue;
        rated++;
        assert.deepEqual(rag.enum, [...RAGS], name);
      }
      assert.ok(rated > 0);
    });

    it("a ruleset rule's kinds are the document kinds", () => {
      assert.deepEqual(schema('ruleset').$defs.rule.properties.kinds.items.enum, [...DOCUMENT_KINDS]);
    });
  });

  describe('the words users read repeat it', () => {
    it("charter report's help and the README list the formats and groupings", () => {
      assert.ok(HELP.includes(`--format <${REPORT_FORMATS.join('|')}>`));
      assert.ok(HELP.includes(`--group-by <${GROUP_BY_KEYS.join('|')}>`));
      const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
      assert.ok(readme.includes(`[--format ${REPORT_FORMATS.join('|')}]`));
      assert.ok(readme.includes(`[--group-by ${GROUP_BY_KEYS.join('|')}]`));
    });
  });

  it('settings default to and accept only these words', () => {
    assert.deepEqual(defaultSettings().files.include, [...DEFAULT_INCLUDE]);
    assert.equal(defaultSettings().portfolio.groupBy, DEFAULT_GROUP_BY);
    for (const key of GROUP_BY_KEYS) assert.equal(normaliseSettings({ 'portfolio.groupBy': key }).portfolio.groupBy, key);
    assert.equal(normaliseSettings({ 'portfolio.groupBy': 'colour' }).portfolio.groupBy, DEFAULT_GROUP_BY);
    // An object's own inherited names are no grouping (a check with `in` would take them).
    assert.equal(normaliseSettings({ 'portfolio.groupBy': 'constructor' }).portfolio.groupBy, DEFAULT_GROUP_BY);
    for (const severity of SEVERITY_SETTINGS) assert.equal(normaliseSettings({ rules: { 'schema/enum': severity } }).rules['schema/enum'], severity);
    assert.deepEqual(normaliseSettings({ rules: { 'schema/enum': 'loud' } }).rules, {});
  });
});
