import { strict as assert } from 'node:assert';
import { checkChange, PROJECT } from './changeHarness';

const RULE = 'change/history-rewritten';
const OLD_APPROVAL = '  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }\n';
const RECORDS = 'changes:\n  - { id: cr-1, date: 2027-02-01, summary: Add credit notes, kind: scope, decision: approved, decidedBy: jane.doe }\n  - { id: cr-2, date: 2027-03-01, summary: Later go-live, kind: schedule, decision: proposed }\n';
const correction = (kind: string) => '  - { id: cr-9, date: 2027-05-10, summary: Correct the record, kind: ' + kind + ', decision: approved, decidedBy: jane.doe }\n';

describe('change/history-rewritten', () => {
  it('fires on an edited past approval, on the field that changed, quoting both values', async () => {
    const { underlined, messages, findings, atBase } = await checkChange(RULE, PROJECT, PROJECT.replace('decision: approved, date: 2026-12-01 }\nphaseLog', 'decision: approved, date: 2027-05-01 }\nphaseLog'));
    assert.deepEqual(underlined, ['2027-05-01']);
    assert.deepEqual(messages, ['The approval (sponsor, jane.doe) was edited: date 2026-12-01 -> 2027-05-01. Past entries in approvals are a record: restore it, and add a new entry for what changed since.']);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(atBase, ['2026-12-01']);
  });

  it('fires on a removed approval and gate decision, on the list', async () => {
    const head = PROJECT.replace(OLD_APPROVAL, '  - { role: finance, person: li.wei, decision: approved, date: 2027-05-01 }\n').replace('  - { phase: planning, decision: approved, date: 2026-10-01, by: jane.doe }\n', '');
    const { underlined, messages } = await checkChange(RULE, PROJECT, head);
    assert.deepEqual(underlined, ['approvals', 'phaseLog']);
    assert.match(messages[0], /^The approval \(sponsor, jane\.doe\) on main was removed\./);
    assert.match(messages[1], /^The gate decision \(planning, 2026-10-01\) on main was removed\./);
  });

  it('lets a pending approval and a proposed change record get their decision, and lists grow or reorder freely', async () => {
    const pending = PROJECT.replace(OLD_APPROVAL, '  - { role: sponsor, person: jane.doe, decision: pending }\n');
    assert.deepEqual((await checkChange(RULE, pending, PROJECT)).findings, []);
    const base = PROJECT + RECORDS;
    const decided = base.replace('kind: schedule, decision: proposed }', 'kind: schedule, decision: approved, decidedBy: jane.doe }');
    assert.deepEqual((await checkChange(RULE, base, decided)).findings, []);
    const grown = PROJECT.replace(OLD_APPROVAL, '  - { role: finance, person: li.wei, decision: approved, date: 2027-05-01 }\n' + OLD_APPROVAL.replace('{ role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }', '{ date: 2026-12-01, decision: approved, person: jane.doe, role: sponsor }'));
    assert.deepEqual((await checkChange(RULE, PROJECT, grown)).findings, []);
  });

  it('fires on an edited or removed change record, unless it was only proposed and got its decision', async () => {
    const base = PROJECT + RECORDS;
    const edited = await checkChange(RULE, base, base.replace('summary: Add credit notes', 'summary: Add debit notes'));
    assert.deepEqual(edited.underlined, ['Add debit notes']);
    assert.match(edited.messages[0], /^The change record \(cr-1\) was edited: summary Add credit notes -> Add debit notes\./);
    const reworded = await checkChange(RULE, base, base.replace('summary: Later go-live, kind: schedule, decision: proposed', 'summary: Much later go-live, kind: schedule, decision: approved'));
    assert.deepEqual(reworded.underlined, ['Much later go-live']);
  });

  it('fires on a done milestone moved, undone or removed', async () => {
    const moved = await checkChange(RULE, PROJECT, PROJECT.replace('date: 2027-03-01, status: done', 'date: 2027-04-01, status: done'));
    assert.deepEqual(moved.underlined, ['2027-04-01']);
    assert.deepEqual(moved.messages, ['Milestone m-vendor was done on 2027-03-01 and is now dated 2027-04-01. A reached milestone is history: restore its date, and record a re-plan as a new milestone.']);
    assert.deepEqual(moved.atBase, ['2027-03-01']);
    // Reported once: change/unrecorded leaves a done milestone to this rule.
    assert.deepEqual((await checkChange('change/unrecorded', PROJECT, PROJECT.replace('date: 2027-03-01, status: done', 'date: 2027-04-01, status: done'))).findings, []);
    assert.deepEqual((await checkChange(RULE, PROJECT, PROJECT.replace('date: 2027-03-01, status: done', 'date: 2027-03-01, status: planned'))).underlined, ['planned']);
    assert.deepEqual((await checkChange(RULE, PROJECT, PROJECT.replace('  - { id: m-vendor, name: Vendor selected, date: 2027-03-01, status: done }\n', ''))).underlined, ['milestones']);
  });

  it('fires on a status report older than the one on the base, not on a newer one', async () => {
    assert.deepEqual((await checkChange(RULE, PROJECT, PROJECT.replace('asOf: 2027-04-30', 'asOf: 2027-03-31'))).underlined, ['2027-03-31']);
    assert.deepEqual((await checkChange(RULE, PROJECT, PROJECT.replace('asOf: 2027-04-30', 'asOf: 2027-05-14'))).findings, []);
  });

  it('accepts a correction approved by the sponsor: kind other for records, milestone for a done milestone', async () => {
    const editedApproval = PROJECT.replace('decision: approved, date: 2026-12-01 }\nphaseLog', 'decision: approved, date: 2027-05-01 }\nphaseLog');
    assert.deepEqual((await checkChange(RULE, PROJECT, editedApproval + 'changes:\n' + correction('other'))).findings, []);
    assert.equal((await checkChange(RULE, PROJECT, editedApproval + 'changes:\n' + correction('budget'))).findings.length, 1);
    const movedMilestone = PROJECT.replace('date: 2027-03-01, status: done', 'date: 2027-04-01, status: done');
    assert.deepEqual((await checkChange(RULE, PROJECT, movedMilestone + 'changes:\n' + correction('milestone'))).findings, []);
  });
});
