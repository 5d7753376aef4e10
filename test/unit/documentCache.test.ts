import { strict as assert } from 'node:assert';
import { DocumentCache } from '../../server/src/engine/documentCache';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';

describe('documentCache', () => {
  it('parses a text once per URI and version', () => {
    let parses = 0;
    const cache = new DocumentCache((uri, text, version) => (parses++, parseCharterFile(uri, text, version)));
    const first = cache.get('file:///a', 'id: a\n', 1);
    assert.equal(cache.get('file:///a', 'id: a\n', 1), first);
    assert.equal(parses, 1);
    const second = cache.get('file:///a', 'id: b\n', 2);
    assert.notEqual(second, first);
    assert.deepEqual(second.documents[0].value, { id: 'b' });
    assert.equal(parses, 2);
  });

  it('parses again when the same version comes with another text, and forgets on delete', () => {
    let parses = 0;
    const cache = new DocumentCache((uri, text, version) => (parses++, parseCharterFile(uri, text, version)));
    cache.get('file:///a', 'id: a\n', 0);
    cache.get('file:///a', 'id: changed\n', 0);
    assert.equal(parses, 2);
    cache.delete('file:///a');
    assert.equal(cache.size, 0);
  });
});
