// Small charters the suites write into the workspace copy. Each holds only what its test needs;
// the dates lie far in the future so no date rule fires whatever day the suite runs.

/** A Project with two deliberate mistakes: a misspelt status value and a misspelt key. */
export const CHARTER_WITH_MISTAKES = [
  'apiVersion: charter/v1',       // 0
  'kind: Project',                // 1
  'id: e2e-fixture',              // 2
  'title: End-to-end fixture',    // 3
  'status: actve',                // 4  schema/enum on "actve"
  'sponser: e2e.sponsor',         // 5  schema/additionalProperties on "sponser" (and sponsor missing)
  'manager: e2e.manager',         // 6
  'schedule:',                    // 7
  '  start: 2031-01-06',          // 8
  '  end: 2031-12-19',            // 9
  'budget:',                      // 10
  '  currency: EUR',              // 11
  '  approved: 100000',           // 12
  '',
].join('\n');

/** A Project with no schema finding; tests break and repair it. */
export const VALID_CHARTER = [
  'apiVersion: charter/v1',
  'kind: Project',
  'id: e2e-valid',
  'title: End-to-end valid fixture',
  'status: proposed',
  'sponsor: e2e.sponsor',
  'manager: e2e.manager',
  'schedule:',
  '  start: 2031-01-06',
  '  end: 2031-12-19',
  'budget:',
  '  currency: EUR',
  '  approved: 100000',
  '',
].join('\n');

/** A Project missing a top-level required property (manager) and a nested one (schedule.end). */
export const CHARTER_MISSING_REQUIRED = VALID_CHARTER
  .replace('id: e2e-valid', 'id: e2e-missing')
  .replace('manager: e2e.manager\n', '')
  .replace('  end: 2031-12-19\n', '');
