import { strict as assert } from 'node:assert';
import { placeholderIn } from '../../../../server/src/engine/rules/text/noPlaceholders';
import { check, PROGRAMME, PROJECT } from '../harness';

const RULE = 'text/no-placeholders';

describe('text/no-placeholders', () => {
  it('fires on a TBD value, underlining the value', async () => {
    const { findings, underlined } = await check(RULE, PROJECT.replace('commentary: Vendor contract signed two weeks late.', 'commentary: TBD'));
    assert.deepEqual(underlined, ['TBD']);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, '"TBD" is a placeholder. Write the real content, or leave the field out until it is known.');
  });

  it('finds <...> templates, ellipses and a TODO: marker inside longer text, in lists and nested values', async () => {
    const text = PROJECT.replace('statement: Cut the cost of an invoice', 'statement: <what changes for the business>')
      .replace('title: OCR accuracy below target', 'title: "..."')
      .replace('commentary: Vendor contract signed two weeks late.', 'commentary: "Vendor signed; TODO: confirm dates"');
    assert.deepEqual((await check(RULE, text)).underlined, ['<what changes for the business>', '"..."', '"Vendor signed; TODO: confirm dates"']);
  });

  it('does not mistake comparisons, addresses, keys or comments for placeholders (boundaries)', async () => {
    assert.equal(placeholderIn('page loads in <2 s and >90 % pass'), undefined);
    assert.equal(placeholderIn('Jane Doe <jane.doe@example.org>'), undefined);
    assert.equal(placeholderIn('TBDs are gone'), undefined);
    assert.equal(placeholderIn('2027-01-04'), undefined);
    const text = PROJECT.replace('title: Invoice automation', 'title: Invoice automation # TODO better title');
    assert.deepEqual((await check(RULE, text)).findings, []);
  });

  it('flags the words as the whole value or as a standalone marker only, not in ids, titles or ticket keys', async () => {
    for (const marker of ['TBD', 'tbd', 'TBC.', 'TODO: confirm dates', 'Go-live date: TBD', 'Owner (TBD)', 'Contract signed, vendor TBA']) {
      assert.ok(placeholderIn(marker), marker);
    }
    for (const real of ['todo-app', 'TODO list app', 'TODO-123', 'Fix TODO-123 first', 'tbd_migration', 'Retire the TBDX system']) {
      assert.equal(placeholderIn(real), undefined, real);
    }
    const text = PROJECT.replace('id: fin-invoice-automation', 'id: todo-app').replace('title: Invoice automation', 'title: TODO list app');
    assert.deepEqual((await check(RULE, text)).findings, []);
  });

  it('checks every kind of document', async () => {
    assert.deepEqual((await check(RULE, { 'p.programme.yaml': PROGRAMME.replace('title: Finance', 'title: TBC') })).underlined, ['TBC']);
  });

  it('honours charter.rules', async () => {
    assert.deepEqual((await check(RULE, PROJECT.replace('commentary: Vendor contract signed two weeks late.', 'commentary: TBD'), { settings: { rules: { [RULE]: 'off' } } })).findings, []);
  });
});
