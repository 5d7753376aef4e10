import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../server/src/engine/languageService';
import type { CompletionItem } from '../../server/src/engine/services/completion';
import { defaultSettings, normaliseSettings } from '../../server/src/engine/settings';
import { caretContext } from '../../server/src/engine/utils/yamlPosition';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const svc = getLanguageService();

/** Strips the caret marker `|` and returns the text and the caret's position. */
function withCaret(marked: string): { text: string; line: number; character: number } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'fixture needs a | caret');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, line: before.length - 1, character: before[before.length - 1].length };
}

async function complete(marked: string, path = 'x.charter.yaml', settings: Record<string, unknown> = { asOf: '2027-02-01' }): Promise<CompletionItem[]> {
  const { text, line, character } = withCaret(marked);
  const uri = `file:///workspace/${path}`;
  svc.forget(uri);
  const file = svc.parse(uri, text, 1);
  const result = await svc.doComplete(file, { line, character }, { relativePath: path, settings: settings ? normaliseSettings(settings) : defaultSettings() });
  return result.items;
}

/** Applies an item the way an editor does: replace its range; later snippet lines get the line's indentation. */
function apply(marked: string, item: CompletionItem): string {
  const { text } = withCaret(marked);
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const indent = /^ */.exec(lines[item.range.start.line])![0];
  let insert = item.insertText;
  if (item.isSnippet) {
    insert = insert.replace(/\n/g, `\n${indent}`);
    insert = insert.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
  }
  return text.slice(0, offset(item.range.start)) + insert + text.slice(offset(item.range.end));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const HEAD = 'apiVersion: charter/v1\nkind: Project\n';

describe('completion', () => {
  describe('caret context', () => {
    const ctx = (marked: string) => {
      const { text, line, character } = withCaret(marked);
      const file = parseCharterFile('file:///x.charter.yaml', text);
      return caretContext(file, file.lines.offsetAt({ line, character }));
    };
    it('finds the mapping of a nested key by indentation', () => {
      const c = ctx('budget:\n  currency: EUR\n  |\n')!;
      assert.equal(c.mode, 'key');
      assert.deepEqual(c.path, ['budget']);
      assert.deepEqual(c.siblings, ['currency']);
    });
    it('finds a list item and its index, with the list at the key\'s own indentation', () => {
      const c = ctx('milestones:\n- id: a\n  date: 2027-01-01\n- id: b\n  |\n')!;
      assert.deepEqual(c.path, ['milestones', 1]);
      assert.deepEqual(c.siblings, ['id']);
    });
    it('reads a value position after `key: `', () => {
      const c = ctx('risks:\n  - id: r\n    impact: hi|\n')!;
      assert.equal(c.mode, 'value');
      assert.deepEqual(c.path, ['risks', 0, 'impact']);
      assert.equal(c.prefix, 'hi');
    });
    it('reads keys and values inside a flow mapping', () => {
      const key = ctx('budget:\n  breakdown:\n    - { category: capex, | }\n')!;
      assert.equal(key.mode, 'key');
      assert.deepEqual(key.path, ['budget', 'breakdown', 0]);
      assert.deepEqual(key.siblings, ['category']);
      const value = ctx('stakeholders:\n  - { person: jane.doe, role: |}\n')!;
      assert.equal(value.mode, 'value');
      assert.deepEqual(value.path, ['stakeholders', 0, 'role']);
    });
    it('says nothing inside a comment', () => {
      assert.equal(ctx('# a comment |\n'), undefined);
    });
  });

  it('offers the missing root keys, required ones first, with their docs', async () => {
    const items = await complete(`${HEAD}id: x\n|\n`);
    const names = labels(items);
    assert.ok(!names.includes('id') && !names.includes('kind'), 'keys already present are not offered');
    assert.ok(names.includes('title') && names.includes('milestones'));
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.ok(sorted.indexOf('budget') < sorted.indexOf('summary'), 'required keys sort first');
    const title = items.find((i) => i.label === 'title')!;
    assert.match(title.documentation!, /\S/);
    assert.equal(title.insertText, 'title: ');
  });

  it('inserts a block for an object key and a list item for an array key', async () => {
    const marked = `${HEAD}|\n`;
    const items = await complete(marked);
    const schedule = items.find((i) => i.label === 'schedule')!;
    assert.equal(schedule.isSnippet, true);
    assert.equal(apply(marked, schedule), `${HEAD}schedule:\n  \n`);
    const milestones = items.find((i) => i.label === 'milestones')!;
    assert.equal(apply(marked, milestones), `${HEAD}milestones:\n  - \n`);
  });

  it('completes a partly typed key and replaces the whole word', async () => {
    const marked = `${HEAD}spo|\n`;
    const items = await complete(marked);
    const sponsor = items.find((i) => i.label === 'sponsor')!;
    assert.equal(apply(marked, sponsor), `${HEAD}sponsor: \n`);
  });

  it('offers nested keys inside an object, only those still missing', async () => {
    const items = await complete(`${HEAD}budget:\n  currency: EUR\n  |\n`);
    assert.deepEqual(labels(items).filter((l) => ['currency', 'approved', 'contingency'].includes(l)), ['approved', 'contingency']);
  });

  it('offers the keys of a list item, and its snippet on a fresh item', async () => {
    const marked = `${HEAD}milestones:\n  - |\n`;
    const items = await complete(marked);
    assert.ok(labels(items).includes('id') && labels(items).includes('date'));
    const snippet = items.find((i) => i.kind === 'snippet');
    assert.ok(snippet, 'the milestone defaultSnippet is offered');
    const applied = apply(marked, snippet!);
    assert.match(applied, /milestones:\n {2}- id: .*\n {4}\w+: /);
  });

  it('offers the change log: its key with docs, the record snippet, its keys and the kinds of change', async () => {
    const root = await complete(`${HEAD}|\n`);
    const changes = root.find((i) => i.label === 'changes');
    assert.ok(changes, 'changes is offered');
    assert.equal(changes.detail, 'Change log');
    assert.match(String(changes.documentation), /change requests against the approved baseline/);
    const marked = `${HEAD}changes:\n  - |\n`;
    const items = await complete(marked);
    assert.deepEqual(['id', 'date', 'summary', 'kind', 'decision', 'decidedBy', 'reference'].filter((k) => !labels(items).includes(k)), []);
    const snippet = items.find((i) => i.label === 'Change record')!;
    assert.match(apply(marked, snippet), /changes:\n {2}- id: cr-001\n {4}date: 2027-05-02\n {4}summary: What changes and why\n {4}kind: budget\n/);
    const kinds = await complete(`${HEAD}changes:\n  - { id: cr-1, kind: | }\n`);
    assert.deepEqual(['budget', 'schedule', 'scope', 'milestone', 'status', 'other'].filter((k) => !labels(kinds).includes(k)), []);
  });

  it('offers an object\'s snippet after its key, on the lines below', async () => {
    const marked = `${HEAD}schedule: |\n`;
    const items = await complete(marked);
    const snippet = items.find((i) => i.label === 'Start and end')!;
    assert.equal(apply(marked, snippet), `${HEAD}schedule: \n  start: 2027-01-04\n  end: 2027-12-17\n`);
  });

  it('does not offer $schema as a key', async () => {
    assert.ok(!labels(await complete(`${HEAD}|\n`)).includes('$schema'));
  });

  it('offers enum values with their descriptions and marks the default', async () => {
    const items = await complete(`${HEAD}status: |\n`);
    assert.deepEqual(labels(items).slice(0, 6), ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled']);
    const active = items.find((i) => i.label === 'active')!;
    assert.equal(active.documentation, 'Work is under way.');
    assert.equal(items.find((i) => i.label === 'proposed')!.preselect, true);
  });

  it('completes enum values inside list items and flow mappings', async () => {
    const risk = await complete(`${HEAD}risks:\n  - id: r\n    probability: |\n`);
    assert.deepEqual(labels(risk).slice(0, 3), ['low', 'medium', 'high']);
    const role = await complete(`${HEAD}milestones:\n  - { id: m, date: 2027-01-01, status: | }\n`);
    assert.ok(labels(role).includes('done'));
  });

  it('offers today (or charter.asOf) and the examples for a date field', async () => {
    const items = await complete(`${HEAD}schedule:\n  start: |\n`);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted[0].label, '2027-02-01');
    assert.equal(sorted[0].detail, 'today');
    assert.ok(labels(items).includes('2027-01-04'), 'the schema example is offered');
  });

  it('offers ISO 4217 currency codes', async () => {
    const items = await complete(`${HEAD}budget:\n  currency: |\n`);
    for (const code of ['EUR', 'GBP', 'USD', 'JPY', 'CHF']) assert.ok(labels(items).includes(code), code);
  });

  it('quotes a value that would otherwise read as something else', async () => {
    const items = await complete(`${HEAD}budget:\n  approved: |\n`);
    assert.ok(items.some((i) => i.insertText === '"1250.50"'));
    assert.ok(items.some((i) => i.insertText === '850000'));
  });

  it('offers the skeleton for the kind the file name says in an empty file', async () => {
    const marked = '|';
    const items = await complete(marked, 'new.charter.yaml');
    assert.equal(items.length, 1);
    const applied = apply(marked, items[0]);
    const file = svc.parse('file:///workspace/skeleton.charter.yaml', applied, 1);
    const findings = await svc.validate(file, { relativePath: 'skeleton.charter.yaml', settings: normaliseSettings({ asOf: '2027-02-01' }) });
    // No made-up amount that would pass the checks: the amount is a placeholder the checks point at.
    const schemaFindings = findings.filter((f) => f.rule.startsWith('schema/') || f.rule.startsWith('yaml/'));
    assert.deepEqual(
      schemaFindings.map((f) => applied.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)),
      ['<approved amount>'],
    );
    assert.match(schemaFindings[0].message, /^approved is still a placeholder/);
    assert.match(applied, /^apiVersion: charter\/v1\nkind: Project\n/);
  });

  it('writes no made-up numbers in the programme and portfolio skeletons or the objective and budget snippets', async () => {
    const skeleton = async (name: string) => apply('|', (await complete('|', name))[0]);
    assert.match(await skeleton('x.programme.yaml'), /\n {2}cap: <cap>\n/);
    assert.match(await skeleton('portfolio.yaml'), /\n {4}amount: <amount>\n/);
    const objective = (await complete(`${HEAD}objectives:\n  - |\n`)).find((i) => i.label === 'Objective');
    assert.ok(objective);
    assert.match(objective.insertText, /baseline: \$\{4:<where it stands today>\}/);
    assert.match(objective.insertText, /target: \$\{5:<where it should be>\}/);
    const budget = (await complete(`${HEAD}budget:\n  |\n`)).find((i) => i.label === 'Budget');
    assert.ok(budget);
    assert.doesNotMatch(budget.insertText, /:\d+\}/);
  });

  it('offers a skeleton per kind when the file name does not decide, after a comment too', async () => {
    const items = await complete('# new file\n|', 'draft.yaml');
    assert.deepEqual([...new Set(items.map((i) => i.detail))].sort(), ['People skeleton', 'Portfolio skeleton', 'Programme skeleton', 'Project skeleton']);
  });

  it('keeps working while the YAML above is broken', async () => {
    const items = await complete(`${HEAD}title: "unclosed\nbudget:\n  cur|\n`);
    assert.ok(labels(items).includes('currency'));
  });

  it('completes inside a PMO schema that extends the built-in one', async () => {
    const pmo = getLanguageService({
      schemaRequest: async () =>
        JSON.stringify({
          $id: 'https://pmo.example/project.json',
          allOf: [{ $ref: 'https://charter.dev/schemas/v1/project.json' }],
          required: ['costCentre'],
          properties: { costCentre: { type: 'string', description: 'Finance cost centre', enum: ['CC-100', 'CC-200'] } },
        }),
    });
    const settings = normaliseSettings({ schemas: [{ fileMatch: ['**/*.charter.yaml'], url: 'https://pmo.example/project.json' }] });
    const run = async (marked: string) => {
      const { text, line, character } = withCaret(marked);
      const file = pmo.parse('file:///workspace/p.charter.yaml', text, 1);
      return (await pmo.doComplete(file, { line, character }, { relativePath: 'p.charter.yaml', settings })).items;
    };
    const keys = await run(`${HEAD}|\n`);
    assert.ok(labels(keys).includes('costCentre') && labels(keys).includes('title'));
    assert.equal(keys.find((i) => i.label === 'costCentre')!.documentation, 'Finance cost centre');
    assert.deepEqual(labels(await run(`${HEAD}costCentre: |\n`)), ['CC-100', 'CC-200']);
  });

  describe('ids from the workspace', () => {
    const portfolio = getLanguageService();
    const contract = ['people.yaml', 'finance-transformation.programme.yaml', 'fin-erp-upgrade.charter.yaml', 'portfolio.yaml'];
    before(() => {
      for (const name of contract) {
        const text = readFileSync(join(__dirname, '..', 'fixtures', 'contract', name), 'utf8');
        portfolio.workspace.setFile(portfolio.parse(`file:///workspace/${name}`, text, 1), name);
      }
    });
    const run = async (marked: string) => {
      const { text, line, character } = withCaret(marked);
      const file = portfolio.parse('file:///workspace/new.charter.yaml', text, 1);
      return (await portfolio.doComplete(file, { line, character }, { relativePath: 'new.charter.yaml', settings: defaultSettings() })).items;
    };
    const references = (items: CompletionItem[]) => items.filter((i) => i.kind === 'reference');

    it('offers people handles with their names for a person field', async () => {
      const items = references(await run(`${HEAD}sponsor: |\n`));
      assert.deepEqual(labels(items), ['jane.doe', 'li.wei', 'raj.patel']);
      assert.equal(items[0].detail, 'Jane Doe');
      assert.deepEqual(labels(references(await run(`${HEAD}risks:\n  - id: r\n    owner: |\n`))), ['jane.doe', 'li.wei', 'raj.patel']);
    });

    it('offers project ids in dependencies, programme ids and strategic objective ids', async () => {
      const deps = references(await run(`${HEAD}dependencies:\n  - project: |\n`));
      assert.deepEqual(labels(deps), ['fin-erp-upgrade']);
      assert.match(deps[0].documentation!, /\*\*ERP upgrade\*\* `fin-erp-upgrade`/);
      assert.deepEqual(labels(references(await run(`${HEAD}programme: |\n`))), ['finance-transformation']);
      assert.deepEqual(labels(references(await run(`${HEAD}objectives:\n  - id: o\n    strategicObjective: |\n`))), ['so-cost']);
    });

    it('never offers schema example ids as if they existed: only the workspace ids', async () => {
      const other = getLanguageService();
      other.workspace.setFile(other.parse('file:///workspace/people.yaml', 'apiVersion: charter/v1\nkind: People\npeople:\n  - { id: ana.lima, name: Ana Lima }\n', 1), 'people.yaml');
      const complete = async (marked: string) => {
        const { text, line, character } = withCaret(marked);
        const file = other.parse('file:///workspace/new.charter.yaml', text, 1);
        return labels((await other.doComplete(file, { line, character }, { relativePath: 'new.charter.yaml', settings: defaultSettings() })).items);
      };
      assert.deepEqual(await complete(`${HEAD}sponsor: |\n`), ['ana.lima']);
      assert.deepEqual(await complete(`${HEAD}manager: |\n`), ['ana.lima']);
      assert.deepEqual(await complete(`${HEAD}dependencies:\n  - project: |\n`), []);
      assert.deepEqual(await complete(`${HEAD}programme: |\n`), []);
      assert.deepEqual(await complete(`${HEAD}id: |\n`), []);
      assert.deepEqual(await complete(`${HEAD}milestones:\n  - id: |\n`), []);
    });

    it('does not offer existing ids where a new one is defined', async () => {
      assert.deepEqual(references(await run(`${HEAD}id: |\n`)), []);
    });
  });

  // Issue 11, item 8: both answered the editor with an internal error.
  it('completes with the caret inside a line\'s indentation, as in dc-identity line 15 column 4', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', 'projects', 'dc-identity.charter.yaml'), 'utf8');
    const uri = 'file:///workspace/projects/dc-identity.charter.yaml';
    const file = svc.parse(uri, text, 1);
    const result = await svc.doComplete(file, { line: 14, character: 3 }, { relativePath: 'projects/dc-identity.charter.yaml', settings: defaultSettings() });
    for (const item of result.items) assert.doesNotMatch(item.insertText, /undefined/);
    assert.ok(result.items.every((item) => item.range.start.line === 14));
  });

  it('completes in a file holding only an open flow mapping', async () => {
    assert.deepEqual(await complete('{a: |'), []);
    assert.deepEqual(await complete('[|'), []);
  });
});
