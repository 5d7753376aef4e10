import { strict as assert } from 'node:assert';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { disableNextLineEdit, readSuppressionComments } from '../../server/src/engine/suppressions';
import { applyEdits, check, PROJECT } from './rules/harness';

const STALE = PROJECT.replace('asOf: 2027-04-30', 'asOf: 2027-03-01');
const rules = (findings: Array<{ rule: string }>) => findings.map((f) => f.rule);

describe('suppressions', () => {
  describe('# charter-disable-next-line', () => {
    it('silences the named rule on the next line, and says nothing else when a reason is given', async () => {
      assert.deepEqual(rules((await check('*', STALE)).findings), ['status/stale-report']);
      const text = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line status/stale-report -- reporting moved to the board\n  asOf: 2027-03-01');
      assert.deepEqual((await check('*', text)).findings, []);
    });

    it('skips comment lines, so directives stack; takes several rules and area/*', async () => {
      const text = STALE.replace(
        '  asOf: 2027-03-01',
        '  # charter-disable-next-line schedule/*, text/no-placeholders -- not this one\n  # charter-disable-next-line status/stale-report -- moved to the board\n  # a note\n  asOf: 2027-03-01',
      );
      assert.deepEqual((await check('*', text)).findings, []);
      const area = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line status/* -- moved\n  asOf: 2027-03-01');
      assert.deepEqual((await check('*', area)).findings, []);
    });

    it('does not silence other rules or other lines', async () => {
      const other = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line status/red-needs-recovery -- no\n  asOf: 2027-03-01');
      assert.deepEqual(rules((await check('*', other)).findings), ['status/stale-report']);
      const early = STALE.replace('statusReport:\n', '# charter-disable-next-line status/stale-report -- wrong line\nstatusReport:\n');
      assert.deepEqual(rules((await check('*', early)).findings), ['status/stale-report']);
    });

    it('applies to schema findings too', async () => {
      const text = PROJECT.replace('status: active', '# charter-disable-next-line schema/enum -- migrating to the new status list\nstatus: actve');
      assert.deepEqual(rules((await check('*', text)).findings), []);
    });

    it('warns about a missing (or placeholder) reason on the comment, and still applies', async () => {
      const text = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line status/stale-report\n  asOf: 2027-03-01');
      const { findings, underlined } = await check('*', text);
      assert.deepEqual(rules(findings), ['suppression/missing-reason']);
      assert.deepEqual(underlined, ['# charter-disable-next-line status/stale-report']);
      assert.equal(findings[0].severity, 'warning');
      assert.equal(findings[0].docs, 'docs/rules/suppression/missing-reason.md');
      assert.equal(
        findings[0].message,
        'This suppression of status/stale-report gives no reason. Say why after "--", so reviewers can judge it: # charter-disable-next-line status/stale-report -- <reason>.',
      );
      const placeholder = text.replace('status/stale-report\n', 'status/stale-report -- <reason>\n');
      assert.deepEqual(rules((await check('*', placeholder)).findings), ['suppression/missing-reason']);
    });

    it('reports a directive without a rule, which silences nothing', async () => {
      const text = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line -- because\n  asOf: 2027-03-01');
      assert.deepEqual(rules((await check('*', text)).findings), ['status/stale-report', 'suppression/missing-rule']);
    });

    it('ignores directive-like lines inside a multi-line text', () => {
      const file = parseCharterFile('file:///x.charter.yaml', 'purpose: |\n  # charter-disable-next-line status/stale-report -- no\n  text\n# charter-disable text/no-placeholders -- yes\n');
      assert.deepEqual(readSuppressionComments(file).map((c) => [c.scope, c.rules, c.line]), [['file', ['text/no-placeholders'], 3]]);
    });

    it('writes the disable comment a quick-fix inserts, indented like the line it silences', async () => {
      const { findings, text, uri } = await check('*', STALE);
      const edit = disableNextLineEdit(parseCharterFile(uri, text), findings[0]);
      const fixed = applyEdits(text, [edit]);
      assert.ok(fixed.includes('  # charter-disable-next-line status/stale-report -- <reason>\n  asOf: 2027-03-01'));
      assert.deepEqual(rules((await check('*', fixed)).findings), ['suppression/missing-reason']);
    });
  });

  describe('# charter-disable (file)', () => {
    it('silences a rule anywhere in the file', async () => {
      const text = `# charter-disable status/stale-report, budget/contingency-band -- pilot project\n${STALE.replace('contingency: 60000', 'contingency: 1')}`;
      assert.deepEqual((await check('*', text)).findings, []);
    });

    it('cannot silence findings about suppressions and waivers', async () => {
      const text = `# charter-disable * -- everything\n# charter-disable status/stale-report\n${STALE}`;
      assert.deepEqual(rules((await check('*', text)).findings), ['suppression/missing-reason']);
    });

    it('leaves charter.rules the last word on suppression findings', async () => {
      const text = `# charter-disable status/stale-report\n${STALE}`;
      assert.deepEqual((await check('*', text, { settings: { rules: { 'suppression/missing-reason': 'off' } } })).findings, []);
    });
  });

  describe('rule names', () => {
    it('report a comment naming a rule or area that does not exist, and accepts schema keywords', async () => {
      const text = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line status/stale-report, shedule/*, text/no-placeholder, schema/pattern -- moved\n  asOf: 2027-03-01');
      const { findings } = await check('*', text);
      assert.deepEqual(rules(findings), ['suppression/unknown-rule', 'suppression/unknown-rule']);
      assert.equal(findings[0].message, 'No rule is called "shedule/*", so this comment silences nothing for it. Did you mean "schedule/*"?');
      assert.match(findings[1].message, /"text\/no-placeholder".*Did you mean "text\/no-placeholders"\?/);
      const made = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line status/stale-report, madeup/rule -- moved\n  asOf: 2027-03-01');
      assert.match((await check('*', made)).findings[0].message, /^No rule is called "madeup\/rule", so this comment silences nothing for it\. Use the rule id/);
    });
  });

  describe('waivers', () => {
    const waiver = (fields: string) => `waivers:\n  - { ${fields} }\n`;
    const FULL = 'rule: status/stale-report, reason: Board reporting, approver: jane.doe, expires: 2027-06-30';

    it('silence their rule in the charter until they expire (the expiry day included)', async () => {
      assert.deepEqual((await check('*', STALE + waiver(FULL))).findings, []);
      assert.deepEqual((await check('*', STALE + waiver(FULL.replace('2027-06-30', '2027-05-15')))).findings, []);
    });

    it('report an expired waiver on its expiry date, and the rule applies again', async () => {
      const { findings, underlined } = await check('*', STALE + waiver(FULL.replace('2027-06-30', '2027-05-14')));
      assert.deepEqual(rules(findings), ['status/stale-report', 'waiver/expired']);
      assert.equal(underlined[1], '2027-05-14');
      assert.equal(findings[1].message, 'This waiver of status/stale-report expired on 2027-05-14 (today is 2027-05-15), so status/stale-report applies again. Renew it with jane.doe, or fix what it covered and remove it.');
    });

    it('do not apply while incomplete, and say what is missing', async () => {
      const { findings } = await check('*', STALE + waiver('rule: status/stale-report, reason: Board reporting'));
      assert.deepEqual(rules(findings), ['status/stale-report', 'waiver/incomplete']);
      assert.match(findings[1].message, /is missing approver, expires, so it does not apply/);
    });

    it('cover only their own document of a multi-document file', async () => {
      const text = `${STALE}${waiver(FULL)}---\n${STALE.replace('id: fin-invoice', 'id: fin-other').replace(/allocations:\n.*\n/, '')}`;
      const { findings } = await check('*', text);
      assert.deepEqual(rules(findings), ['status/stale-report']);
      assert.ok(findings[0].range.start.line > STALE.split('\n').length);
    });

    it('report a waiver of a rule that does not exist, with the nearest id, and it waives nothing', async () => {
      const { findings, underlined } = await check('*', STALE + waiver(FULL.replace('status/stale-report', 'status/stale-reports')));
      assert.deepEqual(rules(findings), ['status/stale-report', 'waiver/unknown-rule']);
      assert.equal(underlined[1], 'status/stale-reports');
      assert.equal(findings[1].message, 'No rule is called "status/stale-reports", so this waiver waives nothing. Did you mean "status/stale-report"?');
    });

    it('waive cross-file findings located in the charter', async () => {
      const text = PROJECT + 'dependencies:\n  - { project: nowhere }\n';
      assert.deepEqual(rules((await check('*', text)).findings), ['portfolio/unknown-reference']);
      const waived = text + waiver('rule: portfolio/unknown-reference, reason: Project file arrives next week, approver: jane.doe, expires: 2027-06-01');
      assert.deepEqual((await check('*', waived)).findings, []);
    });
  });

  describe('protected rules (policy.protectedRules)', () => {
    const PROTECT = (rules: string[]) => ({ settings: { policy: { protectedRules: rules } } });
    const COMMENTED = STALE.replace('  asOf: 2027-03-01', '  # charter-disable-next-line status/stale-report -- reporting moved to the board\n  asOf: 2027-03-01');

    it('cannot be silenced by a comment: the finding stays and the comment is reported', async () => {
      for (const protectedRules of [['status/stale-report'], ['status/*']]) {
        const { findings, underlined } = await check('*', COMMENTED, PROTECT(protectedRules));
        assert.deepEqual(rules(findings), ['status/stale-report', 'suppression/protected-rule'], protectedRules.join());
        assert.equal(underlined[1], '# charter-disable-next-line status/stale-report -- reporting moved to the board');
        assert.equal(findings[1].severity, 'error');
        assert.equal(
          findings[1].message,
          'status/stale-report is protected by the portfolio policy (protectedRules): a comment cannot silence it. Fix the finding, or record a waiver in waivers: (rule, reason, approver, expires) approved by the sponsor or the PMO.',
        );
      }
    });

    it('also holds against a file-level comment', async () => {
      const text = `# charter-disable status/stale-report -- board reporting\n${STALE}`;
      assert.deepEqual(rules((await check('*', text, PROTECT(['status/stale-report']))).findings), ['status/stale-report', 'suppression/protected-rule']);
    });

    it('leaves other rules silenceable, and a comment that silences nothing protected unreported', async () => {
      assert.deepEqual((await check('*', COMMENTED, PROTECT(['budget/*']))).findings, []);
      const nothingThere = PROJECT.replace('  asOf: 2027-04-30', '  # charter-disable-next-line status/stale-report -- just in case\n  asOf: 2027-04-30');
      assert.deepEqual((await check('*', nothingThere, PROTECT(['status/stale-report']))).findings, []);
    });

    it('can still be waived', async () => {
      const waived = `${STALE}waivers:\n  - { rule: status/stale-report, reason: Board reporting, approver: jane.doe, expires: 2027-06-30 }\n`;
      assert.deepEqual((await check('*', waived, PROTECT(['status/stale-report']))).findings, []);
    });
  });
});
