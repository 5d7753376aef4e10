// `policy.tiers`: named levels of governance. The first tier whose conditions a document meets is its
// tier (`major` when the approved budget is above 5 M or the category is regulatory); rules and
// templates that name tiers apply only to documents of those tiers.
import { isRecord } from './jsonPath';
import { readChecks } from './rulesetFile';
import type { Check } from './rulesetTypes';
import { fail, succeed, type Result } from '../utils/result';

export interface Tier {
  name: string;
  /** Any one is enough; a tier without conditions matches every document (a catch-all last tier). */
  when: Check[];
}

/** The tiers of a raw policy, or why they cannot be used. */
export function readTiers(rawPolicy: unknown): Result<{ tiers: Tier[] }> {
  const raw = isRecord(rawPolicy) ? rawPolicy.tiers : undefined;
  if (raw === undefined) return succeed({ tiers: [] });
  if (!Array.isArray(raw)) return fail('policy.tiers is not a list');
  const tiers: Tier[] = [];
  for (const [i, t] of raw.entries()) {
    if (!isRecord(t) || typeof t.name !== 'string' || !t.name) return fail(`policy.tiers item ${i + 1} has no "name"`);
    try {
      tiers.push({ name: t.name, when: readChecks(t.when, `policy.tiers ${t.name}, "when"`, 0) });
    } catch (e) {
      // readChecks throws what is wrong with a check; the ruleset reader's one exception, mapped here.
      return fail((e as Error).message);
    }
  }
  return succeed({ tiers });
}

/** The tier a document is in: the first whose condition holds, else none. */
export function tierOf(tiers: Tier[], holds: (check: Check) => boolean): string | undefined {
  return tiers.find((tier) => tier.when.length === 0 || tier.when.some(holds))?.name;
}
