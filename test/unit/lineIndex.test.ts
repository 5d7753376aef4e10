import { strict as assert } from 'node:assert';
import { LineIndex, lineBreakOf } from '../../server/src/engine/utils/lineIndex';

describe('LineIndex', () => {
  it('maps offsets to 0-based lines and characters and back', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(9), { line: 3, character: 2 });
    assert.equal(index.offsetAt({ line: 1, character: 1 }), 4);
    assert.equal(index.lineCount, 4);
  });

  it('treats CRLF and lone CR as one line break each', () => {
    const index = new LineIndex('a\r\nb\rc');
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
    assert.equal(index.lineText(0), 'a');
    assert.equal(index.lineEnd(0), 1);
  });

  it('clamps offsets and positions outside the text', () => {
    const index = new LineIndex('abc');
    assert.deepEqual(index.positionAt(99), { line: 0, character: 3 });
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.equal(index.offsetAt({ line: 7, character: 0 }), 3);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
  });

  it('counts characters in UTF-16 code units, as LSP does', () => {
    const index = new LineIndex('title: 💶 budget\nx');
    assert.deepEqual(index.positionAt('title: 💶'.length), { line: 0, character: 9 });
  });

  it('never places a position between the CR and the LF of a line break', () => {
    const index = new LineIndex('a: 1\r\nb: 2\r\n');
    assert.deepEqual(index.positionAt(5), { line: 0, character: 4 }, 'between \\r and \\n: the end of line 0');
    assert.deepEqual(index.rangeOf(0, 5).end, index.positionAt(4));
    assert.equal(index.offsetAt(index.positionAt(5)), 4);
  });

  it('lineBreakOf: what an edit inserts matches the file', () => {
    assert.equal(lineBreakOf('a\nb'), '\n');
    assert.equal(lineBreakOf('a\r\nb'), '\r\n');
    assert.equal(lineBreakOf('a\rb'), '\r');
    assert.equal(lineBreakOf('a'), '\n');
  });
});
