import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { getLanguageService } from '../../../server/src/engine/languageService';
import { isPlaceholderFinding, renderTemplate } from '../../../server/src/engine/rulesets/templates';
import { normaliseSettings } from '../../../server/src/engine/settings';
import { LineIndex } from '../../../server/src/engine/utils/lineIndex';
import { declaresCharter, notIncludedFinding } from '../../../server/src/engine/notIncluded';

describe('rulesets: templates', () => {
  const TEMPLATE = 'id: {{id}}\ntitle: {{title}}\nquoted: "{{title}}"\nsingle: \'{{title}}\'\nmanager: {{ manager }}\nstart: {{today}}\n';

  it('fills in variables so each stays one YAML scalar, and leaves unknown ones as <placeholders>', () => {
    const title = 'Payroll: "UK" # phase 1\'s';
    const text = renderTemplate(TEMPLATE, { id: 'fin-x', title, today: '2027-01-15' });
    assert.deepEqual(parse(text), { id: 'fin-x', title, quoted: title, single: title, manager: '<manager>', start: '2027-01-15' });
    assert.equal(renderTemplate('title: {{title}}', { id: 'a', title: 'Plain title', today: 'x' }), 'title: Plain title');
  });

  it('does not touch other braces', () => {
    assert.equal(renderTemplate('a: {{nope}}\nb: {x: 1}\n', { id: 'a', title: 't', today: 'd' }), 'a: {{nope}}\nb: {x: 1}\n');
  });

  it('is not a charter the workspace misses: no files/not-included for templates and rulesets', () => {
    assert.equal(declaresCharter('apiVersion: charter/v1\nkind: Project\nid: {{id}}\n'), false);
    assert.equal(declaresCharter('apiVersion: charter/v1\nkind: Ruleset\nrules: []\n'), false);
    assert.equal(notIncludedFinding('file:///w/pmo/a.ruleset.yaml', 'apiVersion: charter/v1\nkind: Ruleset\n', 'pmo/a.ruleset.yaml'), undefined);
    assert.equal(declaresCharter('apiVersion: charter/v1\nkind: Project\nid: fin-a\n'), true);
  });

  it('tells a finding on a placeholder from one that is not', () => {
    const text = 'sponsor: <sponsor>\nstatus: bogus\n';
    const lines = new LineIndex(text);
    const at = (line: number, a: number, b: number) => ({ rule: 'schema/pattern', severity: 'error' as const, message: '', uri: '', docs: '', range: { start: { line, character: a }, end: { line, character: b } } });
    const offset = (line: number, character: number) => lines.offsetAt({ line, character });
    assert.equal(isPlaceholderFinding(at(0, 9, 18), text, offset), true);
    assert.equal(isPlaceholderFinding(at(1, 8, 13), text, offset), false);
  });

  it('offers the setting\'s templates, then the rulesets\'; reads and renders one by name', async () => {
    const files: Record<string, string> = {
      'file:///ws/pmo/r.ruleset.yaml': 'templates:\n  - { name: major, path: t/major.template.yaml, tiers: [major] }\n  - { name: small, path: t/other.yaml }\n',
      'file:///ws/pmo/t/major.template.yaml': 'id: {{id}}\ntitle: {{title}}\n',
      'file:///ws/small.yaml': 'id: {{id}}\nsize: small\n',
    };
    const service = getLanguageService({ schemaRequest: async (uri) => files[uri] ?? Promise.reject(new Error('the file does not exist')) });
    const settings = normaliseSettings({ rulesets: ['pmo/r.ruleset.yaml'], templates: [{ name: 'small', path: 'small.yaml', description: 'Small' }] });
    const context = { settings, folderUri: 'file:///ws' };
    const choices = await service.templates(context);
    assert.deepEqual(choices.map((c) => [c.name, c.uri, c.tiers, c.from]), [
      ['small', 'file:///ws/small.yaml', [], 'the charter.templates setting'],
      ['major', 'file:///ws/pmo/t/major.template.yaml', ['major'], 'ruleset pmo/r.ruleset.yaml'],
    ]);
    assert.equal(await service.renderTemplate('major', { id: 'fin-a', title: 'A', today: '2027-01-01' }, context), 'id: fin-a\ntitle: A\n');
    await assert.rejects(service.renderTemplate('huge', { id: 'a', title: 'A', today: 'd' }, context), /There is no template "huge"; the templates are small, major\./);
    files['file:///ws/small.yaml'] = undefined as never;
    await assert.rejects(service.renderTemplate('small', { id: 'a', title: 'A', today: 'd' }, context), /The template small \(from the charter.templates setting\) cannot be read: the file does not exist\./);
  });
});
