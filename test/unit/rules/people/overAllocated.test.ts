import { strict as assert } from 'node:assert';
import { check, otherProject, PEOPLE, PROJECT, ROOT } from '../harness';

const RULE = 'people/over-allocated';
const booking = (id: string, person: string, percent: number, from = '2027-02-01', to = '2027-06-30') =>
  otherProject(id, `allocations:\n  - { person: ${person}, percent: ${percent}, from: ${from}, to: ${to} }\n`);

describe('people/over-allocated', () => {
  it('fires on the percent of each booking in an over-allocated period, naming the others', async () => {
    const files = { 'a.charter.yaml': PROJECT, 'b.charter.yaml': booking('b', 'raj.patel', 50), 'people.yaml': PEOPLE };
    const { findings, underlined } = await check(RULE, files);
    assert.deepEqual(underlined, ['60']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'raj.patel is booked 110 % from 2027-02-01 to 2027-06-30 (60 % here, 50 % on b), above their capacity of 100 %. Lower an allocation or move its dates.');
    assert.deepEqual(findings[0].related, [{ uri: `${ROOT}b.charter.yaml`, range: { start: { line: 19, character: 34 }, end: { line: 19, character: 36 } }, message: 'raj.patel: 50 % on b' }]);
    assert.deepEqual((await check(RULE, files, { target: 'b.charter.yaml' })).underlined, ['50']);
  });

  it("uses the person's capacity from people.yaml, else the policy's maximum", async () => {
    const li = { 'b.charter.yaml': booking('b', 'li.wei', 50), 'c.charter.yaml': booking('c', 'li.wei', 40), 'people.yaml': PEOPLE };
    assert.match((await check(RULE, li)).findings[0].message, /booked 90 % .* above their capacity of 80 %/);
    const noPeople = { 'b.charter.yaml': booking('b', 'li.wei', 50), 'c.charter.yaml': booking('c', 'li.wei', 40) };
    assert.deepEqual((await check(RULE, noPeople)).findings, []);
    assert.match((await check(RULE, noPeople, { settings: { policy: { maxAllocationPercent: 80 } } })).findings[0].message, /above the policy's maximum of 80 %/);
  });

  it('counts a part-timer in shares of a full-time week: 60 % capacity is full with one 60 % booking', async () => {
    const people = PEOPLE.replace('{ id: li.wei, name: Li Wei, capacityPercent: 80 }', '{ id: li.wei, name: Li Wei, capacityPercent: 60 }');
    assert.deepEqual((await check(RULE, { 'b.charter.yaml': booking('b', 'li.wei', 60), 'people.yaml': people })).findings, []);
    assert.match((await check(RULE, { 'b.charter.yaml': booking('b', 'li.wei', 40), 'c.charter.yaml': booking('c', 'li.wei', 30), 'people.yaml': people })).findings[0].message, /booked 70 % .* above their capacity of 60 %/);
  });

  it('books nobody on a proposal: only live projects count', async () => {
    const files = { 'b.charter.yaml': booking('b', 'x', 60), 'c.charter.yaml': booking('c', 'x', 60).replace('status: active', 'status: proposed') };
    assert.deepEqual((await check(RULE, files)).findings, []);
    assert.deepEqual((await check(RULE, files, { target: 'c.charter.yaml' })).findings, []);
  });

  it('counts only bookings that overlap in time; touching periods do not (boundary)', async () => {
    const files = { 'b.charter.yaml': booking('b', 'x', 60, '2027-01-01', '2027-03-31'), 'c.charter.yaml': booking('c', 'x', 60, '2027-04-01', '2027-06-30') };
    assert.deepEqual((await check(RULE, files)).findings, []);
    const overlap = { 'b.charter.yaml': booking('b', 'x', 60, '2027-01-01', '2027-04-01'), 'c.charter.yaml': booking('c', 'x', 60, '2027-04-01', '2027-06-30') };
    assert.match((await check(RULE, overlap)).findings[0].message, /booked 120 % on 2027-04-01 /);
    const exactly = { 'b.charter.yaml': booking('b', 'x', 60), 'c.charter.yaml': booking('c', 'x', 40) };
    assert.deepEqual((await check(RULE, exactly)).findings, []);
  });

  it("takes a booking without dates to cover the project's schedule", async () => {
    const open = otherProject('b', 'allocations:\n  - { person: raj.patel, percent: 50 }\n');
    const { findings } = await check(RULE, { 'a.charter.yaml': PROJECT, 'b.charter.yaml': open });
    assert.match(findings[0].message, /from 2027-02-01 to 2027-06-30/);
  });

  it('leaves closed and cancelled projects out', async () => {
    const files = { 'a.charter.yaml': PROJECT, 'b.charter.yaml': booking('b', 'raj.patel', 50).replace('status: active', 'status: cancelled') };
    assert.deepEqual((await check(RULE, files)).findings, []);
    assert.deepEqual((await check(RULE, files, { target: 'b.charter.yaml' })).findings, []);
  });

  it('honours charter.rules', async () => {
    const files = { 'a.charter.yaml': PROJECT, 'b.charter.yaml': booking('b', 'raj.patel', 50) };
    assert.equal((await check(RULE, files, { settings: { rules: { 'people/*': 'error' } } })).findings[0].severity, 'error');
  });

  // Issue 11, item 6: every overlapping booking went into every message (28 MB of JSON for 2,000 charters).
  it('names the largest few bookings and counts the rest, with a bounded list of related locations', async function () {
    this.timeout(60_000);
    const files: Record<string, string> = { 'a.charter.yaml': PROJECT, 'people.yaml': PEOPLE };
    for (let i = 0; i < 400; i++) files[`p${i}.charter.yaml`] = booking(`p${i}`, 'raj.patel', i === 7 ? 30 : 10);
    const { findings } = await check(RULE, files);
    assert.equal(findings.length, 1);
    const message = findings[0].message;
    assert.match(message, /^raj\.patel is booked 4080 % from 2027-02-01 to 2027-06-30 \(60 % here, 30 % on p7, (10 % on p\d+, ){4}\.\.\. and 395 more\), above their capacity of 100 %\./);
    assert.ok(message.length < 300, message);
    assert.equal(findings[0].related?.length, 20);
    assert.equal(findings[0].related?.[0].message, 'raj.patel: 30 % on p7');
  });
});
