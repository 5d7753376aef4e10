import { strict as assert } from 'node:assert';
import { checkChange, PROJECT } from './changeHarness';

const RULE = 'change/unrecorded';
const RECORD = (kind: string, date = '2027-05-10', decision = 'proposed') => `changes:\n  - { id: cr-1, date: ${date}, summary: Re-plan, kind: ${kind}, decision: ${decision} }\n`;
const SCOPE = 'scope:\n  in: [supplier invoices, credit notes]\n  out: [expense claims]\n';

describe('change/unrecorded', () => {
  it('fires on a budget change within tolerance with no change record, quoting both values', async () => {
    const { underlined, messages, findings, atBase } = await checkChange(RULE, PROJECT, PROJECT.replace('approved: 850000', 'approved: 900000'));
    assert.deepEqual(underlined, ['900000']);
    assert.deepEqual(messages, ['Approved budget changed 850,000 -> 900,000 EUR (+5.9 %) with no entry in changes. Record the change and who decided it.']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].related![0].uri, 'charter-base:/projects/fin-invoice.charter.yaml?main');
    assert.equal(findings[0].related![0].message, 'On main: 850,000');
    assert.deepEqual(atBase, ['850000']);
  });

  it('is quiet when a new record of the kind covers the change', async () => {
    const head = PROJECT.replace('approved: 850000', 'approved: 900000') + RECORD('budget');
    assert.deepEqual((await checkChange(RULE, PROJECT, head)).findings, []);
    assert.deepEqual((await checkChange(RULE, PROJECT, PROJECT.replace('approved: 850000', 'approved: 900000') + RECORD('[schedule, budget]'))).findings, []);
  });

  it('asks for a record of the right kind, and not for one the base already had', async () => {
    const wrongKind = await checkChange(RULE, PROJECT, PROJECT.replace('contingency: 60000', 'contingency: 70000') + RECORD('schedule'));
    assert.deepEqual(wrongKind.messages, ['Contingency changed 60,000 -> 70,000 EUR (+16.7 %) with no new entry of kind budget in changes. Record the change and who decided it.']);
    const base = PROJECT + RECORD('budget', '2027-05-10', 'approved');
    const stale = await checkChange(RULE, base, base.replace('contingency: 60000', 'contingency: 70000'));
    assert.deepEqual(stale.underlined, ['70000']);
    const older = base + '  - { id: cr-2, date: 2027-04-01, summary: Back-dated, kind: budget, decision: proposed }\n';
    assert.deepEqual((await checkChange(RULE, base, older.replace('contingency: 60000', 'contingency: 70000'))).underlined, ['70000']);
    const rejected = PROJECT.replace('contingency: 60000', 'contingency: 70000') + RECORD('budget', '2027-05-10', 'rejected');
    assert.deepEqual((await checkChange(RULE, PROJECT, rejected)).underlined, ['70000']);
  });

  it('covers start dates, milestone dates, milestones added or removed, scope and status', async () => {
    const base = PROJECT + SCOPE;
    const head = base
      .replace('start: 2027-01-04', 'start: 2027-01-11')
      .replace('date: 2027-11-30, status: planned', 'date: 2027-12-01, status: planned')
      .replace('[supplier invoices, credit notes]', '[supplier invoices, credit notes, debit notes]')
      .replace('status: active', 'status: on-hold');
    const { messages, underlined } = await checkChange(RULE, base, head);
    assert.deepEqual(underlined, ['2027-01-11', '2027-12-01', 'debit notes', 'on-hold']);
    assert.deepEqual(messages.map((m) => m.split(' with ')[0]), ['Start date moved 2027-01-04 -> 2027-01-11 (+7 days)', 'Milestone m-live moved 2027-11-30 -> 2027-12-01 (+1 day)', 'In scope added: "debit notes"', 'Status active -> on-hold']);
    const removed = await checkChange(RULE, base, base.replace('  - { id: m-live, name: Live, date: 2027-11-30, status: planned }\n', '').replace('out: [expense claims]', 'out: []'));
    assert.deepEqual(removed.underlined, ['milestones', '[]']);
    assert.deepEqual(removed.atBase, ['{ id: m-live, name: Live, date: 2027-11-30, status: planned }', 'expense claims']);
  });

  it('sees no change in reordered lists with the same content, or a CRLF base of the same text', async () => {
    const base = PROJECT + SCOPE;
    const reordered = base
      .replace('  - { id: m-vendor, name: Vendor selected, date: 2027-03-01, status: done }\n  - { id: m-live, name: Live, date: 2027-11-30, status: planned }\n', '  - { id: m-live, name: Live, date: 2027-11-30, status: planned }\n  - { id: m-vendor, name: Vendor selected, date: 2027-03-01, status: done }\n')
      .replace('[supplier invoices, credit notes]', '[credit notes, supplier invoices]');
    assert.notEqual(reordered, base);
    assert.deepEqual((await checkChange('*', base, reordered)).findings, []);
    assert.deepEqual((await checkChange('*', base.replace(/\n/g, '\r\n'), base)).findings, []);
    const crlf = await checkChange(RULE, base.replace(/\n/g, '\r\n'), base.replace('approved: 850000', 'approved: 851000'));
    assert.deepEqual(crlf.underlined, ['851000']);
    assert.deepEqual(crlf.atBase, ['850000']);
  });

  it('runs nothing for a file new on the branch, and follows a rename to its base path', async () => {
    assert.deepEqual((await checkChange('*', undefined, PROJECT.replace('approved: 850000', 'approved: 900000'))).findings, []);
    const renamed = await checkChange(RULE, PROJECT, PROJECT.replace('approved: 850000', 'approved: 900000'), { basePath: 'old/invoice.charter.yaml' });
    assert.deepEqual(renamed.underlined, ['900000']);
    assert.equal(renamed.findings[0].related![0].uri, 'charter-base:/old/invoice.charter.yaml?main');
  });

  it('compares a project with the same id in the base, and ignores a project new in a multi-document file', async () => {
    const other = PROJECT.replace('id: fin-invoice', 'id: fin-other');
    const head = `${other}---\n${PROJECT.replace('approved: 850000', 'approved: 900000')}`;
    assert.deepEqual((await checkChange(RULE, PROJECT, head)).underlined, ['900000']);
  });

  it('reads a hostile base without a crash: not text, not YAML, another kind, a list of 5,000 milestones', async () => {
    const head = PROJECT.replace('approved: 850000', 'approved: 900000');
    for (const base of ['\u0000\u0001binary', 'id: [unclosed', 'apiVersion: charter/v1\nkind: People\npeople: []\n', '']) {
      assert.deepEqual((await checkChange('*', base, head)).findings, [], JSON.stringify(base));
    }
    const many = Array.from({ length: 5000 }, (_, i) => `  - { id: m-${i}, date: 2027-06-01, status: done }`).join('\n');
    const crowded = PROJECT.replace('milestones:\n', `milestones:\n${many}\n`);
    const result = await checkChange('change/history-rewritten', crowded, PROJECT);
    assert.equal(result.findings.length, 500, 'bounded to the first 500 entries');
  });
});
