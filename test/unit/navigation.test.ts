import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../server/src/engine/languageService';
import { normaliseSettings } from '../../server/src/engine/settings';
import type { Position, TextEdit } from '../../server/src/engine/types';
import { findWorkspaceSymbols } from '../../server/src/engine/services/navigation';

const NAMES = ['people.yaml', 'finance-transformation.programme.yaml', 'fin-erp-upgrade.charter.yaml', 'fin-invoice-automation.charter.yaml', 'portfolio.yaml'];
const read = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'contract', name), 'utf8');
const uriOf = (name: string) => `file:///workspace/${name}`;

describe('navigation', () => {
  const svc = getLanguageService();
  const settings = normaliseSettings({});
  before(() => {
    for (const name of NAMES) svc.workspace.setFile(svc.parse(uriOf(name), read(name), 1), name);
  });

  /** The position of the `nth` occurrence of `needle` in a fixture, `offset` characters in. */
  const at = (name: string, needle: string, offset = 1, nth = 0): Position => {
    const lines = read(name).split('\n');
    let seen = 0;
    for (let line = 0; line < lines.length; line++) {
      const character = lines[line].indexOf(needle);
      if (character >= 0 && seen++ === nth) return { line, character: character + offset };
    }
    throw new Error(`${needle} not in ${name}`);
  };
  const file = (name: string) => svc.parse(uriOf(name), read(name), 1);
  const ctx = (name: string) => ({ relativePath: name, settings });

  it('goes from a dependency to the project it names, in another file', async () => {
    const name = 'fin-invoice-automation.charter.yaml';
    const [target] = await svc.findDefinition(file(name), at(name, 'project: fin-erp-upgrade', 12), ctx(name));
    assert.equal(target.uri, uriOf('fin-erp-upgrade.charter.yaml'));
    assert.equal(read('fin-erp-upgrade.charter.yaml').split('\n')[target.range.start.line].slice(target.range.start.character, target.range.end.character), 'fin-erp-upgrade');
  });

  it('goes from a person handle to people.yaml', async () => {
    const name = 'fin-invoice-automation.charter.yaml';
    const [target] = await svc.findDefinition(file(name), at(name, 'sponsor: jane.doe', 10), ctx(name));
    assert.equal(target.uri, uriOf('people.yaml'));
    assert.equal(target.range.start.line, 3);
  });

  it('finds every reference to a person across files, with the definition when asked', async () => {
    const name = 'people.yaml';
    const position = at(name, 'id: jane.doe', 5);
    const without = await svc.findReferences(file(name), position, ctx(name), false);
    const files = new Set(without.map((l) => l.uri));
    assert.ok(files.has(uriOf('fin-invoice-automation.charter.yaml')) && files.has(uriOf('fin-erp-upgrade.charter.yaml')) && files.has(uriOf('finance-transformation.programme.yaml')));
    const withDefinition = await svc.findReferences(file(name), position, ctx(name), true);
    assert.equal(withDefinition.length, without.length + 1);
    assert.equal(withDefinition[0].uri, uriOf('people.yaml'));
  });

  it('renames a project id in its charter and in every dependency on it', async () => {
    const name = 'fin-erp-upgrade.charter.yaml';
    const result = await svc.doRename(file(name), at(name, 'id: fin-erp-upgrade', 5), 'fin-erp-renewal', ctx(name));
    assert.ok(result.ok);
    const edits: Record<string, TextEdit[]> = result.edits;
    assert.deepEqual(Object.keys(edits).sort(), [uriOf('fin-erp-upgrade.charter.yaml'), uriOf('fin-invoice-automation.charter.yaml')]);
    for (const [uri, list] of Object.entries(edits)) {
      const text = read(uri.replace('file:///workspace/', ''));
      const lines = text.split('\n');
      for (const e of list) assert.equal(lines[e.range.start.line].slice(e.range.start.character, e.range.end.character), 'fin-erp-upgrade');
    }
  });

  it('refuses a rename to an id that exists or has the wrong form', async () => {
    const name = 'fin-invoice-automation.charter.yaml';
    const position = at(name, 'sponsor: jane.doe', 10);
    assert.deepEqual(await svc.doRename(file(name), position, 'raj.patel', ctx(name)), { ok: false, reason: 'A person with the id "raj.patel" already exists. Choose another id.' });
    const bad = await svc.doRename(file(name), position, 'Jane Doe', ctx(name));
    assert.ok(!bad.ok && /not a valid person id/.test(bad.reason));
    const prepared = await svc.prepareRename(file(name), at(name, 'title:', 2), ctx(name));
    assert.deepEqual(prepared, { ok: false, reason: 'Only the id of a project, programme, person or strategic objective can be renamed here.' });
  });
});

describe('workspace symbols', () => {
  const svc = getLanguageService();
  before(() => {
    for (const name of NAMES) svc.workspace.setFile(svc.parse(uriOf(name), read(name), 1), name);
  });
  it('finds projects by id or title, and people by name', () => {
    const found = findWorkspaceSymbols(svc.workspace, 'erp');
    assert.deepEqual(found.map((s) => s.name), ['fin-erp-upgrade: ERP upgrade']);
    assert.equal(found[0].location.uri, uriOf('fin-erp-upgrade.charter.yaml'));
    assert.deepEqual(findWorkspaceSymbols(svc.workspace, 'Jane').map((s) => s.name), ['jane.doe: Jane Doe']);
    assert.ok(findWorkspaceSymbols(svc.workspace, '').length >= 6);
  });
});
