import { strict as assert } from 'node:assert';
import { formatFixChanges } from '../../server/src/cli/fixReport';

describe('cli: the list of fixes', () => {
  it('lines up file:line, rule and before -> after, and says when it is a dry run', () => {
    const changes = [
      { file: 'projects/a.charter.yaml', line: 9, rule: 'schema/format', before: '31/03/2027', after: '2027-03-31' },
      { file: 'projects/a.charter.yaml', line: 12, rule: 'schema/pattern', before: 'eur', after: 'EUR' },
    ];
    assert.equal(
      formatFixChanges(changes, false),
      'Fixed 2 problems in 1 file:\n  projects/a.charter.yaml:9   schema/format   31/03/2027 -> 2027-03-31\n  projects/a.charter.yaml:12  schema/pattern  eur -> EUR\n\n',
    );
    assert.match(formatFixChanges(changes, true), /^Would fix 2 problems in 1 file \(dry run: nothing written\):/);
    assert.equal(formatFixChanges([], false), '');
    assert.equal(formatFixChanges([], true), 'No automatic fixes to apply (dry run).\n');
  });

  it('never lets a value move the cursor or colour the terminal, and shortens long values', () => {
    const out = formatFixChanges([{ file: 'a\u001b[2J.yaml', line: 1, rule: 'schema/enum', before: 'x\u001b[31m\ny', after: 'z'.repeat(100) }], false);
    assert.doesNotMatch(out, /\u001b/);
    assert.ok(out.includes('a\\u001b[2J.yaml:1'), out);
    assert.ok(out.includes(`${'z'.repeat(57)}...`), out);
  });
});
