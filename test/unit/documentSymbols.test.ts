import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { findDocumentSymbols, type DocumentSymbol } from '../../server/src/engine/services/documentSymbols';
import { readFixture, VALID_PROJECT as PROJECT } from '../support/engine';


const symbolsOf = (text: string) => findDocumentSymbols(parseCharterFile('file:///x.charter.yaml', text));
const names = (symbols: DocumentSymbol[]) => symbols.map((s) => s.name);

describe('document symbols', () => {
  it('lists the top-level keys, with scalar values as details', () => {
    const symbols = symbolsOf(PROJECT);
    assert.deepEqual(names(symbols), ['apiVersion', 'kind', 'id', 'title', 'status', 'sponsor', 'manager', 'schedule', 'budget', 'approvals']);
    const status = symbols.find((s) => s.name === 'status')!;
    assert.equal(status.detail, 'active');
    assert.deepEqual(status.selectionRange, { start: { line: 4, character: 0 }, end: { line: 4, character: 6 } });
    const schedule = symbols.find((s) => s.name === 'schedule')!;
    assert.equal(schedule.kind, 'object');
    assert.deepEqual(names(schedule.children), ['start', 'end']);
    assert.deepEqual(schedule.range, { start: { line: 7, character: 0 }, end: { line: 9, character: 17 } });
  });

  it('names list items by name, title or id, with the id and date as details', () => {
    const text = readFixture('test', 'fixtures', 'contract', 'fin-invoice-automation.charter.yaml');
    const symbols = symbolsOf(text);
    const milestones = symbols.find((s) => s.name === 'milestones')!;
    assert.equal(milestones.kind, 'array');
    assert.equal(milestones.children[0].name, 'Vendor selected');
    assert.equal(milestones.children[0].kind, 'event');
    assert.equal(milestones.children[0].detail, 'm-vendor · 2027-03-01');
    const risks = symbols.find((s) => s.name === 'risks')!;
    assert.equal(risks.children[0].name, 'OCR accuracy below target');
    const objectives = symbols.find((s) => s.name === 'objectives')!;
    assert.equal(objectives.children[0].name, 'Cut the cost of processing an invoice');
    const breakdown = symbols.find((s) => s.name === 'budget')!.children.find((s) => s.name === 'breakdown')!;
    assert.deepEqual(names(breakdown.children), ['capex', 'opex']);
  });

  it('groups the symbols per document in a file with several', () => {
    const symbols = symbolsOf('kind: Project\nid: a\n---\nkind: Programme\nid: b\ntitle: B\n');
    assert.deepEqual(names(symbols), ['Project a', 'Programme b']);
    assert.deepEqual(names(symbols[1].children), ['kind', 'id', 'title']);
  });

  it('copes with broken YAML and an empty file', () => {
    assert.deepEqual(symbolsOf(''), []);
    assert.ok(names(symbolsOf('id: a\ntitle: "open\n')).includes('id'));
  });
});
