import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../server/src/engine/utils/textEdits';

const at = (line: number, character: number) => ({ line, character });

describe('textEdits', () => {
  it('applies edits given in any order, each in the original coordinates', () => {
    const text = 'status: actve\nsponser: jane.doe\n';
    const out = applyTextEdits(text, [
      { range: { start: at(0, 8), end: at(0, 13) }, newText: 'active' },
      { range: { start: at(1, 0), end: at(1, 7) }, newText: 'sponsor' },
    ]);
    assert.equal(out, 'status: active\nsponsor: jane.doe\n');
  });

  it('inserts, deletes and keeps CRLF line ends', () => {
    const text = 'a: 1\r\nb: 2\r\n';
    assert.equal(applyTextEdits(text, [{ range: { start: at(1, 0), end: at(1, 0) }, newText: '# note\r\n' }]), 'a: 1\r\n# note\r\nb: 2\r\n');
    assert.equal(applyTextEdits(text, [{ range: { start: at(0, 0), end: at(1, 0) }, newText: '' }]), 'b: 2\r\n');
  });
});
