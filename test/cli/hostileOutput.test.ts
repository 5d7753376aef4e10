import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { projectTooltip } from '../../client/src/portfolio/treeItems';
import { runCheck } from '../../server/src/cli/check';
import { runReport } from '../../server/src/cli/report';
import { dashboardBody } from '../../server/src/engine/portfolio/dashboardPage';
import { groupPortfolio } from '../../server/src/engine/portfolio/portfolioGroups';
import { buildPortfolio } from '../../server/src/engine/portfolio/portfolioModel';
import { fileUri, service } from '../support/engine';

// One value that tries every trick at once: markup and an attribute break-out, a Markdown table cell
// break, a spreadsheet formula, a line break, terminal escape sequences, a bell and a bidi override.
const HOSTILE = '=cmd|\' /C calc\'!A0 "><a href="https://evil.example/login">Log in again</a><svg onload=alert(1)> | `x` [l](https://evil.example) \n\u001b[31mred\u001b]0;title\u0007\u0000\u202e';
const yamlString = (text: string): string => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar

/** A charter with the hostile text in every field a report or a finding can show. */
function hostileCharter(): string {
  const h = (suffix: string) => yamlString(`${HOSTILE}${suffix}`);
  return [
    'apiVersion: charter/v1',
    'kind: Project',
    `id: ${h('id')}`,
    `title: ${h('title')}`,
    `summary: ${h('summary')}`,
    `purpose: ${h('purpose')}`,
    `status: ${h('status')}`,
    `phase: ${h('phase')}`,
    `programme: ${h('programme')}`,
    `sponsor: ${h('sponsor')}`,
    `manager: ${h('manager')}`,
    'schedule:',
    '  start: 2025-01-01',
    '  end: 2031-12-31',
    'milestones:',
    `  - { id: ${h('m')}, name: ${h('milestone')}, date: 2030-01-01, status: ${h('mstatus')} }`,
    `  - { id: m2, name: ${h('milestone2')}, date: ${h('date')} }`,
    'budget:',
    `  currency: ${h('cur')}`,
    '  approved: 100',
    'risks:',
    `  - { id: ${h('r')}, title: ${h('risk')}, probability: high, impact: high, owner: ${h('owner')} }`,
    'dependencies:',
    `  - { project: ${h('dep')} }`,
    'statusReports:',
    `  - { date: 2020-01-01, rag: ${h('rag')}, summary: ${h('report')} }`,
    'waivers:',
    `  - { rule: risks/owned, reason: ${h('reason')}, approver: ${h('approver')}, expires: ${h('expires')} }`,
    `# charter-disable text/no-placeholders -- ${HOSTILE.replace(/[\u0000-\u001f\u007f-\u009f\u202e]/g, ' ')}`,
    '',
  ].join('\n');
}

/** Markdown without its code spans, whose text is shown literally, never as markup. */
const outsideCode = (md: string): string => md.replace(/(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

/** No element or attribute but ours: every tag is one the page itself writes. */
function assertHtmlNeutral(html: string, where: string): void {
  const markup = html.replace(/="[^"]*"/g, '=""'); // attribute values are checked below; they may quote anything
  assert.doesNotMatch(markup, /<a[\s>]/i, `${where}: no injected link`);
  assert.doesNotMatch(markup, /<svg onload|<[a-z][^>]*\son\w+=/i, `${where}: no injected element or handler`);
  for (const [, value] of html.matchAll(/="([^"]*)"/g)) assert.doesNotMatch(value, /[<>"]/, `${where}: an attribute value stays inside its quotes`);
  assert.doesNotMatch(html, CONTROL, `${where}: no control characters`);
  for (const [, value] of html.matchAll(/\bclass="([^"]*)"/g)) assert.match(value, /^[a-z0-9 -]*$/, `${where}: class="${value}"`);
  assert.ok(html.includes('Log in again'), `${where}: the text is shown, as text`);
}

describe('cli: hostile text in every output', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-hostile-'));
    fs.writeFileSync(path.join(dir, 'portfolio.yaml'), 'apiVersion: charter/v1\nkind: Portfolio\nname: p\n');
    fs.writeFileSync(path.join(dir, `evil\u001b[2J\u001b]8;;x\u0007name.charter.yaml`), hostileCharter());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('html report: values are text, never markup, attributes or classes', async () => {
    const { output } = await runReport({ cwd: dir, paths: [], format: 'html', asOf: '2026-01-01', offline: true });
    assertHtmlNeutral(output, "html report");
  });

  it('dashboard page: the same', () => {
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.charter.yaml'))!;
    const parsed = service().parse(fileUri(path.join(dir, file)), hostileCharter());
    const portfolio = buildPortfolio([{ file: parsed, relativePath: file }], { asOf: '2026-01-01' });
    assertHtmlNeutral(dashboardBody({ portfolio, groups: groupPortfolio(portfolio, 'programme') }), 'dashboard');
  });

  it('markdown report: tables keep their columns, no raw HTML or links, the gantt keeps one task per line', async () => {
    const { output } = await runReport({ cwd: dir, paths: [], format: 'md', asOf: '2026-01-01', offline: true });
    assert.doesNotMatch(outsideCode(output), /<a[\s>]|<svg/i);
    assert.doesNotMatch(output, CONTROL);
    assert.doesNotMatch(outsideCode(output), /[^\\]\]\(https:/, 'no Markdown link');
    const lines = output.split('\n');
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const cells = line.replace(/\\\|/g, '').split('|').length;
      if (columns === 0) columns = cells;
      else assert.equal(cells, columns, `a row keeps the header's columns: ${line}`);
    }
    const gantt = /```mermaid\n([\s\S]*?)```/.exec(output)![1];
    for (const line of gantt.split('\n').filter((l) => l.startsWith('  ') && !/^\s+(title|dateFormat|axisFormat|section)\b/.test(l))) {
      assert.equal(line.split(':').length, 2, `one colon per task line: ${line}`);
      assert.doesNotMatch(line, /[<>"'`]/);
    }
    for (const line of lines) assert.doesNotMatch(line, /^\s*(red|click|callback)\b/, `no line made by a value's line break: ${line}`);
  });

  it('csv report: no cell a spreadsheet would run as a formula', async () => {
    const { output } = await runReport({ cwd: dir, paths: [], format: 'csv', asOf: '2026-01-01', offline: true });
    const rows = parseCsv(output, { columns: false }) as string[][];
    assert.equal(rows.length, 2, 'a header and one project');
    for (const cell of rows.flat()) {
      if (/^-?\d+(\.\d+)?$/.test(cell)) continue; // a number
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell: ${JSON.stringify(cell)}`);
      assert.doesNotMatch(cell, CONTROL);
    }
    assert.ok(rows[1].some((c) => c.startsWith("'=cmd")), 'the value is kept, as text');
  });

  it('stylish: no escape sequence or control character from a file name or a value', async () => {
    const { output, results } = await runCheck({ cwd: dir, paths: [], format: 'stylish', color: false, offline: true, asOf: '2026-01-01' });
    assert.ok(results.some((r) => r.findings.some((f) => f.message.includes('Log in again') || f.message.includes('cmd'))), 'some message quotes a hostile value');
    assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    assert.ok(output.includes('evilname.charter.yaml'), 'the file name is shown without its escape sequences');
  });

  it('github annotations: no escape sequence or control character, one line per finding', async () => {
    const { output, results } = await runCheck({ cwd: dir, paths: [], format: 'github', color: false, offline: true, asOf: '2026-01-01' });
    assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const findings = results.flatMap((r) => r.findings).length;
    assert.equal(output.trimEnd().split('\n').length, findings + 1, 'a line per finding and the summary');
  });

  it('exceptions register: html, md and csv hold the waiver and the suppression as text', async () => {
    const html = (await runReport({ cwd: dir, paths: [], format: 'html', asOf: '2026-01-01', offline: true, exceptions: true })).output;
    assertHtmlNeutral(html, 'exceptions html');
    const md = (await runReport({ cwd: dir, paths: [], format: 'md', asOf: '2026-01-01', offline: true, exceptions: true })).output;
    assert.doesNotMatch(outsideCode(md), /<a[\s>]|<svg/i);
    assert.doesNotMatch(md, CONTROL);
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    assert.equal(rows.length, 4, 'a header, its rule, the waiver and the suppression');
    for (const row of rows) assert.equal(row.replace(/\\\|/g, '').split('|').length, 8, `a row keeps its columns: ${row}`);
    const csv = parseCsv((await runReport({ cwd: dir, paths: [], format: 'csv', asOf: '2026-01-01', offline: true, exceptions: true })).output, { columns: false }) as string[][];
    assert.equal(csv.length, 3, 'a header, the waiver and the suppression');
    for (const cell of csv.flat()) {
      if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell: ${JSON.stringify(cell)}`);
    }
  });

  it('tree tooltips (Markdown): no raw HTML or links', () => {
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.charter.yaml'))!;
    const parsed = service().parse(fileUri(path.join(dir, file)), hostileCharter());
    const [project] = buildPortfolio([{ file: parsed, relativePath: file }], { asOf: '2026-01-01' }).projects;
    const tooltip = projectTooltip(project);
    assert.doesNotMatch(outsideCode(tooltip), /<a[\s>]|<svg/i);
    assert.doesNotMatch(outsideCode(tooltip), /[^\\]\]\(https:/);
    assert.doesNotMatch(tooltip, CONTROL);
  });
});
