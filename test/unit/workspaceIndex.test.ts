import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../server/src/engine/languageService';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { Governance } from '../../server/src/engine/rules/governance';
import { normaliseSettings } from '../../server/src/engine/settings';
import { WorkspaceIndex, type IndexChange } from '../../server/src/engine/workspace/workspaceIndex';
import { otherProject, PEOPLE, PORTFOLIO, PROJECT } from './rules/harness';

const ROOT = 'file:///ws/';
const A = otherProject('a', 'dependencies:\n  - { project: b, neededBy: 2027-03-01 }\n');
const B = otherProject('b').replace('end: 2027-06-30', 'end: 2027-02-26');
const C = otherProject('c');

function workspace(files: Record<string, string>) {
  const index = new WorkspaceIndex();
  const changes: IndexChange[] = [];
  index.onDidChange((c) => changes.push(c));
  let version = 0;
  const set = (path: string, text: string) => index.setFile(parseCharterFile(ROOT + path, text, ++version), path);
  for (const [path, text] of Object.entries(files)) set(path, text);
  changes.length = 0;
  const rules = (path: string) => index.portfolioFindings(ROOT + path).map((f) => f.rule);
  return { index, changes, set, rules };
}

describe('workspaceIndex', () => {
  it('indexes the documents of each file with their kind and facts, and answers queries', () => {
    const { index } = workspace({ 'a.charter.yaml': A, 'b.charter.yaml': B, 'people.yaml': PEOPLE, 'portfolio.yaml': PORTFOLIO, 'two.charter.yaml': `${C}---\n${otherProject('d')}` });
    assert.deepEqual(index.documents('Project').map((d) => d.ref.key), [`${ROOT}a.charter.yaml#0`, `${ROOT}b.charter.yaml#0`, `${ROOT}two.charter.yaml#0`, `${ROOT}two.charter.yaml#1`]);
    const query = index.query();
    assert.equal(query.projects('b')[0].end!.value, '2027-02-26');
    assert.deepEqual(query.ids('Project'), ['a', 'b', 'c', 'd']);
    assert.equal(query.people('li.wei')[0].capacityPercent, 80);
    assert.equal(query.hasKind('Programme'), false);
    assert.deepEqual(query.programmeMembers('finance').map((m) => m.projectId), ['a', 'b', 'c', 'd']);
    assert.deepEqual(index.policy({ reportingCadenceDays: 7 }).reportingCadenceDays, 7);
  });

  it('create: a new file updates the findings of the files that refer to it', () => {
    const { changes, set, rules } = workspace({ 'a.charter.yaml': A });
    assert.deepEqual(rules('a.charter.yaml'), ['portfolio/unknown-reference']);
    const change = set('b.charter.yaml', B);
    assert.deepEqual(change.uris, [`${ROOT}a.charter.yaml`, `${ROOT}b.charter.yaml`]);
    assert.equal(change.changed, `${ROOT}b.charter.yaml`);
    assert.deepEqual(changes, [change]);
    assert.deepEqual(rules('a.charter.yaml'), []);
  });

  it('edit: a change in one file re-runs portfolio rules only for the documents that read it', () => {
    // c has a finding of its own (a dependency on no project), so that a re-run would show as new finding objects.
    const { index, set, rules } = workspace({ 'a.charter.yaml': A, 'b.charter.yaml': B, 'c.charter.yaml': otherProject('c', 'dependencies:\n  - { project: zzz }\n') });
    for (const f of ['a', 'b']) rules(`${f}.charter.yaml`);
    const cBefore = index.portfolioFindings(`${ROOT}c.charter.yaml`);
    assert.deepEqual(cBefore.map((f) => f.rule), ['portfolio/unknown-reference']);

    // b ends later: a's dependency date is now wrong. c reads nothing of b: its cached run answers.
    const later = set('b.charter.yaml', B.replace('end: 2027-02-26', 'end: 2027-06-30'));
    assert.deepEqual(later.uris, [`${ROOT}a.charter.yaml`, `${ROOT}b.charter.yaml`]);
    assert.deepEqual(rules('a.charter.yaml'), ['portfolio/dependency-dates']);
    assert.equal(index.portfolioFindings(`${ROOT}c.charter.yaml`)[0], cBefore[0], 'c did not re-run');

    // Something of b that a does not read (its contingency): a is not affected.
    const unrelated = set('b.charter.yaml', B.replace('end: 2027-02-26', 'end: 2027-06-30').replace('contingency: 20000', 'contingency: 15000'));
    assert.deepEqual(unrelated.uris, [`${ROOT}b.charter.yaml`]);
    // A comment at the end moves nothing: only b itself.
    assert.deepEqual(set('c.charter.yaml', `${C}# note\n`).uris, [`${ROOT}c.charter.yaml`]);
  });

  it('delete: removing a file turns references to it into unknown references', () => {
    const { index, rules } = workspace({ 'a.charter.yaml': A, 'b.charter.yaml': B });
    assert.deepEqual(rules('a.charter.yaml'), []);
    const change = index.removeFile(`${ROOT}b.charter.yaml`);
    assert.deepEqual(change.uris, [`${ROOT}a.charter.yaml`, `${ROOT}b.charter.yaml`]);
    assert.equal(index.has(`${ROOT}b.charter.yaml`), false);
    assert.deepEqual(rules('a.charter.yaml'), ['portfolio/unknown-reference']);
    assert.deepEqual(index.removeFile(`${ROOT}nothing.yaml`).uris, []);
  });

  it('rename: the related locations follow the file to its new name', () => {
    const late = B.replace('end: 2027-02-26', 'end: 2027-06-30');
    const { index, set } = workspace({ 'a.charter.yaml': A, 'b.charter.yaml': late });
    assert.equal(index.portfolioFindings(`${ROOT}a.charter.yaml`)[0].related![0].uri, `${ROOT}b.charter.yaml`);
    index.removeFile(`${ROOT}b.charter.yaml`);
    const change = set('renamed/b.charter.yaml', late);
    assert.ok(change.uris.includes(`${ROOT}a.charter.yaml`));
    assert.equal(index.portfolioFindings(`${ROOT}a.charter.yaml`)[0].related![0].uri, `${ROOT}renamed/b.charter.yaml`);
  });

  it('the first document of a kind switches its references on; the policy reaches every file', () => {
    const { set, rules } = workspace({ 'a.charter.yaml': A.replace('manager: li.wei', 'manager: nobody'), 'b.charter.yaml': B });
    assert.deepEqual(rules('a.charter.yaml'), []);
    const people = set('people.yaml', PEOPLE);
    assert.ok(people.uris.includes(`${ROOT}a.charter.yaml`));
    assert.deepEqual(rules('a.charter.yaml'), ['portfolio/unknown-reference']);

    const portfolio = set('portfolio.yaml', PORTFOLIO);
    assert.equal(portfolio.policyChanged, true);
    assert.equal(portfolio.uris.length, 4);
    assert.equal(set('portfolio.yaml', PORTFOLIO.replace('title: Group portfolio', 'title: Group')).policyChanged, false);
  });

  it('runs portfolio rules again when the policy of the settings changes', () => {
    const booked = (id: string) => otherProject(id, 'allocations:\n  - { person: li.wei, percent: 45 }\n');
    const { index, rules } = workspace({ 'x.charter.yaml': booked('x'), 'y.charter.yaml': booked('y') });
    assert.deepEqual(rules('x.charter.yaml'), []);
    const strict = index.portfolioFindings(`${ROOT}x.charter.yaml`, { maxAllocationPercent: 80 });
    assert.deepEqual(strict.map((f) => f.rule), ['people/over-allocated']);
    assert.equal(index.portfolioFindings(`${ROOT}x.charter.yaml`, { maxAllocationPercent: 80 })[0], strict[0], 'nothing changed: the cached run answers');
    assert.deepEqual(rules('x.charter.yaml'), []);
    assert.notEqual(index.portfolioFindings(`${ROOT}x.charter.yaml`, { maxAllocationPercent: 80 })[0], strict[0], 'the policy changed twice: it ran again');
  });

  describe('in the language service', () => {
    it('validating a newer text of an indexed file updates the portfolio and announces who is affected', async () => {
      const service = getLanguageService();
      const settings = normaliseSettings({ asOf: '2027-01-15' });
      const a = service.parse(`${ROOT}a.charter.yaml`, A, 1);
      service.workspace.setFile(a, 'a.charter.yaml');
      service.workspace.setFile(service.parse(`${ROOT}b.charter.yaml`, B, 1), 'b.charter.yaml');
      assert.deepEqual(await service.validate(a, { relativePath: 'a.charter.yaml', settings }), []);

      const changes: IndexChange[] = [];
      service.workspace.onDidChange((c) => changes.push(c));
      const edited = service.parse(`${ROOT}b.charter.yaml`, B.replace('end: 2027-02-26', 'end: 2027-06-30'), 2);
      await service.validate(edited, { relativePath: 'b.charter.yaml', settings });
      assert.deepEqual(changes.map((c) => c.uris), [[`${ROOT}a.charter.yaml`, `${ROOT}b.charter.yaml`]]);
      assert.deepEqual((await service.validate(a, { relativePath: 'a.charter.yaml', settings })).map((f) => f.rule), ['portfolio/dependency-dates']);
    });

    it('runs the single-document rules of a file once per parse, policy and day, however often its portfolio changes', () => {
      const index = new WorkspaceIndex();
      const governance = new Governance();
      const settings = normaliseSettings({ asOf: '2027-01-15' });
      const a = parseCharterFile(`${ROOT}a.charter.yaml`, PROJECT, 1);
      index.setFile(a, 'a.charter.yaml');
      // The same finding objects mean the cached run answered; new ones, that the rules ran again.
      const first = governance.findings(a, { relativePath: 'a.charter.yaml', settings }, index);
      assert.deepEqual(first.map((f) => f.rule), ['status/future-dated', 'schedule/done-in-future']);
      index.setFile(parseCharterFile(`${ROOT}b.charter.yaml`, B, 1), 'b.charter.yaml');
      const second = governance.findings(a, { relativePath: 'a.charter.yaml', settings }, index);
      for (const finding of first) assert.ok(second.includes(finding), `${finding.rule}: the cached run answers`);
      const nextDay = governance.findings(a, { relativePath: 'a.charter.yaml', settings: normaliseSettings({ asOf: '2027-01-16' }) }, index);
      assert.deepEqual(nextDay.map((f) => f.rule), first.map((f) => f.rule));
      for (const finding of nextDay) assert.ok(!first.includes(finding), `${finding.rule}: another day, the rules ran again`);
    });
  });
});
