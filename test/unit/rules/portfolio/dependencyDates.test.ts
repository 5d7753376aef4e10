import { strict as assert } from 'node:assert';
import { check, otherProject, ROOT } from '../harness';

const RULE = 'portfolio/dependency-dates';
const needs = (date: string) => otherProject('a', `dependencies:\n  - { project: up, neededBy: ${date} }\n`);

describe('portfolio/dependency-dates', () => {
  it("fires on neededBy when it is before the upstream project's end, pointing at that end", async () => {
    const { findings, underlined } = await check(RULE, { 'a.charter.yaml': needs('2027-06-29'), 'up.charter.yaml': otherProject('up') });
    assert.deepEqual(underlined, ['2027-06-29']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'Needed by 2027-06-29, but up is scheduled to end on 2027-06-30. Agree a later date with this project, or ask up to deliver earlier.');
    assert.deepEqual(findings[0].related, [{ uri: `${ROOT}up.charter.yaml`, range: { start: { line: 11, character: 7 }, end: { line: 11, character: 17 } }, message: 'up ends on 2027-06-30' }]);
  });

  it('compares with the date of the upstream milestone a dependency names', async () => {
    const upstream = otherProject('up', 'milestones:\n  - { id: m-ledger, name: Ledger live, date: 2027-04-30 }\n');
    const onMilestone = (date: string, milestone = 'm-ledger') => otherProject('a', `dependencies:\n  - { project: up, milestone: ${milestone}, neededBy: ${date} }\n`);
    // Needed before the project ends, but after the milestone: fine.
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': onMilestone('2027-05-15'), 'up.charter.yaml': upstream })).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': onMilestone('2027-04-30'), 'up.charter.yaml': upstream })).findings, [], 'boundary: the milestone day');
    const early = await check(RULE, { 'a.charter.yaml': onMilestone('2027-04-29'), 'up.charter.yaml': upstream });
    assert.deepEqual(early.underlined, ['2027-04-29']);
    assert.equal(early.findings[0].message, "Needed by 2027-04-29, but up's milestone m-ledger is due on 2027-04-30. Agree a later date with this project, or ask up to reach the milestone earlier.");
    const unknown = await check(RULE, { 'a.charter.yaml': onMilestone('2027-05-15', 'm-ledgr'), 'up.charter.yaml': upstream });
    assert.deepEqual(unknown.underlined, ['m-ledgr']);
    assert.match(unknown.findings[0].message, /up has no milestone "m-ledgr"\. Did you mean "m-ledger"\?/);
  });

  it('accepts a date on the upstream end day (boundary)', async () => {
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': needs('2027-06-30'), 'up.charter.yaml': otherProject('up') })).findings, []);
  });

  it('is quiet without neededBy, without the upstream end, or when either project is finished', async () => {
    const noDate = otherProject('a', 'dependencies:\n  - { project: up }\n');
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': noDate, 'up.charter.yaml': otherProject('up') })).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': needs('2027-01-01'), 'up.charter.yaml': otherProject('up').replace('  end: 2027-06-30\n', '') })).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': needs('2027-01-01'), 'up.charter.yaml': otherProject('up').replace('status: active', 'status: closed') })).findings, []);
    assert.deepEqual((await check(RULE, { 'a.charter.yaml': needs('2027-01-01').replace('status: active', 'status: cancelled'), 'up.charter.yaml': otherProject('up') })).findings, []);
  });

  it('honours charter.rules', async () => {
    assert.equal((await check(RULE, { 'a.charter.yaml': needs('2027-01-01'), 'up.charter.yaml': otherProject('up') }, { settings: { rules: { [RULE]: 'error' } } })).findings[0].severity, 'error');
  });
});
