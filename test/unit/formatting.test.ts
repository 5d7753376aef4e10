import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../server/src/engine/languageService';
import { normaliseSettings } from '../../server/src/engine/settings';

const svc = getLanguageService();
const context = { relativePath: 'x.charter.yaml', settings: normaliseSettings({ format: { enable: true } }) };
const format = async (text: string) => {
  const file = svc.parse('file:///workspace/x.charter.yaml', text, Math.random());
  const edits = await svc.format(file, context);
  return edits.length ? edits[0].newText : text;
};

describe('formatting', () => {
  it('orders keys as the schema does, indents by two, and keeps comments, blank lines and quotes', async () => {
    const text = [
      '# Invoice automation charter',
      'kind: Project',
      'apiVersion: charter/v1',
      'title: "Invoice automation"   # the working title',
      'id: fin-invoice',
      '',
      'schedule:',
      '    end: 2027-12-17',
      '    start: 2027-01-04',
      'milestones:',
      '    - date: 2027-03-01',
      '      id: m-vendor',
      'custom: kept last',
      '',
    ].join('\n');
    const formatted = await format(text);
    assert.equal(
      formatted,
      [
        '# Invoice automation charter',
        'apiVersion: charter/v1',
        'kind: Project',
        'id: fin-invoice',
        'title: "Invoice automation" # the working title',
        '',
        'schedule:',
        '  start: 2027-01-04',
        '  end: 2027-12-17',
        'milestones:',
        '  - id: m-vendor',
        '    date: 2027-03-01',
        'custom: kept last',
        '',
      ].join('\n'),
    );
    assert.equal(await format(formatted), formatted, 'formatting twice changes nothing');
  });

  it('leaves broken YAML alone', async () => {
    const file = svc.parse('file:///workspace/x.charter.yaml', 'kind: Project\ntitle: "open\n', 1);
    assert.deepEqual(await svc.format(file, context), []);
  });

  // Issue 11, item 8: a `!!binary` scalar made the formatter divide by its zero line width.
  it('formats a file with a !!binary scalar and keeps the scalar as written', async () => {
    assert.equal(await format('x: !!binary aGVsbG8=\n'), 'x: !!binary aGVsbG8=\n');
    assert.equal(await format('kind: Project\nx:    !!binary aGVsbG8=\napiVersion: charter/v1\n'), 'apiVersion: charter/v1\nkind: Project\nx: !!binary aGVsbG8=\n');
  });
});
