import { strict as assert } from 'node:assert';
import { applyEdits, check, PROJECT } from '../harness';

const RULE = 'status/red-needs-recovery';
const RED = PROJECT.replace('rag: amber', 'rag: red').replace('  recoveryPlan: Run onboarding and migration in parallel.\n', '');

describe('status/red-needs-recovery', () => {
  it('fires on the rag value of a red report without a recovery plan', async () => {
    const { findings, underlined } = await check(RULE, RED);
    assert.deepEqual(underlined, ['red']);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].message, 'The status is red but there is no recovery plan. Add statusReport.recoveryPlan: what will be done to get back on track, by when, and who decides.');
  });

  it('adds a recovery-plan block after the last key of the status report, in its indentation', async () => {
    const text = RED.replace('  commentary: Vendor contract signed two weeks late.\n', '  commentary: >-\n    Vendor contract signed\n    two weeks late.   # see minutes\n\n# the end\n');
    const { findings, uri } = await check(RULE, text);
    const fix = findings[0].fixes![0];
    assert.equal(fix.title, 'Add a recovery plan (a placeholder to fill in)');
    assert.equal(fix.safe, false, 'a placeholder plan is a suggestion, never applied by fix-all or --fix');
    const fixed = applyEdits(text, fix.edits[uri]);
    assert.ok(fixed.endsWith('    two weeks late.   # see minutes\n  recoveryPlan: "<How the project gets back on track, by when, and who decides>"\n\n# the end\n'), fixed);
    assert.deepEqual((await check(RULE, fixed)).findings, []);
    // The placeholder keeps asking for the real plan.
    assert.deepEqual((await check('text/no-placeholders', fixed)).underlined, ['"<How the project gets back on track, by when, and who decides>"']);
  });

  it('adds the plan inside a flow mapping', async () => {
    const text = RED.replace(/statusReport:\n(.*\n)*$/, 'statusReport: { asOf: 2027-04-30, rag: red }\n');
    const { findings, uri } = await check(RULE, text);
    const fixed = applyEdits(text, findings[0].fixes![0].edits[uri]);
    assert.ok(fixed.endsWith('statusReport: { asOf: 2027-04-30, rag: red, recoveryPlan: "<How the project gets back on track, by when, and who decides>" }\n'), fixed);
  });

  it('treats an empty recovery plan as none, without a fix that would duplicate the key', async () => {
    const { findings } = await check(RULE, RED.replace('  commentary:', '  recoveryPlan: ""\n  commentary:'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fixes, undefined);
  });

  it('is quiet for amber and green, with a plan, and without a status report', async () => {
    assert.deepEqual((await check(RULE, PROJECT)).findings, []);
    assert.deepEqual((await check(RULE, PROJECT.replace('rag: amber', 'rag: red'))).findings, []);
    assert.deepEqual((await check(RULE, RED.replace(/statusReport:\n(.*\n)*$/, ''))).findings, []);
  });

  it('asks nothing of a closed, cancelled or proposed project: a finished red report is history', async () => {
    for (const status of ['closed', 'cancelled', 'proposed']) assert.deepEqual((await check(RULE, RED.replace('status: active', `status: ${status}`))).findings, [], status);
    for (const status of ['approved', 'on-hold']) assert.equal((await check(RULE, RED.replace('status: active', `status: ${status}`))).findings.length, 1, status);
  });

  it('can be turned off with charter.rules', async () => {
    assert.deepEqual((await check(RULE, RED, { settings: { rules: { [RULE]: 'off' } } })).findings, []);
  });
});
