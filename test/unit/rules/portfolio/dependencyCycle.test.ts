import { strict as assert } from 'node:assert';
import { check, otherProject, ROOT } from '../harness';

const RULE = 'portfolio/dependency-cycle';
const dependsOn = (id: string, ...deps: string[]) => otherProject(id, `dependencies:\n${deps.map((d) => `  - { project: ${d} }\n`).join('')}`);

describe('portfolio/dependency-cycle', () => {
  it('fires on the dependency that closes a loop, with each member as a related location', async () => {
    const files = { 'a.charter.yaml': dependsOn('a', 'b'), 'b.charter.yaml': dependsOn('b', 'c'), 'c.charter.yaml': dependsOn('c', 'a') };
    const { findings, underlined } = await check(RULE, files);
    assert.deepEqual(underlined, ['b']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, 'Dependency cycle: a -> b -> c -> a. A project cannot wait, even indirectly, for itself: remove one of these dependencies.');
    assert.deepEqual(
      findings[0].related!.map((r) => [r.uri, r.message]),
      [
        [`${ROOT}b.charter.yaml`, 'b depends on c'],
        [`${ROOT}c.charter.yaml`, 'c depends on a'],
      ],
    );
    for (const member of ['b.charter.yaml', 'c.charter.yaml']) assert.equal((await check(RULE, files, { target: member })).findings.length, 1, member);
  });

  it('fires on a two-project loop and on a project that depends on itself (boundaries)', async () => {
    assert.match((await check(RULE, { 'a.charter.yaml': dependsOn('a', 'b'), 'b.charter.yaml': dependsOn('b', 'a') })).findings[0].message, /a -> b -> a/);
    assert.equal((await check(RULE, { 'a.charter.yaml': dependsOn('a', 'a') })).findings[0].message, 'a depends on itself. Remove this dependency.');
  });

  it('is quiet for a chain or a diamond, and for projects outside the loop', async () => {
    const diamond = { 'a.charter.yaml': dependsOn('a', 'b', 'c'), 'b.charter.yaml': dependsOn('b', 'd'), 'c.charter.yaml': dependsOn('c', 'd'), 'd.charter.yaml': otherProject('d') };
    assert.deepEqual((await check(RULE, diamond)).findings, []);
    const tail = { 'x.charter.yaml': dependsOn('x', 'a'), 'a.charter.yaml': dependsOn('a', 'b'), 'b.charter.yaml': dependsOn('b', 'a') };
    assert.deepEqual((await check(RULE, tail)).findings, []);
  });

  it('is quiet for dependencies on unknown projects', async () => {
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': dependsOn('a', 'nowhere') })).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.equal((await check(RULE, { 'a.charter.yaml': dependsOn('a', 'a') }, { settings: { rules: { [RULE]: 'warning' } } })).findings[0].severity, 'warning');
  });
});
