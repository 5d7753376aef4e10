import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { getSelectionRanges, type SelectionRange } from '../../server/src/engine/services/selectionRanges';

describe('selection ranges', () => {
  it('expands from a value to its entry, its mapping, its key\'s entry and the document', () => {
    const text = 'id: a\nschedule:\n  start: 2027-01-04\n  end: 2027-12-17\n';
    const file = parseCharterFile('file:///x.charter.yaml', text);
    const [range] = getSelectionRanges(file, [{ line: 2, character: 12 }]);
    const texts: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) {
      const start = file.lines.offsetAt(r.range.start);
      const end = file.lines.offsetAt(r.range.end);
      texts.push(text.slice(start, end));
    }
    assert.deepEqual(texts, ['2027-01-04', 'start: 2027-01-04', 'start: 2027-01-04\n  end: 2027-12-17', 'schedule:\n  start: 2027-01-04\n  end: 2027-12-17', text.trimEnd()]);
  });
});
