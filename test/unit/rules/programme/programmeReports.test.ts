import { strict as assert } from 'node:assert';
import { applyEdits, check } from '../harness';

const PROGRAMME = `apiVersion: charter/v1
kind: Programme
id: finance
title: Finance
owner: jane.doe
statusReport:
  asOf: 2027-05-01
  rag: red
  commentary: Two projects late.
`;
const FILE = 'programmes/finance.programme.yaml';

describe('programme/red-needs-recovery', () => {
  const RULE = 'programme/red-needs-recovery';
  it('fires on the rag of a red programme without a recovery plan, with a fix that adds one', async () => {
    const { findings, underlined, uri } = await check(RULE, { [FILE]: PROGRAMME });
    assert.deepEqual(underlined, ['red']);
    assert.equal(findings[0].severity, 'error');
    const fixed = applyEdits(PROGRAMME, findings[0].fixes![0].edits[uri]);
    assert.ok(fixed.endsWith('  recoveryPlan: "<How the project gets back on track, by when, and who decides>"\n'), fixed);
  });

  it('is quiet for amber, with a plan, and for a closed programme', async () => {
    assert.deepEqual((await check(RULE, { [FILE]: PROGRAMME.replace('rag: red', 'rag: amber') })).findings, []);
    assert.deepEqual((await check(RULE, { [FILE]: `${PROGRAMME}  recoveryPlan: Re-plan by June.\n` })).findings, []);
    assert.deepEqual((await check(RULE, { [FILE]: PROGRAMME.replace('owner: jane.doe', 'owner: jane.doe\nstatus: closed') })).findings, []);
  });
});

describe('programme/stale-report', () => {
  const RULE = 'programme/stale-report';
  it('fires on the asOf of a programme report older than the cadence', async () => {
    const { findings, underlined } = await check(RULE, { [FILE]: PROGRAMME.replace('asOf: 2027-05-01', 'asOf: 2027-04-13') });
    assert.deepEqual(underlined, ['2027-04-13']);
    assert.equal(findings[0].message, "The programme's status report is 32 days old (as of 2027-04-13, today is 2027-05-15); the policy asks for one at least every 31 days. Write a new status report.");
  });

  it('accepts a report exactly one cadence old (boundary)', async () => {
    assert.deepEqual((await check(RULE, { [FILE]: PROGRAMME.replace('asOf: 2027-05-01', 'asOf: 2027-04-14') })).findings, []);
  });
});
