import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allNodes, buildTree, RAG_COLOURS } from '../../client/src/portfolio/treeItems';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { buildPortfolio } from '../../server/src/engine/portfolio/portfolioModel';
import type { GroupBy, PortfolioFilter } from '../../server/src/engine/portfolio/portfolioTypes';
import type { Finding } from '../../server/src/engine/types';
import type { PortfolioResult } from '../../server/src/protocol';
import { fileUri, REPO, service } from '../support/engine';

const EXAMPLES = path.join(REPO, 'examples');

function result(asOf = '2026-12-01', groupBy: GroupBy = 'programme', filter?: PortfolioFilter): PortfolioResult {
  const files = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
  const sources = files.map((f) => {
    const uri = fileUri(path.join(EXAMPLES, f));
    const finding: Finding[] = f.includes('dc-loyalty')
      ? [{ rule: 'schema/enum', severity: 'error', message: 'status must be one of ...', uri, docs: '', range: { start: { line: 7, character: 8 }, end: { line: 7, character: 13 } } }]
      : [];
    return { file: service().parse(uri, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')), relativePath: f.split(path.sep).join('/'), findings: finding };
  });
  const portfolio = buildPortfolio(sources, { asOf });
  return { portfolio, groupBy, groups: groupPortfolio(portfolio, groupBy, filter) };
}

describe('portfolio tree items', () => {
  const tree = buildTree(result());

  it('has a group per programme, with counts, worst RAG colour and budget against the cap', () => {
    assert.deepEqual(tree.map((g) => g.label), ['Digital customer', 'Finance transformation', 'Operational resilience', 'No programme']);
    const dc = tree[0];
    assert.equal(dc.kind, 'group');
    assert.equal(dc.description, '1 error · 5 projects');
    assert.deepEqual(dc.icon, { id: 'folder', color: RAG_COLOURS.red });
    assert.equal(dc.open?.relativePath, 'programmes/digital-customer.programme.yaml');
    assert.equal(tree[1].icon?.color, RAG_COLOURS.amber);
    assert.equal(tree[3].icon?.color, RAG_COLOURS.none);
    assert.match(dc.tooltip!, /Approved 4,070,000 of a 4,500,000 EUR cap/);
  });

  it('shows each project with its RAG colour, title, and manager, end date and finding count', () => {
    const erp = allNodes(tree).find((n) => n.kind === 'project' && n.projectId === 'fin-erp-upgrade')!;
    assert.equal(erp.label, 'ERP upgrade');
    assert.equal(erp.description, 'ends 2027-03-31');
    assert.match(erp.tooltip!, /- Sponsor .*, manager priya\.nair/);
    assert.deepEqual(erp.icon, { id: 'circle-filled', color: 'charts.orange' });
    assert.equal(erp.contextValue, 'charter.project');
    assert.equal(erp.open?.relativePath, 'projects/fin-erp-upgrade.charter.yaml');
    assert.deepEqual(erp.open?.range.start, { line: 2, character: 4 });
    assert.match(erp.tooltip!, /- Budget: 1,400,000 EUR approved, 140,000 contingency/);
    assert.match(erp.tooltip!, /- Next milestone: User acceptance testing passed, 2027-01-29/);
    const loyalty = allNodes(tree).find((n) => n.kind === 'project' && n.projectId === 'dc-loyalty-programme')!;
    assert.equal(loyalty.description, '1 error · ends 2027-06-30');
    assert.equal(loyalty.icon?.color, 'charts.red');
    const noReport = allNodes(tree).find((n) => n.kind === 'project' && n.projectId === 'fin-close-acceleration')!;
    assert.deepEqual(noReport.icon, { id: 'circle-outline', color: 'disabledForeground' });
  });

  it('gives a project milestones, risks, dependencies and findings as children, each opening its node', () => {
    const erp = allNodes(tree).find((n) => n.kind === 'project' && n.projectId === 'fin-erp-upgrade')!;
    assert.deepEqual(erp.children.map((c) => [c.label, c.description]), [
      ['Milestones', '4'],
      ['Risks', '2 of 2'],
    ]);
    const [milestones] = erp.children;
    assert.deepEqual(milestones.children.map((m) => [m.label, m.description, m.icon?.id]), [
      ['Design signed off', '2026-05-29 · done', 'pass'],
      ['Build and data migration tooling complete', '2026-10-30 · done', 'pass'],
      ['User acceptance testing passed', '2027-01-29 · planned', 'circle-outline'],
      ['Go-live', '2027-03-15 · planned', 'circle-outline'],
    ]);
    assert.ok(milestones.children.every((m) => m.open && m.open.range.start.line > 0));

    const web = allNodes(tree).find((n) => n.kind === 'project' && n.projectId === 'dc-web-replatform')!;
    const dependency = web.children.find((c) => c.label === 'Dependencies')!.children[0];
    assert.equal(dependency.label, 'dc-identity');
    assert.equal(dependency.open?.relativePath, 'projects/dc-identity.charter.yaml', 'a click opens the other project');
    assert.equal(dependency.description, 'needed by 2027-02-01');
    assert.match(dependency.tooltip!, /Customer single sign-on/);

    const network = allNodes(tree).find((n) => n.kind === 'project' && n.projectId === 'ops-network-refresh')!;
    const unknown = network.children.find((c) => c.label === 'Dependencies')!.children[0];
    assert.equal(unknown.contextValue, 'charter.dependency.unknown');
    assert.equal(unknown.open?.relativePath, 'needs-attention/ops-network-refresh.charter.yaml');

    const loyalty = allNodes(tree).find((n) => n.kind === 'project' && n.projectId === 'dc-loyalty-programme')!;
    const findings = loyalty.children.find((c) => c.label === 'Findings')!;
    assert.equal(findings.description, '1 error');
    assert.deepEqual(findings.children.map((f) => [f.label, f.description, f.icon?.id]), [['status must be one of ...', 'line 8', 'error']]);
    assert.match(findings.children[0].tooltip!, /`schema\/enum`/);
  });

  it('stays readable at the default sidebar width: short descriptions, key fact first, details in the tooltip', () => {
    for (const asOf of ['2026-12-01', '2027-02-01']) {
      for (const node of allNodes(buildTree(result(asOf)))) {
        assert.ok((node.description ?? '').length <= 28, `${node.kind} ${node.label}: "${node.description}"`);
        if (node.kind !== 'section') assert.ok(node.tooltip, `${node.kind} ${node.label} has a tooltip`);
      }
    }
    const later = buildTree(result('2027-02-01'));
    const erp = allNodes(later).find((n) => n.kind === 'project' && n.projectId === 'fin-erp-upgrade')!;
    assert.equal(erp.description, '1 overdue · ends 2027-03-31');
  });

  it('marks overdue milestones', () => {
    const later = buildTree(result('2027-02-01'));
    const erp = allNodes(later).find((n) => n.kind === 'project' && n.projectId === 'fin-erp-upgrade')!;
    const milestones = erp.children[0];
    assert.equal(milestones.description, '4, 1 overdue');
    const uat = milestones.children[2];
    assert.equal(uat.description, '2027-01-29 · overdue');
    assert.deepEqual(uat.icon, { id: 'warning', color: 'charts.red' });
    assert.equal(uat.contextValue, 'charter.milestone.overdue');
  });

  it('gives every node a unique id, stable across rebuilds', () => {
    const ids = allNodes(tree).map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(allNodes(buildTree(result())).map((n) => n.id), ids);
  });

  it('follows the grouping and the filter', () => {
    const byRag = buildTree(result('2026-12-01', 'rag'));
    assert.deepEqual(byRag.map((g) => [g.label, g.children.length]), [['red', 2], ['amber', 3], ['green', 2], ['No status report', 4], ['Not live (proposed, closed, cancelled)', 4]]);
    const withFindings = buildTree(result('2026-12-01', 'programme', { hasFindings: true }));
    assert.deepEqual(allNodes(withFindings).filter((n) => n.kind === 'project').map((n) => n.projectId), ['dc-loyalty-programme']);
  });

  it('marks a project changed against the change-control base, with what changed in its tooltip', () => {
    const marked = result();
    const erp = marked.portfolio.projects.find((p) => p.id === 'fin-erp-upgrade')!;
    erp.changedAgainstBase = { ref: 'origin/main', changes: ['approved budget changed 1,200,000 -> 1,400,000 EUR (+16.7 %)'] };
    const node = allNodes(buildTree(marked)).find((n) => n.kind === 'project' && n.projectId === 'fin-erp-upgrade')!;
    assert.equal(node.description, 'changed vs origin/main · ends 2027-03-31');
    assert.match(node.tooltip!, /\*\*Changed against origin\/main:\*\*\n- approved budget changed 1,200,000 -&gt; 1,400,000 EUR \(\+16\.7 %\)$/);
  });
});
