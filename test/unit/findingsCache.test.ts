// The findings cache's engine half: the text it writes and refuses to read back when damaged, and a
// session that restores facts without a parse and vouches for findings only while their inputs hold.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { loadFast } from '../../server/src/engine/parser/fastLoad';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { FindingsCacheSession, readFindingsCache, writeFindingsCache, type FindingsCacheData } from '../../server/src/engine/workspace/findingsCache';
import { WorkspaceIndex } from '../../server/src/engine/workspace/workspaceIndex';
import { otherProject, PORTFOLIO } from './rules/harness';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const ROOT = 'file:///ws/';
const A = otherProject('a', 'dependencies:\n  - { project: b, neededBy: 2027-03-01 }\n');
/** b ends after a needs it: a has a cross-file finding. */
const B = otherProject('b');
const C = otherProject('c');

/** An index of the files, every portfolio rule run once (as a check would), and each file's portfolio findings. */
function indexOf(files: Record<string, string>, cached?: FindingsCacheData) {
  const index = new WorkspaceIndex({ parseExactly: (uri, text, version) => parseCharterFile(uri, text, version) });
  const session = new FindingsCacheSession(cached, sha);
  const restored: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (session.restore(index, ROOT + path, path, text, 1)) restored.push(path);
    else index.setFile(loadFast(ROOT + path, text) ?? parseCharterFile(ROOT + path, text), path);
  }
  return { index, session, restored };
}

function checkAll(index: WorkspaceIndex, files: Record<string, string>): Map<string, never[]> {
  const findings = new Map<string, never[]>();
  for (const path of Object.keys(files)) findings.set(ROOT + path, index.portfolioFindings(ROOT + path) as never[]);
  return findings;
}

describe('findingsCache', () => {
  it('round-trips money (bigint) and strings that start with a NUL, and the cache text is checked', () => {
    const files = { 'a.charter.yaml': A, 'b.charter.yaml': B, 'portfolio.yaml': PORTFOLIO };
    const { index, session } = indexOf(files);
    const data = session.next(index, 'key', checkAll(index, files), { inputs: [], wholePortfolio: false });
    data.files[`${ROOT}a.charter.yaml`].failures.push({ rule: 'x/y', severity: 'info', message: '\u0000n12', uri: 'u', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, docs: 'd' });
    const text = writeFindingsCache(data, sha);
    const back = readFindingsCache(text, sha);
    assert.equal(back.problem, undefined);
    const approved = (back.data!.files[`${ROOT}a.charter.yaml`].documents[0].facts as { approved?: { value: unknown } }).approved?.value;
    assert.equal(typeof approved, 'bigint');
    assert.equal(approved, (index.file(`${ROOT}a.charter.yaml`)!.documents[0].facts as { approved?: { value: unknown } }).approved?.value);
    assert.equal(back.data!.files[`${ROOT}a.charter.yaml`].failures[0].message, '\u0000n12', 'a string is never read back as money');
    assert.match(readFindingsCache(text.slice(0, -1), sha).problem!, /checksum/);
    assert.match(readFindingsCache('hello', sha).problem!, /not a Charter cache file/);
  });

  it('restores unchanged files without a parse, with the same facts; a changed text is not restored', () => {
    const files = { 'a.charter.yaml': A, 'b.charter.yaml': B, 'c.charter.yaml': C };
    const cold = indexOf(files);
    const data = cold.session.next(cold.index, 'key', checkAll(cold.index, files), { inputs: [], wholePortfolio: false });
    const warm = indexOf({ ...files, 'c.charter.yaml': C.replace('title:', 'title: Changed') }, data);
    assert.deepEqual(warm.restored, ['a.charter.yaml', 'b.charter.yaml']);
    assert.equal(
      JSON.stringify(warm.index.file(`${ROOT}a.charter.yaml`)!.documents, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
      JSON.stringify(cold.index.file(`${ROOT}a.charter.yaml`)!.documents, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    );
  });

  it('vouches for cached findings only while every index key their rules read is unchanged', () => {
    const files = { 'a.charter.yaml': A, 'b.charter.yaml': B, 'c.charter.yaml': C };
    const cold = indexOf(files);
    const coldFindings = checkAll(cold.index, files);
    assert.deepEqual(coldFindings.get(`${ROOT}a.charter.yaml`)!.map((f: { rule: string }) => f.rule), ['portfolio/dependency-dates']);
    const data = cold.session.next(cold.index, 'key', coldFindings, { inputs: [], wholePortfolio: false });

    const same = indexOf(files, data);
    assert.deepEqual([...same.session.validFindings(same.index).keys()].sort(), Object.keys(files).map((p) => ROOT + p));

    // b now ends in time: a's cross-file finding no longer holds; c read nothing of b and keeps its findings.
    const moved = { ...files, 'b.charter.yaml': B.replace('end: 2027-06-30', 'end: 2027-02-26') };
    const warm = indexOf(moved, data);
    const valid = warm.session.validFindings(warm.index);
    assert.ok(!valid.has(`${ROOT}a.charter.yaml`), 'a read b: worked out again');
    assert.ok(!valid.has(`${ROOT}b.charter.yaml`), 'b changed');
    assert.ok(valid.has(`${ROOT}c.charter.yaml`), 'c read nothing b changed');
  });

  it('a key other than a kind changes its fingerprint with any document contributing to it; a kind key only with whether the kind is there', () => {
    const { index } = indexOf({ 'a.charter.yaml': A, 'b.charter.yaml': B });
    const ids = index.keyFingerprint('ids:Project');
    const kind = index.keyFingerprint('kind:Project');
    index.setFile(parseCharterFile(`${ROOT}c.charter.yaml`, C), 'c.charter.yaml');
    assert.notEqual(index.keyFingerprint('ids:Project'), ids);
    assert.equal(index.keyFingerprint('kind:Project'), kind);
  });

  it('placeExactly re-reads a fast file with ranges, once', () => {
    const { index } = indexOf({ 'b.charter.yaml': B });
    const uri = `${ROOT}b.charter.yaml`;
    assert.equal(index.file(uri)!.fast, true);
    const fastEnd = (index.file(uri)!.documents[0].facts as { end?: { range: { start: { line: number } } } }).end!.range;
    assert.equal(fastEnd.start.line, 0, 'a fast file has no ranges');
    assert.equal(index.placeExactly(uri), true);
    assert.equal(index.file(uri)!.fast, false);
    assert.ok((index.file(uri)!.documents[0].facts as { end?: { range: { start: { line: number } } } }).end!.range.start.line > 0);
    assert.equal(index.placeExactly(uri), false);
  });
});
