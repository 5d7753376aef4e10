// The "done when" portfolio of a PMO analyst (test/fixtures/governance): closed and cancelled red
// projects, JPY and GBP budgets under EUR thresholds and caps, a phased multi-year budget, an active
// project that never reported, one past its end, and a manager approving their own waiver. Charter
// reports exactly the real problems, and the rules, every report format, the dashboard and the tree
// agree on how many projects are live, red and overdue.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { allNodes, buildTree, RAG_COLOURS } from '../../client/src/portfolio/treeItems';
import { dashboardBody } from '../../server/src/engine/portfolio/dashboardPage';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import type { Portfolio, PortfolioException } from '../../server/src/engine/portfolio/portfolioTypes';
import { REPO } from '../support/engine';

const CLI = path.join(REPO, 'dist', 'cli.js');
const ROOT = path.join(REPO, 'test', 'fixtures', 'governance');

function charter(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: the portfolio a PMO analyst would sign (test/fixtures/governance)', function () {
  this.timeout(60_000);
  const check = charter(['check', '--format', 'json']);
  const findings = (JSON.parse(check.stdout) as { findings: Array<{ file: string; rule: string; message: string }> }).findings;
  const report = JSON.parse(charter(['report', '--format', 'json']).stdout) as Portfolio & { groups: unknown[] };

  it('reports exactly the real problems, and no false alarm', () => {
    assert.equal(check.code, 1, check.stderr);
    assert.deepEqual(
      findings.map((f) => `${f.file} ${f.rule}`),
      [
        'programmes/europe.programme.yaml programme/budget-cap',
        'projects/london-hub.charter.yaml schedule/overdue-milestone',
        'projects/overrun.charter.yaml schedule/past-end',
        'projects/self-waived.charter.yaml approvals/segregation',
        'projects/silent.charter.yaml status/missing-report',
      ],
    );
    // The cap is compared in EUR, with the GBP and JPY projects converted, not skipped.
    assert.match(findings[0].message, /^The 3 projects of europe add up to 2,256,000 EUR, 256,000 EUR above its cap of 2,000,000 EUR\./);
  });

  it('agrees on live, red and overdue counts: rules, JSON, Markdown, CSV, HTML, dashboard and tree', () => {
    const s = report.summary;
    assert.equal(s.count, 9);
    assert.equal(s.live, 7, 'approved, active and on-hold; not closed-red, not cancelled-red');
    assert.deepEqual(s.rag, { red: 1, amber: 2, green: 2, none: 2, invalid: 0 });
    assert.equal(s.worstRag, 'red');
    assert.equal(s.overdueMilestones, 1);
    // The rules: the one overdue milestone, and a recovery plan asked of no red project (the live red one has one).
    assert.equal(findings.filter((f) => f.rule === 'schedule/overdue-milestone').length, s.overdueMilestones);
    assert.equal(findings.filter((f) => f.rule === 'status/red-needs-recovery').length, 0);
    assert.equal(findings.filter((f) => f.rule === 'status/missing-report').length, 1, 'live projects past their first reporting date without a report');
    // Committed money only (approved or live): the closed and cancelled projects' budgets are not in it.
    assert.deepEqual(s.approved, { EUR: 4350000, GBP: 1000000, JPY: 30000000 });

    const md = charter(['report', '--format', 'md']).stdout;
    assert.match(md, /9 projects, 7 live; RAG of the live ones 1 red, 2 amber, 2 green, 2 without a status report; 1 overdue milestone;/);

    const rows = parseCsv(charter(['report', '--format', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    const live = rows.filter((r) => r.live === 'true');
    assert.equal(live.length, s.live);
    assert.equal(live.filter((r) => r.rag === 'red').length, s.rag.red);
    assert.equal(live.reduce((n, r) => n + Number(r.overdueMilestones), 0), s.overdueMilestones);
    assert.equal(rows.reduce((n, r) => n + Number(r.overdueMilestones), 0), s.overdueMilestones, 'finished projects have nothing overdue');

    const tiles = (html: string) => Object.fromEntries([...html.matchAll(/<span class="tile-value[^"]*">([^<]*)<\/span><span class="tile-label">([^<]*)</g)].map((m) => [m[2], m[1]]));
    const expectedTiles = { Projects: '9', Live: '7', Red: '1', Amber: '2', Green: '2', 'Overdue milestones': '1' };
    const html = tiles(charter(['report', '--format', 'html']).stdout);
    for (const [label, value] of Object.entries(expectedTiles)) assert.equal(html[label], value, `html ${label}`);
    const result = { portfolio: report, groupBy: 'programme' as const, groups: groupPortfolio(report, 'programme') };
    const dashboard = tiles(dashboardBody(result));
    for (const [label, value] of Object.entries(expectedTiles)) assert.equal(dashboard[label], value, `dashboard ${label}`);

    const nodes = allNodes(buildTree(result));
    const projects = nodes.filter((n) => n.kind === 'project');
    assert.equal(projects.length, 9);
    assert.equal(projects.filter((n) => n.icon?.color === RAG_COLOURS.red).length, s.rag.red, 'one red project in the tree: the closed and cancelled red ones are not');
    assert.deepEqual(projects.filter((n) => n.icon?.id === 'archive').map((n) => n.projectId).sort(), ['cancelled-red', 'closed-red']);
    assert.equal(nodes.filter((n) => n.kind === 'milestone' && n.contextValue === 'charter.milestone.overdue').length, s.overdueMilestones);
  });

  it('lists every waiver and suppression for the auditor, in every format', () => {
    const register = JSON.parse(charter(['report', '--exceptions', '--format', 'json']).stdout) as { exceptions: PortfolioException[] };
    assert.deepEqual(
      register.exceptions.map((e) => [e.kind, e.rules.join(), e.location.relativePath, e.reason, e.approver, e.expires]),
      [
        ['suppression', 'text/no-placeholders', 'projects/paris-move.charter.yaml', "the landlord's name stays out of the charter", undefined, undefined],
        ['waiver', 'budget/contingency-band', 'projects/self-waived.charter.yaml', 'Fixed-price contract', 'raj.patel', '2027-08-31'],
      ],
    );
    assert.deepEqual(register.exceptions, report.exceptions, 'the same list as the portfolio model (and the dashboard) carries');
    const md = charter(['report', '--exceptions']).stdout;
    assert.match(md, /^# Exceptions register\n\nAs of 2027-05-15: 1 waiver and 1 suppression\./);
    assert.match(md, /\| waiver \| budget\/contingency-band \| projects\/self-waived\.charter\.yaml:\d+ \| Fixed-price contract \| raj\.patel \| 2027-08-31 \|/);
    const csv = parseCsv(charter(['report', '--exceptions', '--format', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(csv.map((r) => [r.kind, r.rule, r.approver, r.expires]), [['suppression', 'text/no-placeholders', '', ''], ['waiver', 'budget/contingency-band', 'raj.patel', '2027-08-31']]);
    const html = charter(['report', '--exceptions', '--format', 'html']).stdout;
    assert.match(html, /<td>the landlord&#39;s name stays out of the charter<\/td>/);
    assert.match(dashboardBody({ portfolio: report, groups: [] }), /<section id="exceptions">.*Fixed-price contract/s);
  });

  it('refuses --exceptions on charter check', () => {
    const result = charter(['check', '--exceptions']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--exceptions are options of charter report/);
  });
});
