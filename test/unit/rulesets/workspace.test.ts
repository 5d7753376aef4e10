import { strict as assert } from 'node:assert';
import { contextFor, optionProblem, run, workspaceOf } from './helpers';

const POLICY = { baseCurrency: 'EUR', fxRates: { GBP: 1.17 } };
const LIVE = { path: '$.status', function: 'enum', options: { values: ['approved', 'active'] } };

function project(id: string, programme: string, manager: string, status: string, approved: number, currency = 'EUR') {
  return { id, programme, manager, status, budget: { currency, approved } };
}

describe('rulesets: references and portfolio', () => {
  it('references: an id of the kind exists, checked only once the workspace has that kind', () => {
    const ws = workspaceOf({ People: [{}], Portfolio: [{}] }, { People: ['ada.byrne'], objective: ['so-cost'] });
    const ctx = contextFor({}, [], { workspace: ws });
    assert.equal(run('references', 'ada.byrne', { kind: 'People' }, ctx), undefined);
    assert.equal(run('references', 'bob', { kind: 'People' }, ctx), 'no person in the workspace has the id "bob"');
    assert.equal(run('references', 'so-x', { kind: 'objective' }, ctx), 'no strategic objective in the workspace has the id "so-x"');
    assert.equal(run('references', 'anything', { kind: 'Programme' }, ctx), undefined);
    assert.match(optionProblem('references', { kind: 'Person' })!, /"kind" is one of/);
  });

  it('portfolio sum: amounts of matching projects, converted to the limit\'s currency', () => {
    const me = project('fin-a', 'finance', 'ben', 'active', 3000000);
    const projects = [me, project('fin-b', 'finance', 'ben', 'approved', 1800000, 'GBP'), project('fin-c', 'finance', 'ben', 'proposed', 9000000), project('ops-d', 'ops', 'ben', 'active', 9000000)];
    const ctx = contextFor(me, ['programme'], { policy: POLICY, workspace: workspaceOf({ Project: projects }) });
    const options = { aggregate: 'sum', field: '$.budget.approved', sameAs: ['$.programme'], where: LIVE, atMost: 5000000, currency: 'EUR' };
    // 3,000,000 EUR + 1,800,000 GBP x 1.17 = 5,106,000 EUR; the proposed one and the other programme do not count.
    assert.equal(run('portfolio', 'finance', options, ctx), 'the total of $.budget.approved with the same programme (finance) 5,106,000 EUR is not at most 5,000,000 EUR');
    assert.equal(run('portfolio', 'finance', { ...options, atMost: 5106000 }, ctx), undefined);
  });

  it('portfolio sum: says why when an amount cannot be converted', () => {
    const me = project('fin-a', 'finance', 'ben', 'active', 1, 'JPY');
    const ctx = contextFor(me, [], { policy: POLICY, workspace: workspaceOf({ Project: [me] }) });
    assert.match(run('portfolio', 'x', { aggregate: 'sum', field: '$.budget.approved', atMost: 1, currency: 'EUR' }, ctx)!, /no exchange rate from JPY/);
  });

  it('portfolio count: projects sharing fields with this one', () => {
    const me = project('fin-a', 'finance', 'ben', 'active', 1);
    const projects = [me, project('fin-b', 'finance', 'ben', 'approved', 1), project('ops-c', 'ops', 'ben', 'active', 1), project('ops-d', 'ops', 'cleo', 'active', 1)];
    const ctx = contextFor(me, ['manager'], { workspace: workspaceOf({ Project: projects }) });
    assert.equal(run('portfolio', 'ben', { aggregate: 'count', sameAs: ['$.manager'], where: LIVE, atMost: 2 }, ctx), 'there are 3 matching projects with the same manager (ben), not at most 2');
    assert.equal(run('portfolio', 'ben', { aggregate: 'count', sameAs: ['$.manager', '$.programme'], atMost: 2 }, ctx), undefined);
    assert.equal(run('portfolio', 'ben', { aggregate: 'count', atLeast: 5 }, ctx), 'there are 4 matching projects in the portfolio, not at least 5');
  });

  it('portfolio: a document without the grouping field belongs to no group', () => {
    const me = { id: 'x' };
    const ctx = contextFor(me, [], { workspace: workspaceOf({ Project: [me, me, me] }) });
    assert.equal(run('portfolio', undefined, { aggregate: 'count', sameAs: ['$.programme'], atMost: 0 }, ctx), undefined);
  });

  it('portfolio: checks its options when the ruleset loads', () => {
    assert.match(optionProblem('portfolio', { aggregate: 'avg', atMost: 1 })!, /"aggregate" is "count" or "sum"/);
    assert.match(optionProblem('portfolio', { aggregate: 'sum', atMost: 1 })!, /"field"/);
    assert.match(optionProblem('portfolio', { aggregate: 'count', atMost: 1.5 })!, /whole number|amount/);
    assert.match(optionProblem('portfolio', { aggregate: 'count' })!, /give one of/);
  });
});
