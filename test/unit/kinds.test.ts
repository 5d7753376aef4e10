import { strict as assert } from 'node:assert';
import { detectKind, kindFromFileName } from '../../server/src/engine/kinds';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';

const doc = (text: string) => parseCharterFile('file:///w/x.yaml', text).documents[0];

describe('kinds', () => {
  it('takes the kind from the kind: field first', () => {
    assert.deepEqual(detectKind(doc('kind: Programme\n'), 'projects/a.charter.yaml'), { kind: 'Programme', source: 'field' });
  });

  it('falls back to the file name', () => {
    assert.equal(kindFromFileName('projects/a.charter.yaml'), 'Project');
    assert.equal(kindFromFileName('a.charter.yml'), 'Project');
    assert.equal(kindFromFileName('charter.yaml'), 'Project');
    assert.equal(kindFromFileName('programmes/fin.programme.yaml'), 'Programme');
    assert.equal(kindFromFileName('portfolio.yaml'), 'Portfolio');
    assert.equal(kindFromFileName('people.yaml'), 'People');
    assert.equal(kindFromFileName('notes.yaml'), undefined);
    assert.equal(kindFromFileName('mycharter.yaml'), undefined);
    assert.deepEqual(detectKind(doc('id: a\n'), 'x/people.yaml'), { kind: 'People', source: 'filename' });
  });

  it('reports a kind value it does not know instead of guessing from the name', () => {
    assert.deepEqual(detectKind(doc('kind: Projct\n'), 'a.charter.yaml'), { unknownKind: 'Projct' });
  });

  it('finds no kind for other YAML files', () => {
    assert.deepEqual(detectKind(doc('a: 1\n'), 'notes.yaml'), {});
  });
});
