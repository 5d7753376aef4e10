// Differential test of the two parsing speeds: whatever the fast loader reads, it reads as the exact
// parse does, and a closed file checked the fast way gets exactly the findings of the exact way. A
// mismatch found here is fixed by routing such text to the exact path, never by accepting the difference.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { exactPathReason, loadFast } from '../../server/src/engine/parser/fastLoad';
import { getLanguageService } from '../../server/src/engine/languageService';
import { defaultSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { REPO, VALID_PROJECT } from '../support/engine';

/** The value the exact parse gives, when the file is one clean document. */
function exactValue(text: string): { value: unknown } | undefined {
  const exact = parseCharterFile('file:///x.yaml', text);
  if (exact.findings.length > 0 || exact.documents.length !== 1) return undefined;
  return { value: exact.documents[0].value };
}

/** Compares the two reads of a text; false when the fast loader declines it (nothing to compare). */
function assertSameValue(text: string): boolean {
  const fast = loadFast('file:///x.yaml', text);
  if (!fast) return false;
  const exact = exactValue(text);
  assert.ok(exact, `the fast loader read a text the exact parse finds fault with:\n${text}`);
  assert.deepStrictEqual(fast.documents[0].value, exact.value, `values differ for:\n${text}`);
  return true;
}

const shape = (f: Finding) => ({ rule: f.rule, range: f.range, message: f.message, severity: f.severity, uri: f.uri });

// One service per path, as in a real run: schemas compile once.
const exactService = getLanguageService();
const fastService = getLanguageService();

/** The findings of one text checked exactly, and checked closed (fast first). */
async function bothWays(text: string, relativePath = 'x.charter.yaml') {
  const uri = `file:///workspace/${relativePath}`;
  const settings = { ...defaultSettings(), asOf: '2026-12-15' };
  exactService.forget(uri);
  fastService.forget(uri);
  const exact = await exactService.validate(exactService.parse(uri, text), { relativePath, settings });
  const first = fastService.parseFast(uri, text) ?? fastService.parse(uri, text);
  const closed = await fastService.checkClosed(first, { relativePath, settings });
  return { exact: exact.map(shape), fast: closed.findings.map(shape), tookFast: closed.file.fast === true };
}

const REPO_YAML = globSync(['examples/**/*.{yaml,yml}', 'test/fixtures/**/*.{yaml,yml}'], { cwd: REPO }).sort();

describe('fast parse: differential against the exact parse', function () {
  this.timeout(120_000);

  it('reads every YAML file of examples/ and the fixtures to the same value as the exact parse', () => {
    assert.ok(REPO_YAML.length > 20);
    let fast = 0;
    for (const file of REPO_YAML) {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      assertSameValue(text);
      if (loadFast('file:///x.yaml', text)) fast++;
    }
    // Most of the repository's charters are plain YAML: the fast path is really taken.
    assert.ok(fast > REPO_YAML.length / 2, `only ${fast} of ${REPO_YAML.length} files took the fast path`);
  });

  it('gives every file of examples/ and the fixtures the same findings either way, file by file', async () => {
    for (const file of REPO_YAML) {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      const { exact, fast } = await bothWays(text, path.basename(file));
      assert.deepStrictEqual(fast, exact, file);
    }
  });

  it('resolves plain scalars exactly as YAML 1.2 core does, also where js-yaml would not', () => {
    const scalars = ['yes', 'no', 'on', 'off', 'y', 'n', '0o12', '012', '0x1F', '0b101', '1_000', '.inf', '-.inf', '+.inf', '.NaN', '.nan', '1e3', '1E-2',
      '+1', '-0', '1.', '.5', '-.5', '~', 'null', 'Null', 'NULL', 'nULL', 'TRUE', 'True', 'tRUE', '2027-01-04', '2001-12-14t21:59:43.10-05:00', '12:30', '1:20:30',
      '0.1e+3', '9007199254740993', '123456789012345678901234567890', '0o8', '0xG', '+0x1', '-0o1', '1.0', '1.50', '00', '+.5e3', '=', '<', '-', 'a b'];
    const compared = scalars.filter((s) => assertSameValue(`key: ${s}\nlist: [${s}]\nnested:\n  - ${s}\n`));
    assert.ok(compared.length > scalars.length / 2, `the fast loader read only ${compared.length} of ${scalars.length} scalar texts`);
    assert.deepStrictEqual(loadFast('file:///x.yaml', 'a: 0b101\nb: 0o12\nc: 1_000\nd: yes\ne: 2027-01-04\n')?.documents[0].value, { a: '0b101', b: 10, c: '1_000', d: 'yes', e: '2027-01-04' });
  });

  it('routes to the exact path what the fast loader would read differently or cannot place', () => {
    const routed: Record<string, string> = {
      duplicate: 'a: 1\na: 2\n',
      anchor: 'a: &x 1\nb: *x\n',
      merge: 'base: { a: 1 }\nc:\n  <<: { a: 1 }\n',
      tag: 'a: !!str 1\n',
      custom: 'a: !thing 1\n',
      multi: 'a: 1\n---\nb: 2\n',
      end: 'a: 1\n...\n',
      directive: '%YAML 1.2\n---\na: 1\n',
      complexKey: '? a\n: 1\n',
      suppression: '# charter-disable text/no-placeholders -- draft\na: TBD\n',
      waiver: 'waivers:\n  - { rule: text/no-placeholders, reason: draft, approver: jane.doe, expires: 2099-01-01 }\n',
      commaNumber: 'budget: { approved: 850,000 }\n',
      proto: '__proto__: 1\n',
      tab: 'a:\t1\n',
      cr: 'a: 1\rb: 2\r',
      scalarTop: 'just text\n',
      list: '- a\n- b\n',
      empty: '# nothing\n',
      syntax: 'a: "open\n',
      longKey: `${'k'.repeat(1100)}: 1\n`,
      templateKey: 'id: {{id}}\n',
      listKey: '[a, b]: 1\n',
      flowListKey: 'm: { [a]: 1 }\n',
      itemMapKey: '- { a: 1 }: x\n',
    };
    routed.tooDeep = `a:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`;
    for (const [name, text] of Object.entries(routed)) assert.equal(loadFast('file:///x.yaml', text), undefined, name);
    assert.equal(exactPathReason(VALID_PROJECT), undefined);
    // charter.files.maxSizeKB applies before any parse: a file over it gets yaml/too-large from the exact path.
    const big = `${VALID_PROJECT}notes:\n${'  - a note of some length\n'.repeat(60)}`;
    assert.ok(loadFast('file:///x.yaml', big, 0, { maxSizeKB: 2 }));
    assert.equal(loadFast('file:///x.yaml', big, 0, { maxSizeKB: 1 }), undefined);
    assert.equal(parseCharterFile('file:///x.yaml', big, 0, { maxSizeKB: 1 }).findings[0].rule, 'yaml/too-large');
  });

  it('reads generated charter-like texts to the same values and findings on both paths', async () => {
    const scalar = fc.oneof(
      fc.constantFrom('yes', 'no', '0o12', '0x1F', '0b101', '1_000', '.inf', '.NaN', '1e3', '-0', '~', 'null', 'TRUE', '2027-02-30', 'TBD', 'EUR', 'jane.doe', '10', '1.5', "'quoted'", '"dq: x"', '[a, b]', '{ a: 1 }', 'a # comment', '-', '>-\n    folded\n    text'),
      fc.integer({ min: -1_000_000, max: 10_000_000 }).map(String),
      fc.stringMatching(/^[a-z][a-z .-]{0,12}$/),
    );
    const key = fc.constantFrom('title', 'status', 'sponsor', 'manager', 'notes', 'priority', 'tags', 'percent', 'owner', 'x-extra');
    const entry = fc.tuple(key, scalar);
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), fc.boolean(), async (entries, asList) => {
        const extra = entries.map(([k, v]) => (asList ? `  - ${k}: ${v}\n` : `  ${k}: ${v}\n`)).join('');
        const text = `${VALID_PROJECT}extensions:\n${extra || '  none: true\n'}`;
        assertSameValue(text);
        const { exact, fast } = await bothWays(text);
        assert.deepStrictEqual(fast, exact, text);
      }),
      { numRuns: 100, seed: 14 },
    );
  });

  it('takes the fast path for a clean charter and still finds and places a problem in one that has it', async () => {
    const clean = await bothWays(VALID_PROJECT);
    assert.deepEqual(clean.exact, []);
    assert.equal(clean.tookFast, true);
    const faulty = await bothWays(VALID_PROJECT.replace('status: active', 'status: actve'));
    assert.equal(faulty.tookFast, false);
    assert.equal(faulty.fast.length, 1);
    assert.deepStrictEqual(faulty.fast, faulty.exact);
    assert.equal(faulty.fast[0].range.start.line, 4);
  });
});
