import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { noPlaceholders } from '../../server/src/engine/rules/text/noPlaceholders';
import { PORTFOLIO_RULES } from '../../server/src/engine/rules/index';
import { getLanguageService } from '../../server/src/engine/languageService';
import { defaultSettings } from '../../server/src/engine/settings';
import { RULE_FAILED } from '../../server/src/engine/rules/ruleFailure';
import { REPO, VALID_PROJECT } from '../support/engine';

/** Makes one real rule throw for the duration of `run`: a bug in one rule, as a user would meet it. */
async function withBrokenRule<T>(rule: { check: (...args: never[]) => void }, run: () => Promise<T>): Promise<T> {
  const original = rule.check;
  rule.check = () => {
    throw new TypeError("Cannot read properties of undefined (reading 'owner')\n    at check (rule.ts:1:1)");
  };
  try {
    return await run();
  } finally {
    rule.check = original;
  }
}

// Issue 11, item 7: rules ran unguarded, so one throwing rule ended the session.
describe('ruleFailure: a rule that throws', () => {
  it('becomes one internal/rule-failed finding naming the rule, and every other rule still runs', async () => {
    const svc = getLanguageService();
    const file = svc.parse('file:///w/x.charter.yaml', VALID_PROJECT.replace('title: Invoice automation', 'title: TBD'), 1);
    const findings = await withBrokenRule(noPlaceholders, () => svc.validate(file, { relativePath: 'x.charter.yaml', settings: defaultSettings() }));
    const failed = findings.filter((f) => f.rule === RULE_FAILED);
    assert.equal(failed.length, 1);
    assert.equal(failed[0].severity, 'warning');
    assert.equal(failed[0].docs, 'docs/rules/internal/rule-failed.md');
    assert.match(failed[0].message, /check text\/no-placeholders failed on this file \(TypeError: Cannot read properties of undefined \(reading 'owner'\)\)/);
    assert.match(failed[0].message, /please report it/);
    assert.doesNotMatch(failed[0].message, /rule\.ts:1:1/, 'one line of cause, no stack');
    assert.ok(!findings.some((f) => f.rule === 'text/no-placeholders'));
    // Once the rule works again, the same file gets its real finding.
    const again = await svc.validate(svc.parse('file:///w/x.charter.yaml', file.text, 2), { relativePath: 'x.charter.yaml', settings: defaultSettings() });
    assert.deepEqual(again.map((f) => f.rule), ['text/no-placeholders']);
  });

  it('is isolated per portfolio rule too: the file is still checked and the other files are unaffected', async () => {
    const svc = getLanguageService();
    const a = svc.parse('file:///w/a.charter.yaml', VALID_PROJECT, 1);
    svc.workspace.setFile(a, 'a.charter.yaml');
    const rule = PORTFOLIO_RULES.find((r) => r.kinds.includes('Project'))!;
    const findings = await withBrokenRule(rule as unknown as { check: () => void }, () => svc.validate(a, { relativePath: 'a.charter.yaml', settings: defaultSettings() }));
    assert.deepEqual(findings.map((f) => f.rule), [RULE_FAILED]);
    assert.match(findings[0].message, new RegExp(`check ${rule.id.replace('/', '\\/')} failed`));
  });

  it('is isolated per file while the workspace is indexed: a file whose facts cannot be read gets the finding, the others are indexed and checked', async () => {
    const svc = getLanguageService();
    const settings = defaultSettings();
    const a = svc.parse('file:///w/a.charter.yaml', VALID_PROJECT, 1);
    const broken = svc.parse('file:///w/broken.charter.yaml', `note: not a charter\n---\n${VALID_PROJECT.replace('fin-invoice-automation', 'fin-broken')}`, 1);
    const c = svc.parse('file:///w/c.charter.yaml', VALID_PROJECT, 1);
    // A bug while reading one document's facts, as a user would meet it: the value throws when read.
    Object.defineProperty(broken.documents[1].value as object, 'dependencies', {
      get() {
        throw new TypeError("Cannot read properties of undefined (reading 'project')\n    at projectFacts (charterFacts.ts:1:1)");
      },
    });
    // The CLI and the server index every file of the workspace in turn: none may stop the others.
    for (const [file, path] of [[a, 'a.charter.yaml'], [broken, 'broken.charter.yaml'], [c, 'c.charter.yaml']] as const) {
      assert.doesNotThrow(() => svc.workspace.setFile(file, path));
    }
    assert.ok(svc.workspace.has(broken.uri));
    // The files after the broken one are in the portfolio: a and c share an id, and both are told so.
    for (const [file, path] of [[a, 'a.charter.yaml'], [c, 'c.charter.yaml']] as const) {
      const findings = await svc.validate(file, { relativePath: path, settings });
      assert.deepEqual(findings.map((f) => f.rule), ['portfolio/unique-id'], path);
    }
    const findings = await svc.validate(broken, { relativePath: 'broken.charter.yaml', settings });
    const failed = findings.filter((f) => f.rule === RULE_FAILED && f.message.includes('workspace index'));
    assert.equal(failed.length, 1);
    assert.match(failed[0].message, /check workspace index failed on this file \(TypeError: Cannot read properties of undefined \(reading 'project'\)\)/);
    assert.equal(failed[0].range.start.line, 2, 'on the document that failed');
  });

  it('has its docs page', () => {
    assert.ok(existsSync(join(REPO, 'docs', 'rules', 'internal', 'rule-failed.md')));
  });
});
