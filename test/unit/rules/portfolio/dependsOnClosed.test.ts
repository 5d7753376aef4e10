import { strict as assert } from 'node:assert';
import { check, otherProject } from '../harness';

const RULE = 'portfolio/depends-on-closed';
const A = otherProject('a', 'dependencies:\n  - { project: up }\n');
const up = (status: string) => otherProject('up').replace('status: active', `status: ${status}`);

describe('portfolio/depends-on-closed', () => {
  it('fires on the dependency when the upstream project was cancelled', async () => {
    const { findings, underlined } = await check(RULE, { 'a.charter.yaml': A, 'up.charter.yaml': up('cancelled') });
    assert.deepEqual(underlined, ['up']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'up was cancelled, so it will not deliver what this project needs. Find another source for it and remove this dependency, or re-plan.');
    assert.equal(findings[0].related![0].message, 'up is cancelled');
  });

  it('fires when the upstream project is closed', async () => {
    assert.match((await check(RULE, { 'a.charter.yaml': A, 'up.charter.yaml': up('closed') })).findings[0].message, /^up is closed: what it delivered is already there/);
  });

  it('is quiet for live upstream projects (on-hold included), and for a finished project itself', async () => {
    for (const status of ['proposed', 'approved', 'active', 'on-hold']) assert.deepEqual((await check(RULE, { 'a.charter.yaml': A, 'up.charter.yaml': up(status) })).findings, [], status);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': A.replace('status: active', 'status: closed'), 'up.charter.yaml': up('closed') })).findings, []);
  });

  it('is quiet when the upstream project is unknown or states no status', async () => {
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': A })).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': A, 'up.charter.yaml': otherProject('up').replace('status: active\n', '') })).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': A, 'up.charter.yaml': up('closed') }, { settings: { rules: { [RULE]: 'off' } } })).findings, []);
  });
});
