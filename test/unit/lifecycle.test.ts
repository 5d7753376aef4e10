// "Live project", "overdue milestone" and the RAG roll-up have one definition each (rules/lifecycle.ts):
// the rules, the portfolio model (tree, dashboard, reports) and the programme roll-up agree on them.
import { strict as assert } from 'node:assert';
import { buildPortfolio } from '../../server/src/engine/portfolio/portfolioModel';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { isOverdueMilestone, isRag, isWorseRag, rolledUpRag, worstRag } from '../../server/src/engine/rules/lifecycle';
import { findingsFor, service } from '../support/engine';

const AS_OF = '2026-06-01';

describe('lifecycle: one definition each', () => {
  it('a milestone is overdue when its project is live, it is still planned and its valid date has passed', () => {
    assert.equal(isOverdueMilestone({ date: '2026-01-10' }, true, AS_OF), true);
    assert.equal(isOverdueMilestone({ date: '2026-01-10', status: 'planned' }, true, AS_OF), true);
    assert.equal(isOverdueMilestone({ date: '2026-01-10', status: null }, true, AS_OF), true);
    assert.equal(isOverdueMilestone({ date: '2026-01-10' }, false, AS_OF), false, 'not live');
    assert.equal(isOverdueMilestone({ date: '2026-01-10', status: 'done' }, true, AS_OF), false);
    assert.equal(isOverdueMilestone({ date: '2026-01-10', status: '' }, true, AS_OF), false, 'a blank status is not planned');
    assert.equal(isOverdueMilestone({ date: '2026-1-5' }, true, AS_OF), false, 'not a YYYY-MM-DD day');
    assert.equal(isOverdueMilestone({ date: '2026-02-30' }, true, AS_OF), false, 'no such day');
    assert.equal(isOverdueMilestone({ date: AS_OF }, true, AS_OF), false, 'due today is not overdue yet');
    assert.equal(isOverdueMilestone({}, true, AS_OF), false);
  });

  it('the RAG roll-up is the worst RAG of the live projects; anything else is no RAG', () => {
    assert.equal(worstRag(['green', 'amber', undefined]), 'amber');
    assert.equal(worstRag(['constructor', 'toString', 'green']), 'green');
    assert.equal(isRag('__proto__'), false);
    assert.equal(isWorseRag('red', 'amber'), true);
    assert.equal(isWorseRag('green', 'green'), false);
    assert.equal(rolledUpRag([{ rag: 'red', live: false }, { rag: 'amber', live: true }, { rag: 'green', live: true }]), 'amber');
    assert.equal(rolledUpRag([{ rag: 'red', live: false }]), undefined);
    assert.equal(rolledUpRag([{ live: true }]), undefined);
  });

  it('the overdue-milestone rule and the portfolio model (tree, dashboard, reports) flag the same milestones', async () => {
    const text = [
      'apiVersion: charter/v1',
      'kind: Project',
      'id: edge-cases',
      'title: Edge cases',
      'status: active',
      'milestones:',
      '  - { id: no-status, date: 2026-01-10 }',
      '  - { id: planned, date: 2026-01-10, status: planned }',
      '  - { id: loose-date, date: 2026-1-5, status: planned }',
      '  - { id: blank-status, date: 2026-01-10, status: "" }',
      '  - { id: done, date: 2026-01-10, status: done }',
      '  - { id: future, date: 2027-01-10 }',
      '',
    ].join('\n');
    const findings = await findingsFor(text, { path: 'edge.charter.yaml', settings: { asOf: AS_OF } });
    const byRule = findings.filter((f) => f.rule === 'schedule/overdue-milestone').map((f) => /^Milestone (\S+) was due/.exec(f.message)?.[1]);
    const file = service().parse('file:///workspace/edge.charter.yaml', text, 1);
    const project = buildPortfolio([{ file, relativePath: 'edge.charter.yaml' }], { asOf: AS_OF }).projects[0];
    const byModel = project.milestones.filter((m) => m.overdue).map((m) => m.id);
    assert.deepEqual(byRule, ['no-status', 'planned']);
    assert.deepEqual(byModel, byRule);
  });

  it("a group's worst RAG counts its live projects only, as the programme roll-up rule does", () => {
    const project = (id: string, status: string, rag: string) =>
      service().parse(`file:///workspace/${id}.charter.yaml`, `kind: Project\nid: ${id}\nprogramme: p\nstatus: ${status}\nstatusReport: { rag: ${rag} }\n`, 1);
    const sources = [project('a', 'closed', 'red'), project('b', 'active', 'amber'), project('c', 'proposed', 'red')].map((file) => ({ file, relativePath: file.uri.split('/').pop()! }));
    const portfolio = buildPortfolio(sources, { asOf: AS_OF });
    assert.equal(groupPortfolio(portfolio, 'programme')[0].rollup.worstRag, 'amber');
  });
});
