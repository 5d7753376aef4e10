// Issue 12: fixes that never guess, and one finding per problem, in words a project manager reads.
import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../server/src/engine/languageService';
import { safeFixesOf } from '../../server/src/engine/services/codeActions';
import { SchemaRegistry } from '../../server/src/engine/schema/schemaRegistry';
import { SchemaWalker } from '../../server/src/engine/schema/schemaWalker';
import { validateDocument } from '../../server/src/engine/services/schemaValidation';
import type { Finding } from '../../server/src/engine/types';
import { applyTextEdits } from '../../server/src/engine/utils/textEdits';
import { check, otherProject, PORTFOLIO } from './rules/harness';
import { findingsFor, underlined, VALID_PROJECT } from '../support/engine';

const REPORTED = 'statusReport:\n  asOf: 2027-05-01\n  rag: green\n';
const rules = (findings: Finding[]) => findings.map((f) => f.rule);

/** The text after fix-all (`source.fixAll.charter`, `charter check --fix`): the safe fixes only. */
function fixAll(text: string, findings: Finding[]): string {
  return applyTextEdits(text, safeFixesOf(findings).flatMap((a) => a.edits));
}

describe('fixes: safe fixes and suggestions', () => {
  it('offers both readings of an ambiguous date as suggestions, and fix-all applies neither', async () => {
    const text = VALID_PROJECT.replace('end: 2027-12-17', 'end: 12/11/2027');
    const findings = await findingsFor(text);
    const date = findings.find((f) => f.rule === 'schema/format')!;
    assert.match(date.message, /"12\/11\/2027" can be read as 2027-11-12 or 2027-12-11; write the one you mean\./);
    assert.deepEqual(date.fixes!.map((f) => [f.title, f.safe]), [
      ['Write the date as 2027-11-12 (12 November 2027)', false],
      ['Write the date as 2027-12-11 (11 December 2027)', false],
    ]);
    assert.equal(fixAll(text, findings), text);
  });

  it('fixes an unambiguous date safely, day or month first or in words', async () => {
    for (const [written, iso] of [['31/12/2027', '2027-12-31'], ['12/31/2027', '2027-12-31'], ['31 December 2027', '2027-12-31']]) {
      const text = VALID_PROJECT.replace('end: 2027-12-17', `end: ${written}`);
      assert.match(fixAll(text, await findingsFor(text)), new RegExp(`^  end: ${iso}$`, 'm'), written);
    }
  });

  it('never applies a placeholder in bulk: a red status without a plan and a missing approval stay errors', async () => {
    const files = {
      'projects/p.charter.yaml': otherProject('p', 'statusReport:\n  asOf: 2027-05-01\n  rag: red\n').replace('approved: 200000', 'approved: 400000').replace('contingency: 20000', 'contingency: 40000').replace(/approvals:\n.*\n/, ''),
      'portfolio.yaml': PORTFOLIO,
    };
    const { findings, text } = await check('*', files);
    assert.ok(rules(findings).includes('status/red-needs-recovery'), rules(findings).join());
    assert.ok(rules(findings).includes('budget/approval-threshold'), rules(findings).join());
    for (const f of findings.filter((x) => x.rule === 'status/red-needs-recovery' || x.rule === 'budget/approval-threshold')) {
      assert.ok(f.fixes?.length, `${f.rule} still offers its suggestion in the editor`);
      assert.ok(f.fixes!.every((fix) => !fix.safe), f.rule);
    }
    assert.equal(fixAll(text, findings), text);
  });

  it('repairs the common spellings of a percentage, a currency and an amount, when exactly one reading passes the schema', async () => {
    const cases: Array<[string, string, string]> = [
      ['currency: EUR', 'currency: eur', 'currency: EUR'],
      ['approved: 850000', 'approved: 1,500,000', 'approved: 1500000'],
      ['approved: 850000', 'approved: 850 000', 'approved: 850000'],
      ['approved: 850000', 'approved: €850k', 'approved: 850000'],
      ['approved: 850000', 'approved: "1,250.50"', 'approved: "1250.50"'],
    ];
    for (const [from, written, fixed] of cases) {
      const text = VALID_PROJECT.replace(from, written);
      const findings = await findingsFor(text);
      const after = fixAll(text, findings);
      assert.ok(after.includes(`  ${fixed}\n`), `${written} -> ${fixed}:\n${after}`);
      assert.deepEqual(rules(await findingsFor(after)), [], after);
    }
    const percent = VALID_PROJECT + 'allocations:\n  - { person: raj.patel, percent: 50%, from: 2027-01-04, to: 2027-12-17 }\n';
    const fixed = fixAll(percent, await findingsFor(percent));
    assert.match(fixed, /percent: 50, from/);
    assert.deepEqual(rules(await findingsFor(fixed)), []);
  });

  it('only suggests dropping a currency other than the budget\'s (USD 850k in a EUR budget)', async () => {
    const text = VALID_PROJECT.replace('approved: 850000', 'approved: USD 850k');
    const findings = await findingsFor(text);
    const fixes = findings.flatMap((f) => f.fixes ?? []);
    assert.ok(fixes.some((fix) => !fix.safe && /USD is dropped/.test(fix.title)), JSON.stringify(fixes.map((f) => f.title)));
    assert.equal(fixAll(text, findings), text);
  });

  it('leaves an amount that can be read two ways alone (1,5 or 1.500,5)', async () => {
    for (const written of ['1,5', '1.500,5']) {
      const text = VALID_PROJECT.replace('approved: 850000', `approved: "${written}"`);
      const findings = await findingsFor(text);
      assert.ok(findings.some((f) => f.rule === 'schema/pattern'), written);
      assert.equal(fixAll(text, findings), text, written);
    }
  });

  it('maps x-synonyms of an enum to the allowed value as a safe fix (the built-in status: completed -> closed)', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: in-progress');
    const findings = await findingsFor(text);
    const status = findings.find((f) => f.rule === 'schema/enum')!;
    assert.equal(status.message, 'status must be one of proposed, approved, active, on-hold, closed, cancelled. "in-progress" is called "active" here.');
    assert.match(fixAll(text, findings), /^status: active$/m);
    const closed = await findingsFor(VALID_PROJECT.replace('status: active', 'status: Completed'));
    assert.equal(closed.find((f) => f.rule === 'schema/enum')!.fixes![0].edits['file:///workspace/x.charter.yaml'][0].newText, 'closed');
  });

  it('makes a did-you-mean safe only when one candidate is clearly nearest', () => {
    const registry = new SchemaRegistry();
    registry.add('https://pmo.example.org/t.json', { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { tier: { enum: ['gold', 'bold', 'silver'] } } });
    const svc = getLanguageService();
    const fixesFor = (written: string) => {
      const file = svc.parse(`file:///w/t-${written}.yaml`, `tier: ${written}\n`, 1);
      const [finding] = validateDocument(file, file.documents[0], { id: 'https://pmo.example.org/t.json', label: 't.json' }, registry, new SchemaWalker(registry));
      return finding.fixes!.map((f) => [f.edits[file.uri][0].newText, f.safe]);
    };
    assert.deepEqual(fixesFor('cold'), [['bold', false], ['gold', false]], 'cold is as near to bold as to gold: a guess');
    assert.deepEqual(fixesFor('silvr'), [['silver', true]]);
  });

  it('keeps an id that only shares words with the one written a suggestion (ops-datacentre-exit -> ops-dc-exit)', async () => {
    const files = { 'projects/a.charter.yaml': otherProject('a', 'dependencies:\n  - { project: ops-datacentre-exit, neededBy: 2027-03-01 }\n'), 'projects/b.charter.yaml': otherProject('ops-dc-exit') };
    const { findings } = await check('portfolio/unknown-reference', files);
    assert.deepEqual(findings[0].fixes!.map((f) => [f.title, f.safe]), [['Change to "ops-dc-exit"', false]]);
  });

  it('reads x-synonyms from a PMO schema too, wherever the enum sits behind a $ref', () => {
    const registry = new SchemaRegistry();
    registry.add('https://pmo.example.org/p.json', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { tier: { $ref: '#/$defs/tier' } },
      $defs: { tier: { type: 'string', enum: ['gold', 'silver'], 'x-synonyms': { premium: 'gold', platinum: 'diamond' } } },
    });
    const svc = getLanguageService();
    for (const [written, expected] of [['premium', 'gold'], ['platinum', undefined]] as const) {
      const file = svc.parse(`file:///w/${written}.yaml`, `tier: ${written}\n`, 1);
      const [finding] = validateDocument(file, file.documents[0], { id: 'https://pmo.example.org/p.json', label: 'p.json' }, registry, new SchemaWalker(registry));
      assert.equal(finding.fixes?.find((f) => f.safe)?.edits[file.uri][0].newText, expected, written);
    }
  });
});

describe('messages: words, not regular expressions', () => {
  it('describes a PMO pattern from its description and example, or in a generic regex-free sentence', () => {
    const registry = new SchemaRegistry();
    registry.add('https://pmo.example.org/cc.json', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        costCentre: { type: 'string', pattern: '^CC-[0-9]{4}$', description: 'A cost centre: CC and four digits.', examples: ['CC-1234'] },
        wbs: { type: 'string', pattern: '^[A-Z]{2}\\.[0-9]+$' },
      },
    });
    const svc = getLanguageService();
    const file = svc.parse('file:///w/cc.yaml', 'costCentre: "1234"\nwbs: x\n', 1);
    const findings = validateDocument(file, file.documents[0], { id: 'https://pmo.example.org/cc.json', label: 'cc.json' }, registry, new SchemaWalker(registry));
    assert.deepEqual(findings.map((f) => f.message), [
      'costCentre "1234" is not written the expected way. A cost centre: CC and four digits. For example: CC-1234.',
      'wbs "x" is not written the expected way. Check how your organisation writes wbs: the schema does not describe it.',
    ]);
    for (const f of findings) assert.doesNotMatch(f.message, /\^|\[0-9\]|\{4\}|\$/);
  });
});

describe('messages: one finding per problem', () => {
  it('gives a <placeholder> person one finding, saying it is a placeholder', async () => {
    const files = { 'projects/p.charter.yaml': otherProject('p', REPORTED).replace('manager: li.wei', 'manager: <project manager>'), 'portfolio.yaml': PORTFOLIO };
    const { findings, underlined: marked } = await check('*', files);
    assert.deepEqual(rules(findings), ['schema/pattern']);
    assert.deepEqual(marked, ['<project manager>']);
    assert.match(findings[0].message, /^manager is still a placeholder \("<project manager>"\)\. Write the real value\./);
  });

  it('reports currency: eur as a schema finding only, not also as a funding-envelope mismatch', async () => {
    const files = { 'projects/p.charter.yaml': otherProject('p', REPORTED).replace('currency: EUR', 'currency: eur'), 'portfolio.yaml': PORTFOLIO };
    assert.deepEqual(rules((await check('*', files)).findings), ['schema/pattern']);
    const envelope = await check('portfolio/funding-envelope', { ...files, 'portfolio.yaml': PORTFOLIO }, { target: 'portfolio.yaml' });
    assert.deepEqual(envelope.findings, []);
  });

  it('gives a tab or an unclosed quote its syntax finding, and no "missing required properties" that are there', async () => {
    const tab = VALID_PROJECT.replace('  start: 2027-01-04', '\tstart: 2027-01-04');
    const quote = VALID_PROJECT.replace('title: Invoice automation', 'title: "Invoice automation');
    for (const text of [tab, quote]) {
      const found = rules(await findingsFor(text, { settings: { asOf: '2027-02-01' } }));
      assert.ok(found.includes('yaml/syntax'), found.join());
      assert.deepEqual(found.filter((r) => r.startsWith('schema/')), [], found.join());
    }
  });

  it('names the cause of approved: 850,000 in a flow mapping, with the safe fix 850000', async () => {
    const text = VALID_PROJECT.replace('budget:\n  currency: EUR\n  approved: 850000\n', 'budget: { currency: EUR, approved: 850,000 }\n');
    const findings = await findingsFor(text);
    assert.deepEqual(rules(findings), ['yaml/comma-in-number']);
    assert.equal(findings[0].message, 'approved: 850,000 is read as 850 followed by a separate key, because a comma ends an entry inside { }. Write 850000, without the thousands separator.');
    assert.equal(underlined(text, findings[0]), '850,000');
    const fixed = fixAll(text, findings);
    assert.match(fixed, /^budget: \{ currency: EUR, approved: 850000 \}$/m);
    assert.deepEqual(await findingsFor(fixed), []);
  });
});
