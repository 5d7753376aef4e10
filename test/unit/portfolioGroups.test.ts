import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { filterProjects, groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { worstRag } from '../../server/src/engine/rules/lifecycle';
import { buildPortfolio, type PortfolioSource } from '../../server/src/engine/portfolio/portfolioModel';
import { fileUri, REPO, service } from '../support/engine';

const EXAMPLES = path.join(REPO, 'examples');

function sources(...dirs: string[]): PortfolioSource[] {
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(path.join(EXAMPLES, dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => {
        const full = path.join(EXAMPLES, dir, f);
        return { file: service().parse(fileUri(full), fs.readFileSync(full, 'utf8')), relativePath: path.posix.join(dir, f).replace(/^\.\//, '') };
      }),
  );
}

describe('portfolio groups', () => {
  // The projects/ folder alone: the numbers in examples/README.md.
  const clean = buildPortfolio(sources('.', 'programmes', 'projects'), { asOf: '2026-12-01' });
  const all = buildPortfolio(sources('.', 'programmes', 'projects', 'needs-attention'), { asOf: '2026-12-01' });

  it('worst RAG: red over amber over green, none without a report', () => {
    assert.equal(worstRag(['green', 'amber', undefined]), 'amber');
    assert.equal(worstRag(['green', 'red', 'amber']), 'red');
    assert.equal(worstRag(['green']), 'green');
    assert.equal(worstRag([undefined]), undefined);
    assert.equal(worstRag([]), undefined);
  });

  it('groups by programme with counts, worst RAG and approved budget against the cap', () => {
    const groups = groupPortfolio(clean, 'programme');
    assert.deepEqual(
      groups.map((g) => [g.key, g.label, g.rollup.count, g.rollup.worstRag, g.cap?.approved, g.cap?.amount, g.cap?.over]),
      [
        ['digital-customer', 'Digital customer', 4, 'red', 3830000, 4500000, false],
        ['finance-transformation', 'Finance transformation', 4, 'amber', 2000000, 3000000, false],
        ['operational-resilience', 'Operational resilience', 3, 'amber', 2970000, 3500000, false],
        ['', 'No programme', 1, undefined, undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(groups[3].projectIds, ['hr-learning-platform']);
    // hr-learning-platform is only proposed: its budget is not committed yet.
    assert.deepEqual(groups[3].rollup.approved, {});
    assert.equal(groups[0].location?.relativePath, 'programmes/digital-customer.programme.yaml');
  });

  it('turns a programme over its cap when its projects add up to more', () => {
    const dc = groupPortfolio(all, 'programme').find((g) => g.key === 'digital-customer')!;
    assert.equal(dc.rollup.count, 5);
    assert.equal(dc.rollup.worstRag, 'red');
    assert.deepEqual(dc.cap, { amount: 4500000, currency: 'EUR', approved: 4070000, over: false });
    const tight = { ...all, programmes: all.programmes.map((p) => (p.id === 'digital-customer' ? { ...p, cap: 4000000 } : p)) };
    assert.equal(groupPortfolio(tight, 'programme').find((g) => g.key === 'digital-customer')!.cap?.over, true);
  });

  it('groups by status in lifecycle order, and by RAG worst first', () => {
    assert.deepEqual(
      groupPortfolio(clean, 'status').map((g) => [g.key, g.rollup.count]),
      [
        ['proposed', 2],
        ['approved', 2],
        ['active', 5],
        ['on-hold', 1],
        ['closed', 2],
      ],
    );
    assert.deepEqual(
      groupPortfolio(clean, 'rag').map((g) => [g.key, g.label, g.rollup.count]),
      [
        ['red', 'red', 1],
        ['amber', 'amber', 3],
        ['green', 'green', 2],
        ['', 'No status report', 2],
        ['not-live', 'Not live (proposed, closed, cancelled)', 4],
      ],
    );
  });

  it('groups by sponsor, manager and phase', () => {
    assert.deepEqual(groupPortfolio(clean, 'sponsor').find((g) => g.key === 'helen.marsh')?.projectIds, ['fin-close-acceleration', 'fin-erp-upgrade', 'fin-treasury-forecast']);
    assert.deepEqual(groupPortfolio(clean, 'manager').find((g) => g.key === 'aisha.bello')?.projectIds, ['dc-contact-centre', 'dc-identity', 'fin-close-acceleration']);
    assert.deepEqual(
      groupPortfolio(clean, 'phase').map((g) => [g.key, g.rollup.count]),
      [
        ['closure', 2],
        ['delivery', 6],
        ['initiation', 2],
        ['planning', 2],
      ],
    );
  });

  it('sums the whole portfolio', () => {
    assert.equal(clean.summary.count, 12);
    // Health counts the 8 live projects (approved, active, on-hold); proposals and closed ones are not in the tiles.
    assert.equal(clean.summary.live, 8);
    assert.deepEqual(clean.summary.rag, { green: 2, amber: 3, red: 1, none: 2, invalid: 0 });
    // Committed budgets only: the two proposals (390,000) and the two closed projects (490,000) are left out.
    assert.deepEqual(clean.summary.approved, { EUR: 8310000 });
    assert.equal(clean.summary.worstRag, 'red');
  });

  it('filters by status, RAG and having findings', () => {
    assert.deepEqual(filterProjects(clean.projects, { rag: ['red'] }).map((p) => p.id), ['dc-web-replatform']);
    assert.equal(filterProjects(clean.projects, { status: ['active', 'on-hold'] }).length, 6);
    // Live projects without a report; proposals and finished projects match no RAG.
    assert.equal(filterProjects(clean.projects, { rag: ['none'] }).length, 2);
    assert.equal(filterProjects(clean.projects, { hasFindings: true }).length, 0);
    const red = groupPortfolio(clean, 'programme', { rag: ['red'] });
    assert.deepEqual(red.map((g) => [g.key, g.projectIds]), [['digital-customer', ['dc-web-replatform']]], 'a filtered view drops empty programmes');
  });
});
