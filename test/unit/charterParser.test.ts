import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { findingsFor, underlined, VALID_PROJECT } from '../support/engine';

const parse = (text: string) => parseCharterFile('file:///w/x.charter.yaml', text);

describe('charterParser', () => {
  it('keeps YAML 1.2 core scalars: an unquoted date stays a string, yes stays a string', () => {
    const file = parse('start: 2027-03-31\nflag: yes\nn: 0x1F\n');
    assert.deepEqual(file.documents[0].value, { start: '2027-03-31', flag: 'yes', n: 31 });
    assert.deepEqual(file.findings, []);
  });

  it('reads every document of a multi-document file, with its offsets', () => {
    const text = 'kind: Programme\nid: a\n---\nkind: People\npeople: []\n';
    const file = parse(text);
    assert.equal(file.documents.length, 2);
    assert.deepEqual(file.documents[1].value, { kind: 'People', people: [] });
    assert.equal(text.slice(file.documents[1].start, file.documents[1].start + 4), 'kind');
  });

  it('reports a missing closing quote as yaml/syntax on the spot', () => {
    const text = 'title: "Invoice automation\nstatus: active\n';
    const file = parse(text);
    assert.equal(file.findings.length, 1);
    assert.equal(file.findings[0].rule, 'yaml/syntax');
    assert.match(file.findings[0].message, /^YAML syntax error: .*quote/i);
    assert.equal(file.findings[0].range.start.line, 0);
  });

  it('reports an unclosed flow sequence at the end of what was written', () => {
    const file = parse('tags: [finance, ocr\n');
    assert.equal(file.findings[0].rule, 'yaml/syntax');
    assert.deepEqual(file.findings[0].range.start, { line: 0, character: 18 });
  });

  it('reads a file whose lines end in a lone CR as the same file with LF: no false syntax errors, the same ranges', async () => {
    const lf = `# comment\n${VALID_PROJECT}milestones:\n  - id: m-a\n    date: 2027-03-01\n    status: dne\n`;
    const cr = lf.replace(/\n/g, '\r');
    assert.deepEqual(parseCharterFile('file:///x.charter.yaml', cr).findings, []);
    const strip = (fs: Array<{ rule: string; range: unknown; message: string }>) => fs.map((f) => ({ rule: f.rule, range: f.range, message: f.message }));
    const expected = strip(await findingsFor(lf));
    assert.ok(expected.some((f) => f.rule === 'schema/enum'));
    assert.deepEqual(strip(await findingsFor(cr)), expected);
  });

  it('reports tabs used for indentation', () => {
    const file = parse('schedule:\n\tstart: 2027-01-04\n');
    assert.equal(file.findings[0].rule, 'yaml/syntax');
    assert.match(file.findings[0].message, /Tabs cannot indent YAML/);
    assert.equal(file.findings[0].range.start.line, 1);
  });

  it('reports a duplicate key on the second occurrence, naming it', () => {
    const text = 'id: a\ntitle: One\ntitle: Two\n';
    const file = parse(text);
    assert.equal(file.findings.length, 1);
    assert.equal(file.findings[0].rule, 'yaml/duplicate-key');
    assert.match(file.findings[0].message, /"title" appears twice/);
    assert.deepEqual(file.findings[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
  });

  it('stops an alias bomb with one finding instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const file = parse(levels.join('\n') + '\n');
    assert.equal(file.findings.length, 1);
    assert.equal(file.findings[0].rule, 'yaml/alias-limit');
    assert.equal(file.documents[0].value, undefined);
    assert.equal(file.findings[0].range.start.line, 1);
  });

  it('keeps ordinary aliases working', () => {
    const file = parse('owner: &o jane.doe\nmanager: *o\n');
    assert.deepEqual(file.documents[0].value, { owner: 'jane.doe', manager: 'jane.doe' });
  });

  it('says a binary file is not text, without trying to parse it', () => {
    const file = parse('PK\u0003\u0004\u0000\u0000binary');
    assert.equal(file.documents.length, 0);
    assert.equal(file.findings.length, 1);
    assert.equal(file.findings[0].rule, 'yaml/not-text');
  });

  it('has nothing to say about an empty or comments-only file', async () => {
    assert.deepEqual(await findingsFor(''), []);
    assert.deepEqual(await findingsFor('# a charter will go here\n# later\n'), []);
    assert.deepEqual(parse('\n\n').findings, []);
  });

  it('survives deep nesting with a finding, not a crash', async () => {
    const deep = 'a: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n';
    const findings = await findingsFor(deep, { path: 'notes.yaml' });
    assert.ok(Array.isArray(findings));
  });

  it('parses a 5 MB charter and still finds the one problem in it', async function () {
    this.timeout(60_000);
    let text = VALID_PROJECT + 'risks:\n';
    for (let i = 0; text.length < 5 * 1024 * 1024; i++) {
      text += `  - id: r-${i}\n    title: Risk ${i}, described at some length so that the file grows quickly\n    probability: low\n    impact: medium\n    owner: raj.patel\n`;
    }
    text = text.replace('probability: low\n    impact: medium\n    owner: raj.patel\n  - id: r-100\n', 'probability: lo\n    impact: medium\n    owner: raj.patel\n  - id: r-100\n');
    const findings = await findingsFor(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'schema/enum');
    assert.equal(underlined(text, findings[0]), 'lo');
  });
});
