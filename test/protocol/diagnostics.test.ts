import { strict as assert } from 'node:assert';
import { startServer, type ServerSession } from '../support/lspClient';
import { VALID_PROJECT } from '../support/engine';

const URI = 'file:///workspace/projects/fin-invoice.charter.yaml';

describe('protocol: diagnostics from the bundled server over stdio', function () {
  this.timeout(20_000);
  let server: ServerSession;

  beforeEach(async () => {
    server = await startServer({ rootUri: 'file:///workspace' });
  });
  afterEach(async () => {
    await server.stop();
  });

  it('announces incremental sync', () => {
    assert.equal((server.initialize.capabilities.textDocumentSync as { change: number }).change, 2);
  });

  it('publishes findings on open, with rule id, docs link and source', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve');
    const pending = server.diagnostics(URI);
    server.open(URI, text);
    const [diagnostic, ...rest] = await pending;
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.code, 'schema/enum');
    assert.equal(diagnostic.source, 'charter');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.message, 'status must be one of proposed, approved, active, on-hold, closed, cancelled. Did you mean "active"?');
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } });
    assert.match(diagnostic.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/schema\.md$/);
  });

  it('publishes a forecast beyond the charter\'s tolerance as a finding asking for an exception report', async () => {
    const text = VALID_PROJECT.replace('  approved: 850000\n', '  approved: 850000\n  forecastAtCompletion: 900000\n').replace('schedule:\n', 'authority: { budgetTolerancePercent: 5 }\nschedule:\n');
    const pending = server.diagnostics(URI);
    server.open(URI, text);
    const beyond = (await pending).filter((d) => d.code === 'performance/forecast-beyond-tolerance');
    assert.equal(beyond.length, 1);
    assert.match(String(beyond[0].message), /900,000 EUR, is 50,000 EUR \(5\.9%\) over the approved 850,000 EUR, beyond the 5% tolerance.*exception report/);
    assert.deepEqual(beyond[0].range, { start: { line: 14, character: 24 }, end: { line: 14, character: 30 } });
    assert.match(beyond[0].codeDescription!.href, /docs\/rules\/performance\/forecast-beyond-tolerance\.md$/);
  });

  it('clears a finding when an incremental edit fixes it, and raises one when an edit breaks the YAML', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve');
    const opened = server.diagnostics(URI);
    server.open(URI, text);
    assert.equal((await opened).length, 1);

    const fixed = server.diagnostics(URI, (p) => p.version === 2);
    server.change(URI, 2, [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } }, text: 'active' }]);
    assert.deepEqual(await fixed, []);

    const broken = server.diagnostics(URI, (p) => p.version === 3);
    server.change(URI, 3, [{ range: { start: { line: 3, character: 7 }, end: { line: 3, character: 7 } }, text: '"' }]);
    const [syntax] = await broken;
    assert.equal(syntax.code, 'yaml/syntax');
    assert.equal(syntax.range.start.line, 3);

    const repaired = server.diagnostics(URI, (p) => p.version === 4);
    server.change(URI, 4, [{ range: { start: { line: 3, character: 7 }, end: { line: 3, character: 8 } }, text: '' }]);
    assert.deepEqual(await repaired, []);
  });

  it('publishes only the result of the latest edit when edits arrive in a burst', async () => {
    const opened = server.diagnostics(URI);
    server.open(URI, VALID_PROJECT);
    await opened;
    const versions: number[] = [];
    const last = server.diagnostics(URI, (p) => {
      versions.push(p.version ?? -1);
      return p.version === 11;
    });
    for (let v = 2; v <= 11; v++) {
      server.change(URI, v, [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: 'x' }]);
    }
    await last;
    assert.ok(versions.length < 10, `expected stale versions to be dropped, got ${versions.join(',')}`);
  });

  it('reads charter.* settings with workspace/configuration and follows a change without restart', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve');
    const opened = server.diagnostics(URI);
    server.open(URI, text);
    assert.equal((await opened)[0].severity, 1);

    const relaxed = server.diagnostics(URI, (p) => p.diagnostics.length > 0 && p.diagnostics[0].severity === 2);
    server.changeSettings({ rules: { 'schema/enum': 'warning' } });
    assert.equal((await relaxed)[0].code, 'schema/enum');

    const silenced = server.diagnostics(URI, (p) => p.diagnostics.length === 0);
    server.changeSettings({ validate: { enable: false } });
    assert.deepEqual(await silenced, []);
  });

  it('keeps serving after bad input: binary text, an alias bomb, a list document', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(i === 0 ? '*a' : `*l${i}`).join(', ')}]`)].join('\n');
    const inputs: Array<[string, string, string]> = [
      ['file:///workspace/binary.charter.yaml', 'PK\u0003\u0004\u0000\u0000', 'yaml/not-text'],
      ['file:///workspace/bomb.charter.yaml', bomb, 'yaml/alias-limit'],
      ['file:///workspace/list.charter.yaml', '- a\n- b\n', 'schema/type'],
    ];
    for (const [uri, text, rule] of inputs) {
      const pending = server.diagnostics(uri);
      server.open(uri, text);
      assert.deepEqual((await pending).map((d) => d.code), [rule]);
    }
    const stillAlive = server.diagnostics(URI);
    server.open(URI, VALID_PROJECT);
    assert.deepEqual(await stillAlive, []);
  });

  it('clears diagnostics when a document is closed', async () => {
    const opened = server.diagnostics(URI);
    server.open(URI, VALID_PROJECT.replace('status: active', 'status: actve'));
    await opened;
    const cleared = server.diagnostics(URI, (p) => p.diagnostics.length === 0);
    server.close(URI);
    assert.deepEqual(await cleared, []);
  });
});
