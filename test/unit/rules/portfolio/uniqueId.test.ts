import { strict as assert } from 'node:assert';
import { check, otherProject, PEOPLE, portfolio, PROGRAMME, PROJECT, ROOT } from '../harness';

const RULE = 'portfolio/unique-id';

describe('portfolio/unique-id', () => {
  it('fires on the id of each file that uses it, pointing at the other', async () => {
    const files = portfolio({ 'projects/a.charter.yaml': PROJECT, 'projects/b.charter.yaml': otherProject('fin-invoice') });
    const a = await check(RULE, files);
    assert.deepEqual(a.underlined, ['fin-invoice']);
    assert.equal(a.findings[0].severity, 'error');
    assert.equal(a.findings[0].message, 'The project id "fin-invoice" is also used in projects/b.charter.yaml. Ids must be unique across the portfolio: rename one of them.');
    assert.deepEqual(a.findings[0].related, [{ uri: `${ROOT}projects/b.charter.yaml`, range: { start: { line: 2, character: 4 }, end: { line: 2, character: 15 } }, message: '"fin-invoice" is also defined here' }]);
    const b = await check(RULE, files, { target: 'projects/b.charter.yaml' });
    assert.equal(b.findings[0].related![0].uri, `${ROOT}projects/a.charter.yaml`);
  });

  it('catches duplicates between documents of one file, and people listed twice', async () => {
    const two = `${PROJECT}---\n${otherProject('fin-invoice')}`;
    const { findings } = await check(RULE, { 'projects/two.charter.yaml': two });
    assert.equal(findings.length, 2);
    assert.match(findings[0].message, /also used in this file/);
    const people = await check(RULE, { 'people.yaml': `${PEOPLE}  - { id: jane.doe, name: Jane Doe again }\n` });
    assert.deepEqual(people.underlined, ['jane.doe', 'jane.doe']);
  });

  it('checks programme ids, and keeps the namespaces apart (a project may share a programme id)', async () => {
    const programmes = { 'a.programme.yaml': PROGRAMME, 'b.programme.yaml': PROGRAMME };
    assert.equal((await check(RULE, programmes)).findings.length, 1);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': otherProject('finance'), 'a.programme.yaml': PROGRAMME })).findings, []);
  });

  it('is quiet for unique ids and documents without an id', async () => {
    assert.deepEqual((await check(RULE, portfolio({ 'a.charter.yaml': PROJECT, 'b.charter.yaml': otherProject('fin-other') }))).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': PROJECT.replace('id: fin-invoice\n', ''), 'b.charter.yaml': PROJECT.replace('id: fin-invoice\n', '') })).findings, []);
  });

  it('honours charter.rules', async () => {
    const files = { 'a.charter.yaml': PROJECT, 'b.charter.yaml': otherProject('fin-invoice') };
    assert.equal((await check(RULE, files, { settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
  });
});
