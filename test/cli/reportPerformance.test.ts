// `charter report` for leadership: exceptions first, then the summary; metrics in every format.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { runReport } from '../../server/src/cli/report';

const project = (id: string, extra: string) => `apiVersion: charter/v1
kind: Project
id: ${id}
title: ${id} | title
status: active
sponsor: a
manager: b
programme: fin
authority: { budgetTolerancePercent: 5, scheduleToleranceDays: 10 }
schedule: { start: 2027-01-04, end: 2027-12-17 }
${extra}
`;

const FILES: Record<string, string> = {
  'over.charter.yaml': project('over', `budget: { currency: EUR, approved: 850000, actualToDate: 310000, actualAsOf: 2027-04-30, forecastAtCompletion: 900000 }
progress: { percentComplete: 30, asOf: 2027-04-30 }
statusReport: { asOf: 2027-04-30, rag: amber, confidence: amber-red }`),
  'worse.charter.yaml': project('worse', `budget: { currency: EUR, approved: 100000 }
statusReport: { asOf: 2027-04-30, rag: red, recoveryPlan: r }
statusReports: [{ asOf: 2027-03-31, rag: amber }]`),
  'fine.charter.yaml': project('fine', 'budget: { currency: EUR, approved: 50000 }\nstatusReport: { asOf: 2027-04-30, rag: green }'),
};

describe('cli: charter report for leadership', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-perf-report-'));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const report = (format: string) => runReport({ cwd: dir, paths: [], format, asOf: '2027-05-15', offline: true });

  it('md: exceptions first (needing a decision, then red and worsening), then the summary and performance', async () => {
    const md = (await report('md')).output;
    const at = (s: string) => md.indexOf(s);
    assert.ok(at('## Exceptions') > 0 && at('## Exceptions') < at('## Summary') && at('## Summary') < at('## Projects'), 'order');
    const exceptions = md.slice(at('## Exceptions'), at('## Summary'));
    // 900,000 is 50,000 (5.9%) over 850,000: beyond 5%. CPI 255,000 / 310,000; SPI 255,000 / 284,149.86.
    assert.match(exceptions, /\| `over` over \\\| title \| \*\*yes\*\*: exception report to the sponsor \| beyond tolerance: the forecast at completion, 900,000 EUR, is 50,000 EUR \(5\.9%\) over the approved 850,000 EUR, beyond the 5% tolerance \| 0\.82 \| 0\.89 \| -50,000 EUR \| not enough data \|/);
    assert.match(exceptions, /\| `worse` worse \\\| title \| no \| red for 15 days; worsening: amber -&gt; red since last report \| not enough data \|/);
    assert.ok(exceptions.indexOf('`over`') < exceptions.indexOf('`worse`'));
    assert.doesNotMatch(exceptions, /`fine`/);
    assert.match(md, /\| `over` \| 850,000 EUR \| 310,000 EUR \| 900,000 EUR \| 0\.82 \| 0\.89 \| -50,000 EUR \| not enough data \| amber-red \| Amber for 15 days \|/);
    assert.match(md, /\| fin \| 3 \| 1,000,000 EUR \| 310,000 EUR \| 1,050,000 EUR \|/);
    assert.doesNotMatch(md, /NaN/);
  });

  it('html: the exceptions table comes before the summary, with the performance section', async () => {
    const html = (await report('html')).output;
    assert.ok(html.indexOf('id="needs-decision"') < html.indexOf('id="summary"'));
    assert.match(html, /<section id="performance">/);
    assert.match(html, /<svg class="chart scatter"/);
    assert.match(html, /<h3>Capacity \(person x month\)<\/h3>/);
    assert.match(html, /<h3>Strategic alignment<\/h3>/);
    assert.doesNotMatch(html, /NaN/);
  });

  it('csv and json: the metrics columns and fields, empty where there is not enough data', async () => {
    const rows = parseCsv((await report('csv')).output, { columns: true }) as Array<Record<string, string>>;
    const over = rows.find((r) => r.id === 'over')!;
    assert.deepEqual([over.cpi, over.spi, over.forecastVariance, over.earnedValue, over.plannedValue, over.actualToDate, over.confidence], ['0.82', '0.89', '-50000', '255000', '284149.855908', '310000', 'amber-red']);
    const fine = rows.find((r) => r.id === 'fine')!;
    assert.deepEqual([fine.cpi, fine.spi, fine.scheduleSlipDays], ['', '', '']);
    const json = JSON.parse((await report('json')).output);
    const worse = json.projects.find((p: { id: string }) => p.id === 'worse');
    assert.deepEqual(worse.performance.metrics.cpi, { value: null, text: 'not enough data', reason: 'there is no percent complete (progress.percentComplete)' });
    assert.equal(worse.performance.trend.direction, 'worse');
  });
});

describe('cli: charter report md, capacity and strategic alignment', function () {
  this.timeout(60_000);
  let dir: string;
  const charter = (id: string, approved: number, objective: string, allocation: string) => `apiVersion: charter/v1
kind: Project
id: ${id}
title: ${id}
status: active
programme: fin
schedule: { start: 2027-01-04, end: 2027-12-17 }
budget: { currency: EUR, approved: ${approved} }
objectives: [{ id: o1, statement: s, strategicObjective: ${objective} }]
allocations:
  - ${allocation}
`;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-md-capacity-'));
    fs.writeFileSync(path.join(dir, 'a.charter.yaml'), charter('a', 850000, 'so-cost', '{ person: raj, percent: 60, from: 2027-05-01, to: 2027-06-30 }'));
    fs.writeFileSync(path.join(dir, 'b.charter.yaml'), charter('b', 100000.5, 'so-cost', '{ person: raj, percent: 50, from: 2027-06-01, to: 2027-07-31 }'));
    fs.writeFileSync(path.join(dir, 'people.yaml'), 'apiVersion: charter/v1\nkind: People\npeople:\n  - { id: raj, name: Raj | Patel, capacityPercent: 100 }\n');
    fs.writeFileSync(path.join(dir, 'portfolio.yaml'), 'apiVersion: charter/v1\nkind: Portfolio\nid: g\ntitle: G\nobjectives:\n  - { id: so-cost, title: Cut cost }\n  - { id: so-growth, title: Grow }\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('md: books each person per month, over-booked months marked, and each objective with its projects and money', async () => {
    const md = (await runReport({ cwd: dir, paths: [], format: 'md', asOf: '2027-05-15', offline: true })).output;
    const capacity = md.slice(md.indexOf('### Capacity (person x month)'), md.indexOf('### Strategic alignment'));
    assert.match(capacity, /\| person \| 2027-05 \| 2027-06 \| 2027-07 \| 2027-08 \|/);
    // Raj: 60 in May and June (a) + 50 in June and July (b) = 110 in June, over his 100.
    assert.match(capacity, /\| Raj \\\| Patel \| 60 \| \*\*110!\*\* \| 50 \| 0 \| 0 \|/);
    const alignment = md.slice(md.indexOf('### Strategic alignment'));
    // 850,000 + 100,000.50 approved behind so-cost; nothing behind so-growth.
    assert.match(alignment, /\| `so-cost` Cut cost \| 2 \| a, b \| 950,000\.50 EUR \|/);
    assert.match(alignment, /\| `so-growth` Grow \| \*\*0 \(none\)\*\* \| {2}\| 0 \|/);
  });
});
