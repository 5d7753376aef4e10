import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { findDocumentLinks } from '../../server/src/engine/services/documentLinks';

describe('document links', () => {
  it('links web addresses and relative link paths, not other text', () => {
    const text = 'summary: see the plan\nlinks:\n  - { title: Case, url: "https://intranet.example.org/case" }\n  - title: Plan\n    url: docs/plan.md\n';
    const links = findDocumentLinks(parseCharterFile('file:///w/projects/x.charter.yaml', text));
    assert.deepEqual(links.map((l) => l.target), ['https://intranet.example.org/case', 'file:///w/projects/docs/plan.md']);
    assert.deepEqual(links[0].range, { start: { line: 2, character: 25 }, end: { line: 2, character: 58 } });
  });
});
