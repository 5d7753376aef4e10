import { strict as assert } from 'node:assert';
import { closestByWords } from '../../../../server/src/engine/rules/portfolio/unknownReference';
import { applyEdits, check, otherProject, portfolio, PROJECT } from '../harness';

const RULE = 'portfolio/unknown-reference';

describe('portfolio/unknown-reference', () => {
  it('fires on a person who is not in people.yaml, with a did-you-mean fix', async () => {
    const text = PROJECT.replace('manager: raj.patel', 'manager: raj.patl');
    const { findings, underlined, uri } = await check(RULE, portfolio({ 'a.charter.yaml': text }));
    assert.deepEqual(underlined, ['raj.patl']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, `"raj.patl" is not a person in the workspace's People document. Did you mean "raj.patel"?`);
    const fixed = applyEdits(text, findings[0].fixes![0].edits[uri]);
    assert.deepEqual((await check(RULE, portfolio({ 'a.charter.yaml': fixed }))).findings, []);
  });

  it('checks people in every field that names one', async () => {
    const text = PROJECT.replace('owner: raj.patel', 'owner: nobody').replace('{ person: raj.patel, role: responsible }', '{ person: ghost, role: responsible }').replace('by: jane.doe }\n  - { phase: delivery', 'by: x.y }\n  - { phase: delivery');
    assert.deepEqual((await check(RULE, portfolio({ 'a.charter.yaml': text }))).underlined, ['nobody', 'ghost', 'x.y']);
  });

  it('fires on an unknown programme, dependency and strategic objective', async () => {
    const text = PROJECT.replace('programme: finance', 'programme: finanse').replace('strategicObjective: so-cost', 'strategicObjective: so-growth') + 'dependencies:\n  - { project: fin-erp }\n';
    const { findings, underlined } = await check(RULE, portfolio({ 'a.charter.yaml': text, 'b.charter.yaml': otherProject('fin-erp-upgrade') }));
    assert.deepEqual(underlined, ['finanse', 'fin-erp', 'so-growth']);
    assert.equal(findings[0].message, 'No programme has the id "finanse". Did you mean "finance"?');
    assert.equal(findings[1].message, 'No project has the id "fin-erp". Did you mean "fin-erp-upgrade"?');
    assert.equal(findings[2].message, 'The portfolio has no strategic objective "so-growth". Check the spelling, or add it.');
  });

  it('suggests ids that share most words when spelling is too far off', () => {
    assert.equal(closestByWords('ops-datacentre-exit', ['ops-dc-exit', 'ops-service-desk', 'ops-backup-modernise']), 'ops-dc-exit');
    assert.equal(closestByWords('a-b', ['a-c', 'a-d']), undefined);
  });

  it('checks a reference only once the workspace holds a document of that kind', async () => {
    const text = PROJECT.replace('manager: raj.patel', 'manager: raj.patl') + 'dependencies:\n  - { project: fin-unknown }\n';
    const { underlined } = await check(RULE, { 'a.charter.yaml': text });
    assert.deepEqual(underlined, ['fin-unknown']); // no people.yaml, no programme, no portfolio: only the dependency
  });

  it("checks a programme's owner", async () => {
    const files = portfolio({ 'a.charter.yaml': PROJECT });
    files['programmes/finance.programme.yaml'] = files['programmes/finance.programme.yaml'].replace('owner: jane.doe', 'owner: jane');
    assert.deepEqual((await check(RULE, files, { target: 'programmes/finance.programme.yaml' })).underlined, ['jane']);
  });

  it('honours charter.rules', async () => {
    const text = PROJECT.replace('manager: raj.patel', 'manager: raj.patl');
    assert.deepEqual((await check(RULE, portfolio({ 'a.charter.yaml': text }), { settings: { rules: { 'portfolio/*': 'off' } } })).findings, []);
  });
});
