// charter diff's model and Markdown: every kind of governance delta, with its record or a warning, and
// a comment that cannot ping people or inject HTML.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { buildChangeSummary } from '../../server/src/cli/diff/changeSummary';
import { formatDiffMarkdown } from '../../server/src/cli/diff/diffMarkdown';
import { md } from '../../server/src/cli/diff/markdownText';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { resolvePolicy } from '../../server/src/engine/rules/policy';
import { REPO } from '../support/engine';
import { PROJECT } from './rules/harness';

const FILE = 'projects/fin-invoice.charter.yaml';

function summarise(base: string, head: string) {
  return buildChangeSummary({
    ref: 'main',
    commit: 'a'.repeat(40),
    head: [{ parsed: parseCharterFile(`file:///w/${FILE}`, head), relativePath: FILE, findings: [], base: { parsed: parseCharterFile(`charter-base:/${FILE}?main`, base), path: FILE } }],
    removed: [],
    policy: resolvePolicy(),
  });
}

describe('charter diff summary', () => {
  const base = `${PROJECT}scope:\n  in: [supplier invoices]\n  out: [expense claims]\n`;
  const head = base
    .replace('status: active', 'status: on-hold')
    .replace('phase: delivery', 'phase: closure')
    .replace('rag: amber', 'rag: red')
    .replace('[supplier invoices]', '[supplier invoices, credit notes]')
    .replace('out: [expense claims]', 'out: []')
    .replace('    owner: raj.patel\n', '    owner: raj.patel\n    status: closed\n  - { id: r-new, title: Vendor insolvency, probability: low, impact: high, owner: raj.patel }\n')
    .replace('  - { person: raj.patel, percent: 60, from: 2027-01-04, to: 2027-12-17 }', '  - { person: raj.patel, percent: 80, from: 2027-01-04, to: 2027-12-17 }\n  - { person: li.wei, percent: 20, from: 2027-01-04, to: 2027-12-17 }')
    .replace('  - { id: m-live, name: Live, date: 2027-11-30, status: planned }\n', '  - { id: m-pilot, name: Pilot, date: 2027-09-01 }\n')
    + 'changes:\n  - { id: cr-9, date: 2027-05-10, summary: Pause, kind: [status, scope], decision: proposed }\n';

  it('lists status, phase and RAG moves, scope items, risks, bookings and milestones, with their records', () => {
    const summary = summarise(base, head);
    const [project] = summary.projects;
    assert.deepEqual(project.deltas.map((d) => [d.text, d.record === undefined ? '-' : d.record === null ? 'none' : d.record.id]), [
      ['milestone m-pilot added (2027-09-01)', 'none'],
      ['milestone m-live removed (was 2027-11-30)', 'none'],
      ['in scope added: "credit notes"', 'cr-9'],
      ['out of scope removed: "expense claims"', 'cr-9'],
      ['status active -> on-hold', 'cr-9'],
      ['phase delivery -> closure', '-'],
      ['RAG amber -> red', '-'],
      ['risk r-ocr (OCR accuracy below target) closed', '-'],
      ['risk r-new (Vendor insolvency) opened', '-'],
      ['raj.patel booking 60 % -> 80 %', '-'],
      ['li.wei booked at 20 %', '-'],
    ]);
    assert.equal(summary.counts.unrecorded, 2);
    assert.equal(summary.headline, 'Against main: 1 project changed; 2 changes without a change record.');
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'charter-diff.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const data: unknown = JSON.parse(JSON.stringify(summary));
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });

  it('says when nothing changed', () => {
    const summary = summarise(base, base);
    assert.deepEqual(summary.projects, []);
    assert.equal(summary.headline, 'No governance changes against main.');
    assert.match(formatDiffMarkdown(summary), /\*\*No governance changes against main\.\*\*/);
  });

  it('escapes what a charter says before it reaches the comment', () => {
    assert.equal(md('@octocat <img src=x onerror=alert(1)> [link](http://x) | `code` *bold*'), '@\u200boctocat &lt;img src=x onerror=alert(1)&gt; \\[link\\](http://x) \\| \\`code\\` \\*bold\\*');
    assert.equal(md('line\nbreak'), 'line break');
    assert.equal(md('x'.repeat(400)).length, 300);
    const hostile = summarise(base, base.replace('title: Invoice automation', 'title: "@here <script>alert(1)</script>"').replace('approved: 850000', 'approved: 851000'));
    const comment = formatDiffMarkdown(hostile);
    assert.ok(comment.includes('@\u200bhere &lt;script&gt;alert(1)&lt;/script&gt;'), comment);
    assert.doesNotMatch(comment, /<script>/, 'no tag');
  });
});
