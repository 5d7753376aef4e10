import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPortfolio, type PortfolioSource } from '../../server/src/engine/portfolio/portfolioModel';
import type { Finding } from '../../server/src/engine/types';
import { fileUri, REPO, service } from '../support/engine';

const EXAMPLES = path.join(REPO, 'examples');

function examplesSources(): PortfolioSource[] {
  const out: PortfolioSource[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        const uri = fileUri(full);
        service().forget(uri);
        out.push({ file: service().parse(uri, fs.readFileSync(full, 'utf8')), relativePath: path.relative(EXAMPLES, full).split(path.sep).join('/') });
      }
    }
  };
  walk(EXAMPLES);
  return out;
}

function inline(relativePath: string, text: string, findings: Array<Partial<Finding>> = []): PortfolioSource {
  const uri = `file:///ws/${relativePath}`;
  service().forget(uri);
  const file = service().parse(uri, text, 1);
  return {
    file,
    relativePath,
    findings: findings.map((f) => ({ rule: 'x/y', severity: 'error', message: 'm', uri, docs: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, ...f }) as Finding),
  };
}

describe('portfolio model', () => {
  const portfolio = buildPortfolio(examplesSources(), { asOf: '2026-12-01' });

  it('holds every project of examples/, sorted by id, and the three programmes', () => {
    assert.equal(portfolio.projects.length, 15);
    assert.deepEqual(
      portfolio.projects.map((p) => p.id),
      [...portfolio.projects.map((p) => p.id)].sort(),
    );
    assert.deepEqual(
      portfolio.programmes.map((p) => [p.id, p.cap, p.currency]),
      [
        ['digital-customer', 4500000, 'EUR'],
        ['finance-transformation', 3000000, 'EUR'],
        ['operational-resilience', 3500000, 'EUR'],
      ],
    );
  });

  it('reads a project: status, phase, people, RAG, schedule, budget', () => {
    const erp = portfolio.projects.find((p) => p.id === 'fin-erp-upgrade')!;
    assert.equal(erp.title, 'ERP upgrade');
    assert.equal(erp.status, 'active');
    assert.equal(erp.phase, 'delivery');
    assert.equal(erp.programme, 'finance-transformation');
    assert.equal(erp.sponsor, 'helen.marsh');
    assert.equal(erp.manager, 'priya.nair');
    assert.equal(erp.rag, 'amber');
    assert.deepEqual(erp.schedule, { start: '2026-02-02', end: '2027-03-31' });
    assert.deepEqual(erp.budget, { currency: 'EUR', approved: 1400000, contingency: 140000 });
    assert.equal(erp.milestones.length, 4);
    assert.equal(erp.nextMilestone?.id, 'm-uat');
    assert.deepEqual(erp.dependents, ['fin-close-acceleration', 'fin-treasury-forecast']);
    assert.equal(erp.location.relativePath, 'projects/fin-erp-upgrade.charter.yaml');
    assert.equal(erp.location.range.start.line, 2, 'the range of the id value');
  });

  it('ranks risks by probability x impact and locates them', () => {
    const erp = portfolio.projects.find((p) => p.id === 'fin-erp-upgrade')!;
    assert.deepEqual(erp.risks.map((r) => [r.id, r.score]), [['r-data', 6], ['r-key-users', 6]]);
    const text = fs.readFileSync(path.join(EXAMPLES, 'projects/fin-erp-upgrade.charter.yaml'), 'utf8').split('\n');
    const range = erp.risks[0].location.range;
    assert.equal(text[range.start.line].slice(range.start.character, range.end.character), 'r-data');
  });

  it('marks dependencies on unknown projects', () => {
    const network = portfolio.projects.find((p) => p.id === 'ops-network-refresh')!;
    assert.deepEqual(network.dependencies.map((d) => [d.project, d.known]), [['ops-datacentre-exit', false]]);
    const web = portfolio.projects.find((p) => p.id === 'dc-web-replatform')!;
    assert.deepEqual(web.dependencies.map((d) => [d.project, d.known, d.neededBy]), [['dc-identity', true, '2027-02-01']]);
  });

  it('finds no overdue milestone on the examples as of 2026-12-01, and the planned ones past a later day', () => {
    assert.equal(portfolio.summary.overdueMilestones, 0);
    const later = buildPortfolio(examplesSources(), { asOf: '2027-02-01' });
    const erp = later.projects.find((p) => p.id === 'fin-erp-upgrade')!;
    assert.deepEqual(erp.milestones.filter((m) => m.overdue).map((m) => m.id), ['m-uat']);
    assert.equal(erp.nextMilestone?.id, 'm-go-live');
  });

  it('judges overdue: planned (or no status) and dated before the as-of day; done and missed never', () => {
    const p = buildPortfolio(
      [
        inline(
          'a.charter.yaml',
          `id: a
title: A
status: active
milestones:
  - { id: m1, date: 2026-01-01, status: planned }
  - { id: m2, date: 2026-01-01 }
  - { id: m3, date: 2026-01-01, status: done }
  - { id: m4, date: 2026-01-01, status: missed }
  - { id: m5, date: 2026-06-01, status: planned }
  - { id: m6, date: 2026-03-01, status: planned }
`,
        ),
      ],
      { asOf: '2026-03-01' },
    );
    assert.deepEqual(p.projects[0].milestones.filter((m) => m.overdue).map((m) => m.id), ['m1', 'm2']);
    assert.equal(p.projects[0].nextMilestone?.id, 'm6', 'a milestone due today is next, not overdue');
  });

  it('counts findings per document of a multi-document file', () => {
    const text = `id: one
title: One
---
id: two
title: Two
`;
    const p = buildPortfolio(
      [
        inline('two.charter.yaml', text, [
          { severity: 'error', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } },
          { severity: 'warning', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } } },
          { severity: 'info', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } } },
        ]),
      ],
      { asOf: '2026-01-01' },
    );
    assert.deepEqual(p.projects.map((x) => [x.id, x.findingCounts.errors, x.findingCounts.warnings, x.findingCounts.infos]), [
      ['one', 1, 0, 0],
      ['two', 0, 1, 1],
    ]);
    assert.deepEqual(p.projects[1].findings.map((f) => f.severity), ['warning', 'info']);
  });

  it('reads money as integers or decimal strings, and nothing else', () => {
    const p = buildPortfolio(
      [
        inline('a.charter.yaml', 'id: a\nstatus: active\nbudget: { currency: EUR, approved: "1200.50", contingency: 10 }\n'),
        inline('b.charter.yaml', 'id: b\nbudget: { currency: EUR, approved: lots }\n'),
      ],
      { asOf: '2026-01-01' },
    );
    assert.deepEqual(p.projects.map((x) => x.budget.approved), [1200.5, undefined]);
    assert.deepEqual(p.summary.approved, { EUR: 1200.5 });
  });

  it('falls back to the file name for a project without an id, and ignores other kinds', () => {
    const p = buildPortfolio(
      [inline('teams/new-thing.charter.yaml', 'title: New thing\n'), inline('people.yaml', 'kind: People\npeople: []\n')],
      { asOf: '2026-01-01' },
    );
    assert.deepEqual(p.projects.map((x) => [x.id, x.title]), [['new-thing', 'New thing']]);
  });

  it('counts health and money the way the rules do: live projects for RAG and overdue, committed budgets for money', () => {
    const project = (id: string, status: string, rag = 'red') =>
      inline(`${id}.charter.yaml`, `id: ${id}\nstatus: ${status}\nbudget: { currency: EUR, approved: 100 }\nmilestones:\n  - { id: m, date: 2026-01-01 }\nstatusReport: { asOf: 2026-02-01, rag: ${rag} }\n`);
    const sources = ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled'].map((status) => project(status, status));
    const p = buildPortfolio(sources, { asOf: '2026-03-01' });
    assert.deepEqual(p.projects.filter((x) => x.live).map((x) => x.id), ['active', 'approved', 'on-hold']);
    assert.deepEqual(p.summary.rag, { red: 3, amber: 0, green: 0, none: 0, invalid: 0 });
    assert.equal(p.summary.overdueMilestones, 3);
    assert.deepEqual(p.summary.approved, { EUR: 300 });
    // The policy of the workspace's Portfolio document decides, and the charter.policy setting over it.
    const withPolicy = buildPortfolio([...sources, inline('portfolio.yaml', 'kind: Portfolio\nid: p\ntitle: P\npolicy:\n  liveStatuses: [active]\n')], { asOf: '2026-03-01' });
    assert.equal(withPolicy.summary.live, 1);
    const fromSetting = buildPortfolio(sources, { asOf: '2026-03-01', settingPolicy: { liveStatuses: ['active', 'proposed'] } });
    assert.deepEqual(fromSetting.projects.filter((x) => x.live).map((x) => x.id), ['active', 'proposed']);
  });

  it('lists every waiver and suppression comment, with reason, approver and expiry', () => {
    const text = `# charter-disable text/no-placeholders -- template examples
id: a
status: active
# charter-disable-next-line status/stale-report
statusReport: { asOf: 2026-01-01, rag: green }
waivers:
  - { rule: budget/contingency-band, reason: Fixed price, approver: jane.doe, expires: 2026-02-28 }
`;
    const p = buildPortfolio([inline('a.charter.yaml', text)], { asOf: '2026-03-01' });
    assert.deepEqual(
      p.exceptions.map((e) => [e.kind, e.scope, e.rules.join(), e.reason, e.approver, e.expires, e.expired, e.location.range.start.line]),
      [
        ['suppression', 'file', 'text/no-placeholders', 'template examples', undefined, undefined, undefined, 0],
        ['suppression', 'next-line', 'status/stale-report', undefined, undefined, undefined, undefined, 3],
        ['waiver', 'document', 'budget/contingency-band', 'Fixed price', 'jane.doe', '2026-02-28', true, 6],
      ],
    );
  });
});
