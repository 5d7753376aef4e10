// The catalogue as a whole: the rules docs/rules/README.md lists, each with its page, each firing in the planted
// workspace, none firing on the contract example or the clean part of the sample portfolio.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCheck } from '../../../server/src/cli/check';
import { CATALOGUE, CHANGE_RULES, DOCUMENT_RULES, PORTFOLIO_RULES, RULES } from '../../../server/src/engine/rules/index';
import { docsFor } from '../../../server/src/engine/utils/docs';
import { REPO } from '../../support/engine';

const EXPECTED_DOCUMENT_RULES = [
  'schedule/start-before-end',
  'schedule/milestone-in-window',
  'schedule/phase-log-order',
  'schedule/overdue-milestone',
  'status/red-needs-recovery',
  'status/stale-report',
  'budget/breakdown-sums',
  'budget/single-currency',
  'budget/contingency-band',
  'status/phase-in-policy',
  'budget/approval-threshold',
  'approvals/required-for-status',
  'objectives/measurable',
  'risks/owned',
  'raci/one-accountable',
  'text/no-placeholders',
  'closure/exit-criteria',
  'status/missing-report',
  'status/future-dated',
  'schedule/past-end',
  'status/phase-consistency',
  'closure/open-risks',
  'schedule/done-in-future',
  'allocation/outside-schedule',
  'programme/red-needs-recovery',
  'programme/stale-report',
  'approvals/segregation',
  'budget/fx-rate',
  'budget/phasing-sums',
  'performance/forecast-beyond-tolerance',
  'performance/cpi-below',
  'performance/spi-below',
  'performance/actuals-stale',
  'status/rag-inconsistent',
];
const EXPECTED_PORTFOLIO_RULES = [
  'portfolio/unique-id',
  'portfolio/unknown-reference',
  'portfolio/dependency-cycle',
  'portfolio/dependency-dates',
  'people/over-allocated',
  'programme/budget-cap',
  'programme/rag-rollup',
  'portfolio/funding-envelope',
  'portfolio/depends-on-closed',
];

async function findingsIn(folder: string, paths: string[] = []) {
  const cwd = path.join(REPO, folder);
  const outcome = await runCheck({ cwd, paths, format: 'json', color: false, offline: true });
  return outcome.results.flatMap((r) => r.findings.map((f) => ({ file: r.file, rule: f.rule })));
}

describe('rule catalogue', () => {
  it('holds exactly the catalogue\'s rules, single-document and whole-portfolio', () => {
    assert.deepEqual(DOCUMENT_RULES.map((r) => r.id), EXPECTED_DOCUMENT_RULES);
    assert.deepEqual(PORTFOLIO_RULES.map((r) => r.id), EXPECTED_PORTFOLIO_RULES);
  });

  it('gives every rule an id of the form area/name, a docs path, a severity, kinds and a summary', () => {
    assert.deepEqual(CHANGE_RULES.map((r) => r.id), ['change/unrecorded', 'change/beyond-tolerance', 'change/approval-threshold-crossed', 'change/status-transition', 'change/history-rewritten']);
    for (const rule of [...RULES, ...CHANGE_RULES]) {
      assert.match(rule.id, /^[a-z]+\/[a-z-]+$/);
      assert.equal(rule.docs, docsFor(rule.id));
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.severity), rule.id);
      assert.ok(rule.kinds.length > 0, rule.id);
      assert.match(rule.summary, /^[A-Z].*\.$/, rule.id);
    }
  });

  it('has a page for every rule, saying what, why, how to fix, options, with an example', () => {
    for (const rule of CATALOGUE) {
      const page = fs.readFileSync(path.join(REPO, rule.docs), 'utf8');
      assert.ok(page.startsWith(`# \`${rule.id}\``), `${rule.docs} starts with the rule id`);
      for (const section of ['## What', '## Why', '## How to fix', '## Options', '## Example']) assert.ok(page.includes(section), `${rule.docs}: ${section}`);
    }
  });

  it('fires every rule, and every suppression and waiver finding, in the planted workspace', async () => {
    const fired = new Set((await findingsIn('test/fixtures/rules/planted')).map((f) => f.rule));
    // Change rules need a base ref; they fire in their own tests (test/unit/rules/change, test/cli/changeControl).
    for (const rule of CATALOGUE.filter((r) => !r.id.startsWith('change/'))) assert.ok(fired.has(rule.id), rule.id);
  });

  it('stays quiet on the contract example with its programme, people, upstream project and portfolio', async () => {
    assert.deepEqual(await findingsIn('test/fixtures/contract'), []);
  });

  it('stays quiet on the sample portfolio outside needs-attention/, and finds exactly the planted problems in it', async () => {
    const findings = await findingsIn('examples');
    assert.deepEqual(findings.filter((f) => !f.file.startsWith('needs-attention/')), []);
    assert.deepEqual(findings.map((f) => f.rule).sort(), [
      'budget/breakdown-sums',
      'portfolio/unknown-reference',
      'schema/additionalProperties',
      'schema/enum',
      'schema/format',
      'schema/format',
      'schema/required',
      'status/red-needs-recovery',
    ]);
  });

  it('checks a single file against the whole workspace it sits in', async () => {
    const findings = await findingsIn('examples', ['needs-attention/ops-network-refresh.charter.yaml']);
    assert.deepEqual(findings.map((f) => f.rule), ['schema/format', 'portfolio/unknown-reference']);
  });
});
