import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { getLanguageService } from '../../server/src/engine/languageService';
import type { CodeAction } from '../../server/src/engine/services/codeActions';
import { normaliseSettings } from '../../server/src/engine/settings';
import type { Finding, Range, TextEdit } from '../../server/src/engine/types';
import { VALID_PROJECT } from '../support/engine';
import { applyTextEdits as applyEdits } from '../../server/src/engine/utils/textEdits';


const svc = getLanguageService();
const PATH = 'x.charter.yaml';
const URI = `file:///workspace/${PATH}`;
const context = { relativePath: PATH, settings: normaliseSettings({ asOf: '2027-02-01' }) };

async function check(text: string): Promise<Finding[]> {
  svc.forget(URI);
  return svc.validate(svc.parse(URI, text, 1), context);
}

async function actionsAt(text: string, finding: Finding, only?: string[]): Promise<CodeAction[]> {
  svc.forget(URI);
  const file = svc.parse(URI, text, 1);
  const findings = await svc.validate(file, context);
  return svc.getCodeActions(file, finding.range, findings, context, { only, docsHref: (d) => `https://docs.example/${d}` });
}


/** Applies an action and checks what every fix must keep: the text parses, the bytes outside the edits are the same. */
function applyAction(text: string, action: CodeAction): string {
  const edits = action.edits![URI];
  const result = applyEdits(text, edits);
  const file = svc.parse('file:///workspace/check.charter.yaml', result, 1);
  assert.deepEqual(file.findings.map((f) => f.message), [], `the fixed text parses:\n${result}`);
  // Bytes outside the edit: the same prefix and suffix around a single edit.
  if (edits.length === 1) {
    const lines = text.split('\n');
    const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const [e] = edits;
    assert.equal(result.slice(0, offset(e.range.start)), text.slice(0, offset(e.range.start)));
    assert.equal(result.slice(result.length - (text.length - offset(e.range.end))), text.slice(offset(e.range.end)));
  }
  return result;
}

const ofRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('code actions', () => {
  it('offers a finding\'s own fixes, the preferred one marked, and the fix removes the finding', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve  # was active');
    const [finding] = ofRule(await check(text), 'schema/enum');
    const actions = await actionsAt(text, finding);
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.kind, 'quickfix');
    assert.match(preferred.title, /active/);
    const fixed = applyAction(text, preferred);
    assert.match(fixed, /status: active {2}# was active/);
    assert.deepEqual(ofRule(await check(fixed), 'schema/enum'), []);
  });

  it('renames a misspelt key', async () => {
    const text = VALID_PROJECT.replace('sponsor: jane.doe', 'sponser: jane.doe');
    const [finding] = ofRule(await check(text), 'schema/additionalProperties');
    const preferred = (await actionsAt(text, finding)).find((a) => a.isPreferred)!;
    const fixed = applyAction(text, preferred);
    assert.deepEqual((await check(fixed)).map((f) => f.rule).filter((r) => r.startsWith('schema/')), []);
  });

  it('adds the missing required properties with placeholders, at the right indentation, comments kept', async () => {
    const text = VALID_PROJECT.replace('title: Invoice automation\n', '').replace('  end: 2027-12-17\n', '  # the end is still open\n');
    const findings = ofRule(await check(text), 'schema/required');
    assert.equal(findings.length, 2);
    for (const finding of findings) {
      const action = (await actionsAt(text, finding)).find((a) => a.title.startsWith('Add missing'))!;
      assert.ok(action, `an add-missing action for ${finding.message}`);
      const fixed = applyAction(text, action);
      const after = ofRule(await check(fixed), 'schema/required');
      assert.equal(after.length, 1, `only the other finding is left after: ${action.title}\n${fixed}`);
      assert.ok(fixed.includes('# the end is still open'));
    }
    const schedule = findings.find((f) => /schedule/.test(f.message))!;
    const fixed = applyAction(text, (await actionsAt(text, schedule)).find((a) => a.title.startsWith('Add missing'))!);
    assert.match(fixed, /schedule:\n {2}start: 2027-01-04\n {2}# the end is still open\n {2}end: 2027-12-17\n|schedule:\n {2}start: 2027-01-04\n {2}end: 2027-12-17\n {2}# the end is still open\n/);
  });

  it('adds missing properties to a list item and to a flow mapping', async () => {
    const text = `${VALID_PROJECT}milestones:\n  - id: m-one\n    name: First\nallocations:\n  - { person: raj.patel }\n`;
    const findings = ofRule(await check(text), 'schema/required');
    assert.equal(findings.length, 2, findings.map((f) => f.message).join('\n'));
    const edits: TextEdit[] = [];
    for (const finding of findings) {
      const action = (await actionsAt(text, finding)).find((a) => a.title.startsWith('Add missing'))!;
      applyAction(text, action);
      edits.push(...action.edits![URI]);
    }
    const fixed = applyEdits(text, edits);
    assert.match(fixed, / {2}- id: m-one\n {4}name: First\n {4}date: \S+\n/);
    assert.match(fixed, / {2}- \{ person: raj\.patel, percent: \d+ \}/);
    assert.deepEqual(ofRule(await check(fixed), 'schema/required'), []);
  });

  it('removes an unknown key with its value, in block and flow mappings', async () => {
    const text = VALID_PROJECT.replace('schedule:\n', 'zzfoo:\n  nested: 1 # gone too\nschedule:\n') + 'milestones:\n  - { id: m, zzbar: 2, date: 2027-03-01 }\n  - zzbaz: 3\n    id: n\n    date: 2027-04-01\n';
    const unknown = ofRule(await check(text), 'schema/additionalProperties');
    assert.equal(unknown.length, 3);
    const results: string[] = [];
    for (const finding of unknown) {
      const action = (await actionsAt(text, finding)).find((a) => a.title.startsWith('Remove unknown property'))!;
      assert.ok(action, finding.message);
      const fixed = applyAction(text, action);
      assert.deepEqual(ofRule(await check(fixed), 'schema/additionalProperties').length, 2);
      results.push(fixed);
    }
    assert.ok(results[0].includes('manager: raj.patel\nschedule:\n'));
    assert.ok(results[1].includes('  - { id: m, date: 2027-03-01 }\n'));
    assert.ok(results[2].includes('  - \n    id: n\n'));
  });

  it('disables a rule for a line with a comment at the line\'s indentation', async () => {
    const text = VALID_PROJECT.replace('  currency: EUR', '  currency: EURO');
    const [finding] = (await check(text)).filter((f) => f.range.start.line === 11);
    const action = (await actionsAt(text, finding)).find((a) => a.title === `Disable ${finding.rule} for this line`)!;
    const fixed = applyAction(text, action);
    assert.match(fixed, new RegExp(`budget:\\n  # charter-disable-next-line ${finding.rule} -- <reason>\\n  currency: EURO`));
    assert.deepEqual((await check(fixed)).filter((f) => f.rule === finding.rule), []);
  });

  it('offers no comment that would disable a rule the policy protects', async () => {
    const text = VALID_PROJECT.replace('  currency: EUR', '  currency: EURO');
    const [finding] = (await check(text)).filter((f) => f.range.start.line === 11);
    const protectedContext = { relativePath: PATH, settings: normaliseSettings({ asOf: '2027-02-01', policy: { protectedRules: [finding.rule.replace(/\/.*$/, '/*')] } }) };
    svc.forget(URI);
    const file = svc.parse(URI, text, 1);
    const actions = await svc.getCodeActions(file, finding.range, await svc.validate(file, protectedContext), protectedContext);
    assert.ok(actions.length > 0);
    assert.equal(actions.find((a) => a.title.startsWith('Disable ')), undefined);
  });

  it('shows the rule documentation through a command', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve');
    const [finding] = await check(text);
    const show = (await actionsAt(text, finding)).find((a) => a.title === 'Show documentation for schema/enum')!;
    assert.deepEqual(show.showDocs, { href: 'https://docs.example/docs/rules/schema.md', rule: 'schema/enum' });
  });

  it('fixes all in the file with source.fixAll.charter, and only that when asked for it', async () => {
    const text = VALID_PROJECT.replace('status: active', 'status: actve').replace('kind: Project', 'kind: Project\nmilestones:\n  - { id: m, date: 2027-03-01, status: dne }');
    const findings = await check(text);
    assert.ok(findings.length >= 2);
    const actions = await actionsAt(text, findings[0], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.charter']);
    const fixed = applyAction(text, actions[0]);
    assert.deepEqual((await check(fixed)).filter((f) => f.rule === 'schema/enum'), []);
    assert.match(fixed, /status: done/);
    const quick = await actionsAt(text, findings[0], ['quickfix']);
    assert.ok(quick.every((a) => a.kind === 'quickfix') && quick.length > 0);
  });

  it('fixes a value written as a block scalar by replacing the whole node: no lines joined, no blank line lost', async () => {
    const cases: Array<[string, string, string]> = [
      ['folded, stripped', 'status: >-\n  actve\nsponsor: jane.doe', 'status: active\nsponsor: jane.doe'],
      ['literal, then a blank line', 'status: |\n  actve\n\nsponsor: jane.doe', 'status: active\n\nsponsor: jane.doe'],
      ['literal, stripped, then blank lines', 'status: |-\n  actve\n\n\nsponsor: jane.doe', 'status: active\n\n\nsponsor: jane.doe'],
      ['folded, with a comment after the header', 'status: > # as agreed\n  actve\nsponsor: jane.doe', 'status: active\nsponsor: jane.doe'],
    ];
    for (const [name, broken, expected] of cases) {
      for (const eol of ['\n', '\r\n']) {
        const text = VALID_PROJECT.replace('status: active\nsponsor: jane.doe', broken).replace(/\n/g, eol);
        const findings = await check(text);
        const enumFinding = findings.find((f) => f.rule === 'schema/enum');
        assert.ok(enumFinding, `${name}: the status is reported`);
        const [fixAll] = await actionsAt(text, enumFinding, ['source.fixAll']);
        assert.ok(fixAll, `${name} (${JSON.stringify(eol)}): fix all is offered for ${enumFinding.message}`);
        const fixed = applyAction(text, fixAll);
        assert.equal(fixed, VALID_PROJECT.replace('status: active\nsponsor: jane.doe', expected).replace(/\n/g, eol), `${name} (${JSON.stringify(eol)})`);
      }
    }
  });

  it('fixes a file whose lines end in a lone CR: only the value changes, an added line ends in CR too', async () => {
    const withoutCurrency = VALID_PROJECT.replace('  currency: EUR\n', '');
    const text = withoutCurrency.replace('status: active', 'status: actve').replace(/\n/g, '\r');
    const findings = await check(text);
    assert.deepEqual(findings.filter((f) => f.rule.startsWith('yaml/')), []);
    const [fixAll] = await actionsAt(text, findings.find((f) => f.rule === 'schema/enum')!, ['source.fixAll']);
    const fixed = applyEdits(text, fixAll.edits![URI]);
    assert.equal(fixed, withoutCurrency.replace(/\n/g, '\r'));
    const quick = await actionsAt(text, findings.find((f) => f.rule === 'schema/required')!, ['quickfix']);
    const added = applyEdits(text, quick.find((a) => /currency/.test(a.title))!.edits![URI]);
    assert.doesNotMatch(added, /\n/, 'no LF in a CR file');
    assert.equal((await check(added)).filter((f) => f.rule.startsWith('yaml/')).length, 0);
  });

  it('fixes a date and swaps dates written as block scalars', async () => {
    const text = VALID_PROJECT.replace('  start: 2027-01-04\n  end: 2027-12-17', '  start: >-\n    2027-12-17\n  end: |\n    13/01/2027\n');
    const fixDate = await actionsAt(text, (await check(text)).find((f) => f.rule === 'schema/format')!, ['source.fixAll']);
    const dated = applyAction(text, fixDate[0]);
    assert.match(dated, /^ {2}start: >-\n {4}2027-12-17\n {2}end: 2027-01-13\n\nbudget:/m);
    const swap = (await actionsAt(dated, (await check(dated)).find((f) => f.rule === 'schedule/start-before-end')!)).find((a) => a.title === 'Swap start and end')!;
    assert.match(applyAction(dated, swap), /^ {2}start: 2027-01-13\n {2}end: >-\n {4}2027-12-17\n\nbudget:/m);
  });

  describe('property: every offered fix on generated charters', () => {
    const MUTATIONS: Array<[string, (t: string) => string]> = [
      ['status typo', (t) => t.replace('status: active', 'status: actve')],
      ['status typo in a folded block scalar', (t) => t.replace('status: active', 'status: >-\n  actve')],
      ['status typo in a literal block scalar before a blank line', (t) => t.replace('status: active\n', 'status: |\n  actve\n\n')],
      ['status far off', (t) => t.replace('status: active', 'status: on hold')],
      ['sponsor misspelt', (t) => t.replace('sponsor:', 'sponser:')],
      ['manager misspelt', (t) => t.replace('manager:', 'manger:')],
      ['title missing', (t) => t.replace('title: Invoice automation\n', '')],
      ['end missing', (t) => t.replace('  end: 2027-12-17\n', '')],
      ['currency missing', (t) => t.replace('  currency: EUR\n', '')],
      ['kind typo', (t) => t.replace('kind: Project', 'kind: Projct')],
      ['milestone with a status typo', (t) => `${t}milestones:\n  - id: m-a # first\n    date: 2027-01-20\n    status: dne\n`],
      ['milestone without a date', (t) => `${t}milestones:\n  - id: m-b\n    name: Second\n`],
      ['risk in a flow mapping, half written', (t) => `${t}risks:\n  - { id: r-a, title: Vendor late }\n`],
      ['unknown key', (t) => t.replace('schedule:', 'zzextra: 1\nschedule:')],
      ['unknown key in a list item', (t) => `${t}links:\n  - zzurl: x\n    url: https://example.org\n`],
    ];
    const key = (f: Finding) => `${f.rule}: ${f.message}`;

    it('parses, removes its finding, adds no error, and keeps every byte outside its edit', async () => {
      await fc.assert(
        fc.asyncProperty(fc.subarray(MUTATIONS, { minLength: 1, maxLength: 4 }), async (chosen) => {
          // Milestones and risks appended twice would be a duplicate key; keep one list of each.
          const seen = new Set<string>();
          const picked = chosen.filter(([name]) => {
            const list = name.split(' ')[0];
            if (seen.has(list)) return false;
            seen.add(list);
            return true;
          });
          const text = picked.reduce((t, [, mutate]) => mutate(t), VALID_PROJECT);
          svc.forget(URI);
          const file = svc.parse(URI, text, 1);
          const findings = await svc.validate(file, context);
          for (const finding of findings) {
            const actions = (await svc.getCodeActions(file, finding.range, findings, context, { only: ['quickfix'] })).filter(
              (a) => a.edits && a.findings.length === 1 && a.findings[0] === finding && !a.title.startsWith('Disable'),
            );
            for (const action of actions) {
              const fixed = applyAction(text, action);
              const after = await check(fixed);
              assert.ok(!after.some((f) => key(f) === key(finding)), `"${action.title}" removes ${key(finding)}\n${fixed}`);
              // Repairing `kind` lets the schema check the document for the first time: what it finds then is not new.
              if (finding.message.startsWith('kind must be')) continue;
              const before = new Set(findings.map(key));
              const added = after.filter((f) => f.severity === 'error' && !before.has(key(f)) && !f.rule.startsWith('schema/required'));
              assert.deepEqual(added.map(key), [], `"${action.title}" adds no error\n${fixed}`);
            }
          }
        }),
        { numRuns: 40 },
      );
    });
  });
});
