import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { getFoldingRanges } from '../../server/src/engine/services/folding';

const fold = (text: string) => getFoldingRanges(parseCharterFile('file:///x.charter.yaml', text));

describe('folding ranges', () => {
  it('folds block mappings and lists from their key line, and list items from their dash', () => {
    const text = [
      'id: a', //                      0
      'schedule:', //                  1
      '  start: 2027-01-04', //        2
      '  end: 2027-12-17', //          3
      'milestones:', //                4
      '  - id: m1', //                 5
      '    date: 2027-03-01', //       6
      '  - id: m2', //                 7
      '    date: 2027-04-01', //       8
      '', //                           9
      'tags: [a, b]', //               10
      '',
    ].join('\n');
    assert.deepEqual(fold(text), [
      { startLine: 1, endLine: 3 },
      { startLine: 4, endLine: 8 },
      { startLine: 5, endLine: 6 },
      { startLine: 7, endLine: 8 },
    ]);
  });

  it('folds multi-line text and runs of comments', () => {
    const text = '# one\n# two\n# three\npurpose: |\n  line one\n  line two\nid: a # single\n';
    assert.deepEqual(fold(text), [
      { startLine: 0, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 5 },
    ]);
  });
});
