import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { DEFAULT_MAX_SIZE_KB, firstTooDeep, MAX_NESTING_DEPTH } from '../../server/src/engine/parser/parseLimits';
import { findingsFor, service, underlined, VALID_PROJECT } from '../support/engine';

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
    assert.deepEqual(findings.map((f) => f.rule), ['yaml/too-deep']);
  });

  // Issue 11, item 1: 7.5 KB of compact nested mappings overflowed the parser's stack.
  it('refuses compact nesting thousands deep with yaml/too-deep on the line, before the YAML parser recurses', () => {
    const text = 'title: ok\n- a: ' + 'b: '.repeat(2500) + 'x\n';
    const file = parse(text);
    assert.equal(file.documents.length, 0);
    assert.deepEqual(file.findings.map((f) => [f.rule, f.range.start.line, f.range.end.line]), [['yaml/too-deep', 1, 1]]);
    assert.match(file.findings[0].message, /more than 128 levels/);
    for (const hostile of ['- '.repeat(5000) + 'x', '{a: '.repeat(2000) + '1' + '}'.repeat(2000), Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')]) {
      assert.deepEqual(parse(hostile).findings.map((f) => f.rule), ['yaml/too-deep']);
    }
  });

  it('counts nesting, not width: deep indentation, block scalars and quoted text stay readable', () => {
    const wide = `a:\n${' '.repeat(400)}b: 1\n`;
    assert.equal(firstTooDeep(wide), undefined);
    const prose = `summary: |\n  ${'- a: b: c: '.repeat(200)}\ntitle: "${'[{'.repeat(200)}"\n`;
    assert.equal(firstTooDeep(prose), undefined);
    assert.deepEqual(parse(prose).findings, []);
    // The line itself is one block level, each bracket one more.
    const brackets = (n: number) => '['.repeat(n) + ']'.repeat(n);
    assert.equal(firstTooDeep(brackets(MAX_NESTING_DEPTH - 1)), undefined);
    assert.equal(firstTooDeep(brackets(MAX_NESTING_DEPTH)), MAX_NESTING_DEPTH - 1);
  });

  // Issue 11, item 5.
  it('gives a file larger than charter.files.maxSizeKB one yaml/too-large finding and does not parse it', () => {
    const text = `title: ${'x'.repeat(DEFAULT_MAX_SIZE_KB * 1024)}\n`;
    const file = parse(text);
    assert.equal(file.documents.length, 0);
    assert.deepEqual(file.findings.map((f) => [f.rule, f.range.start.line]), [['yaml/too-large', 0]]);
    assert.match(file.findings[0].message, /larger than 256 KB \(charter\.files\.maxSizeKB\)/);
    assert.equal(parseCharterFile('file:///w/x.charter.yaml', text, 0, { maxSizeKB: 300 }).findings.length, 0);
    assert.equal(parseCharterFile('file:///w/x.charter.yaml', 'title: abc\n', 0, { maxSizeKB: 1 }).findings.length, 0);
  });

  it('applies the size limit the language service was given, parsing again when it changes', () => {
    const svc = service();
    const text = `title: ${'x'.repeat(3 * 1024)}\n`;
    try {
      svc.setFileSizeLimit(2);
      assert.equal(svc.parse('file:///w/limit.charter.yaml', text, 1).findings[0]?.rule, 'yaml/too-large');
      svc.setFileSizeLimit(4);
      assert.deepEqual(svc.parse('file:///w/limit.charter.yaml', text, 1).findings, []);
    } finally {
      svc.setFileSizeLimit(DEFAULT_MAX_SIZE_KB);
      svc.forget('file:///w/limit.charter.yaml');
    }
  });

  // Issue 11, item 4: five keys like [[[...]]] took 30 s to stringify.
  it('refuses a list or mapping used as a key with yaml/complex-key, without building the value', () => {
    const text = Array.from({ length: 5 }, (_, i) => `${'['.repeat(100)}${i}${']'.repeat(100)}: x`).join('\n');
    const file = parse(text);
    assert.equal(file.documents[0].value, undefined);
    assert.deepEqual(file.findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]), [['yaml/complex-key', 0, 0]]);
    assert.deepEqual(parse('? {a: 1}\n: x\nb: 2\n').findings.map((f) => f.rule), ['yaml/complex-key']);
    assert.deepEqual(parse('!!binary aGVsbG8=: x\n').findings.map((f) => f.rule), ['yaml/complex-key']);
  });

  it('parses a 5 MB charter when charter.files.maxSizeKB allows it, and still finds the one problem in it', async function () {
    this.timeout(60_000);
    service().setFileSizeLimit(6 * 1024);
    let text = VALID_PROJECT + 'risks:\n';
    for (let i = 0; text.length < 5 * 1024 * 1024; i++) {
      text += `  - id: r-${i}\n    title: Risk ${i}, described at some length so that the file grows quickly\n    probability: low\n    impact: medium\n    owner: raj.patel\n`;
    }
    text = text.replace('probability: low\n    impact: medium\n    owner: raj.patel\n  - id: r-100\n', 'probability: lo\n    impact: medium\n    owner: raj.patel\n  - id: r-100\n');
    const findings = await findingsFor(text).finally(() => service().setFileSizeLimit(DEFAULT_MAX_SIZE_KB));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'schema/enum');
    assert.equal(underlined(text, findings[0]), 'lo');
  });
});
