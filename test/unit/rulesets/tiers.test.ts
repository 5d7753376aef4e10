import { strict as assert } from 'node:assert';
import { documentTier } from '../../../server/src/engine/rulesets/rulesetRunner';
import { readTiers, type Tier } from '../../../server/src/engine/rulesets/tiers';
import { contextFor } from './helpers';

const POLICY = {
  baseCurrency: 'EUR',
  fxRates: { GBP: 1.17 },
  tiers: [
    { name: 'major', when: [{ path: '$.budget.approved', function: 'money', options: { above: 5000000, currency: 'EUR' } }, { path: '$.category', function: 'enum', options: { values: ['regulatory'] } }] },
    { name: 'standard' },
  ],
};

function tierOf(project: unknown): string | undefined {
  const read = readTiers(POLICY);
  assert.ok(read.ok);
  const tiers: Tier[] = read.tiers;
  const ctx = contextFor(project, [], { policy: POLICY });
  return documentTier(project, { ...ctx, policyKey: '', tiers });
}

describe('rulesets: tiers', () => {
  it('puts a project in the first tier any of whose conditions holds', () => {
    assert.equal(tierOf({ budget: { currency: 'EUR', approved: 6000000 } }), 'major');
    assert.equal(tierOf({ budget: { currency: 'GBP', approved: 4500000 } }), 'major'); // 5,265,000 EUR
    assert.equal(tierOf({ category: 'regulatory', budget: { currency: 'EUR', approved: 10 } }), 'major');
    assert.equal(tierOf({ budget: { currency: 'EUR', approved: 10 } }), 'standard');
  });

  it('says what is wrong with malformed tiers', () => {
    assert.deepEqual(readTiers({}), { ok: true, tiers: [] });
    assert.deepEqual(readTiers({ tiers: 'major' }), { ok: false, reason: 'policy.tiers is not a list' });
    assert.deepEqual(readTiers({ tiers: [{ when: [] }] }), { ok: false, reason: 'policy.tiers item 1 has no "name"' });
    const unknown = readTiers({ tiers: [{ name: 'x', when: { function: 'nope' } }] });
    assert.ok(!unknown.ok && /"nope" is not a Charter ruleset function/.test(unknown.reason));
  });
});
