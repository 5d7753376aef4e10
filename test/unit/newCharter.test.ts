import * as assert from 'node:assert/strict';
import { charterSkeleton, validateProjectId } from '../../server/src/engine/services/newCharter';
import { findingsFor, underlined } from '../support/engine';

describe('portfolio: new charter skeleton', () => {
  it('checks clean except for the placeholders only the user can fill in', async () => {
    const text = charterSkeleton({ id: 'fin-new-thing', title: 'New thing: phase 2', programme: 'finance-transformation' }, '2026-12-01');
    const findings = await findingsFor(text, { path: 'projects/fin-new-thing.charter.yaml', settings: { asOf: '2026-12-01' } });
    assert.ok(findings.length > 0);
    // Every finding is on a <placeholder>: the sponsor and manager handles, the purpose, the objective.
    for (const f of findings) assert.match(underlined(text, f), /^<[^>]+>$/, `${f.rule}: ${f.message}`);
    assert.ok(findings.some((f) => f.rule === 'text/no-placeholders'));
    assert.match(text, /^title: "New thing: phase 2"$/m);
    assert.match(text, /^programme: finance-transformation$/m);
    assert.match(text, /^ {2}start: 2026-12-01\n {2}end: 2027-12-01$/m);
  });

  it('writes no made-up numbers that would satisfy the rules: baseline, target and budget are placeholders the checks point at', async () => {
    const text = charterSkeleton({ id: 'fin-new-thing', title: 'New thing' }, '2026-12-01');
    assert.doesNotMatch(text, /baseline: 0|target: 1\b|approved: 0/);
    const findings = await findingsFor(text, { path: 'projects/fin-new-thing.charter.yaml', settings: { asOf: '2026-12-01' } });
    const flagged = new Set(findings.map((f) => underlined(text, f)));
    for (const placeholder of ['<where it stands today>', '<where it should be>', '<approved amount>']) assert.ok(flagged.has(placeholder), placeholder);
  });

  it('leaves the programme out when there is none, and keeps a leap day valid', () => {
    const text = charterSkeleton({ id: 'x', title: 'X' }, '2028-02-29');
    assert.doesNotMatch(text, /programme:/);
    assert.match(text, /end: 2029-02-28/);
  });

  it('accepts ids of lower-case words joined by hyphens', () => {
    assert.equal(validateProjectId('fin-invoice-automation'), undefined);
    assert.ok(validateProjectId('Fin Invoice'));
    assert.ok(validateProjectId('fin--x'));
    assert.ok(validateProjectId(''));
  });
});
