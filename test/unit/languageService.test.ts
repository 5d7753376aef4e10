import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { readSettingsFile } from '../../server/src/cli/workspace';
import { describe as show, fileUri, REPO, service } from '../support/engine';

async function check(folder: string) {
  const root = path.join(REPO, folder);
  const settings = readSettingsFile(path.join(root, '.vscode', 'settings.json'));
  const out: string[] = [];
  for (const file of globSync(settings.files.include, { cwd: root, ignore: settings.files.exclude }).sort()) {
    const parsed = service().parse(fileUri(path.join(root, file)), fs.readFileSync(path.join(root, file), 'utf8'));
    for (const finding of await service().validate(parsed, { relativePath: file, settings })) out.push(`${file} ${show(finding)}`);
  }
  return out;
}

describe('languageService', () => {
  it('finds nothing wrong in the contract example and what it refers to', async () => {
    assert.deepEqual(await check('test/fixtures/contract'), []);
  });

  it('finds nothing wrong in the example portfolio outside needs-attention/', async () => {
    const findings = await check('examples');
    assert.deepEqual(findings.filter((f) => !f.startsWith('needs-attention/')), []);
  });

  it('finds the planted schema problems in examples/needs-attention/', async () => {
    const findings = (await check('examples')).filter((f) => f.startsWith('needs-attention/'));
    const rules = findings.map((f) => f.split(' ').slice(0, 2).join(' ').replace(/@(\d+):.*/, '@$1'));
    for (const expected of [
      'needs-attention/dc-loyalty-programme.charter.yaml schema/enum@49',
      'needs-attention/dc-loyalty-programme.charter.yaml schema/additionalProperties@27',
      'needs-attention/fin-procurement-portal.charter.yaml schema/required@3',
      'needs-attention/fin-procurement-portal.charter.yaml schema/format@33',
      'needs-attention/ops-network-refresh.charter.yaml schema/format@21',
    ]) {
      assert.ok(rules.includes(expected), `${expected} in\n${findings.join('\n')}`);
    }
  });

  it('caches parses by URI and version', () => {
    const a = service().parse('file:///cache-test.charter.yaml', 'id: a\n', 3);
    assert.equal(service().parse('file:///cache-test.charter.yaml', 'id: a\n', 3), a);
  });
});
