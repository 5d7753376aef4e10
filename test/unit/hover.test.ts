import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../server/src/engine/languageService';
import type { HoverResult } from '../../server/src/engine/services/hover';
import { normaliseSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const svc = getLanguageService();

/** Strips the caret marker `|` and returns the text and the caret's position. */
function withCaret(marked: string): { text: string; line: number; character: number } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, line: before.length - 1, character: before[before.length - 1].length };
}
const HEAD = 'apiVersion: charter/v1\nkind: Project\n';

async function hover(marked: string, options: { findings?: boolean; path?: string } = {}): Promise<HoverResult | undefined> {
  const { text, line, character } = withCaret(marked);
  const path = options.path ?? 'x.charter.yaml';
  const uri = `file:///workspace/${path}`;
  svc.forget(uri);
  const file = svc.parse(uri, text, 1);
  const context = { relativePath: path, settings: normaliseSettings({ asOf: '2027-02-01' }) };
  const findings: Finding[] | undefined = options.findings ? await svc.validate(file, context) : undefined;
  return svc.doHover(file, { line, character }, context, { findings, docsHref: (d) => `https://docs.example/${d}` });
}

describe('hover', () => {
  it('shows the title and description of a key', async () => {
    const result = await hover(`${HEAD}sta|tus: active\n`);
    assert.ok(result);
    assert.match(result.contents, /^\*\*Status\*\* `status`/);
    assert.match(result.contents, /An `active` project needs its approvals/);
    assert.deepEqual(result.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
  });

  it('explains the change log and a kind of change', async () => {
    const log = await hover(`${HEAD}chan|ges:\n  - { id: cr-1, kind: budget }\n`);
    assert.match(log!.contents, /^\*\*Change log\*\* `changes`\n\nThe change requests against the approved baseline/);
    const kind = await hover(`${HEAD}changes:\n  - { id: cr-1, kind: [budget, sched|ule] }\n`);
    assert.match(kind!.contents, /`schedule`: The start or end date\./);
  });

  it('on an enum value, explains that value and lists the allowed ones', async () => {
    const result = await hover(`${HEAD}status: act|ive\n`);
    assert.ok(result);
    assert.match(result.contents, /`active`: Work is under way\./);
    assert.match(result.contents, /Allowed values:\n- `proposed`: Put forward; not yet approved\./);
  });

  it('shows examples of a free-text field, from the property before its $ref', async () => {
    const result = await hover(`${HEAD}budget:\n  currency: EUR\n  appr|oved: 10\n`);
    assert.ok(result);
    assert.match(result.contents, /\*\*Approved budget\*\*/);
    assert.match(result.contents, /Examples: `850000`/);
  });

  it('describes list items and their fields', async () => {
    const result = await hover(`${HEAD}milestones:\n  - id: m1\n    da|te: 2027-03-01\n`);
    assert.ok(result);
    assert.match(result.contents, /\*\*Date\*\* `date`/);
    assert.match(result.contents, /within the schedule/);
  });

  it('shows the finding under the caret with its docs link', async () => {
    const result = await hover(`${HEAD}status: actve|\n`, { findings: true });
    assert.ok(result);
    assert.match(result.contents, /\*\*error\*\* `schema\/enum`: status must be one of .*Did you mean "active"\?/);
    assert.match(result.contents, /\(\[docs\]\(https:\/\/docs\.example\/docs\/rules\/schema\.md\)\)/);
  });

  it('says nothing on a blank line or in a comment', async () => {
    assert.equal(await hover(`${HEAD}# a comm|ent\n`), undefined);
    assert.equal(await hover(`${HEAD}\n|\n`), undefined);
  });

  describe('on ids', () => {
    const portfolio = getLanguageService();
    before(() => {
      for (const name of ['people.yaml', 'finance-transformation.programme.yaml', 'fin-erp-upgrade.charter.yaml', 'fin-invoice-automation.charter.yaml']) {
        const text = readFileSync(join(__dirname, '..', 'fixtures', 'contract', name), 'utf8');
        portfolio.workspace.setFile(portfolio.parse(`file:///workspace/${name}`, text, 1), name);
      }
    });
    const run = async (marked: string, path = 'new.charter.yaml') => {
      const { text, line, character } = withCaret(marked);
      const file = portfolio.parse(`file:///workspace/${path}`, text, 1);
      return (await portfolio.doHover(file, { line, character }, { relativePath: path, settings: normaliseSettings({}) }))?.contents ?? '';
    };

    it('shows the referenced project\'s card: title, status, manager, dates, file', async () => {
      const contents = await run(`${HEAD}dependencies:\n  - project: fin-erp|-upgrade\n`);
      assert.match(contents, /\*\*ERP upgrade\*\* `fin-erp-upgrade` \(Project\)/);
      assert.match(contents, /status \*\*active\*\* · .*manager `li\.wei` · 2026-\d\d-\d\d → 2027-\d\d-\d\d/);
      assert.match(contents, /\[fin-erp-upgrade\.charter\.yaml\]\(file:\/\/\/workspace\/fin-erp-upgrade\.charter\.yaml\)/);
    });

    it('shows a person\'s card, and says when nobody has the id', async () => {
      assert.match(await run(`${HEAD}sponsor: jane|.doe\n`), /\*\*Jane Doe\*\* `jane\.doe` \(Person\)\n\ncapacity 100%/);
      assert.match(await run(`${HEAD}sponsor: nob|ody\n`), /No person in the workspace has the id `nobody`\./);
    });

    it('on a definition, counts the references to it', async () => {
      const text = readFileSync(join(__dirname, '..', 'fixtures', 'contract', 'fin-erp-upgrade.charter.yaml'), 'utf8').replace('id: fin-erp-upgrade', 'id: fin-erp-up|grade');
      assert.match(await run(text, 'fin-erp-upgrade.charter.yaml'), /Referred to once in the workspace\./);
    });
  });
});
