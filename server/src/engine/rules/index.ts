// Every governance rule, in catalogue order: the registry. Adding a rule: write its file (meta, messages,
// options, check), list it here, write its page in docs/rules/<area>/<name>.md, then `npm run docs:rules`
// regenerates the tables of docs/rules/README.md from this list (a test fails while they differ).
import type { RuleId, Severity } from '../types';
import { docsFor } from '../utils/docs';
import { approvalThreshold } from './budget/approvalThreshold';
import { breakdownSums } from './budget/breakdownSums';
import { contingencyBand } from './budget/contingencyBand';
import { singleCurrency } from './budget/singleCurrency';
import { requiredForStatus } from './approvals/requiredForStatus';
import { segregation } from './approvals/segregation';
import { outsideSchedule } from './allocation/outsideSchedule';
import { fxRate } from './budget/fxRate';
import { phasingSums } from './budget/phasingSums';
import { openRisks } from './closure/openRisks';
import { programmeRedNeedsRecovery } from './programme/redNeedsRecovery';
import { programmeStaleReport } from './programme/staleReport';
import { doneInFuture } from './schedule/doneInFuture';
import { pastEnd } from './schedule/pastEnd';
import { futureDated } from './status/futureDated';
import { missingReport } from './status/missingReport';
import { phaseConsistency } from './status/phaseConsistency';
import { exitCriteria } from './closure/exitCriteria';
import { measurable } from './objectives/measurable';
import { overAllocated } from './people/overAllocated';
import { dependencyCycle } from './portfolio/dependencyCycle';
import { dependencyDates } from './portfolio/dependencyDates';
import { dependsOnClosed } from './portfolio/dependsOnClosed';
import { fundingEnvelope } from './portfolio/fundingEnvelope';
import { uniqueId } from './portfolio/uniqueId';
import { unknownReference } from './portfolio/unknownReference';
import { budgetCap } from './programme/budgetCap';
import { ragRollup } from './programme/ragRollup';
import { oneAccountable } from './raci/oneAccountable';
import { owned } from './risks/owned';
import { milestoneInWindow } from './schedule/milestoneInWindow';
import { overdueMilestone } from './schedule/overdueMilestone';
import { phaseLogOrder } from './schedule/phaseLogOrder';
import { startBeforeEnd } from './schedule/startBeforeEnd';
import { phaseInPolicy } from './status/phaseInPolicy';
import { redNeedsRecovery } from './status/redNeedsRecovery';
import { staleReport } from './status/staleReport';
import { noPlaceholders } from './text/noPlaceholders';
import { actualsStale } from './performance/actualsStale';
import { forecastBeyondTolerance } from './performance/forecastBeyondTolerance';
import { cpiBelow, spiBelow } from './performance/ratioBelow';
import { ragInconsistent } from './status/ragInconsistent';
import { approvalThresholdCrossed } from './change/approvalThresholdCrossed';
import { beyondTolerance } from './change/beyondTolerance';
import { historyRewritten } from './change/historyRewritten';
import { statusTransition } from './change/statusTransition';
import { unrecorded } from './change/unrecorded';
import type { ChangeRule, DocumentRule, PortfolioRule, Rule } from './ruleTypes';

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  startBeforeEnd,
  milestoneInWindow,
  phaseLogOrder,
  overdueMilestone,
  redNeedsRecovery,
  staleReport,
  breakdownSums,
  singleCurrency,
  contingencyBand,
  phaseInPolicy,
  approvalThreshold,
  requiredForStatus,
  measurable,
  owned,
  oneAccountable,
  noPlaceholders,
  exitCriteria,
  // Version 0.2: lifecycle, money across currencies, integrity.
  missingReport,
  futureDated,
  pastEnd,
  phaseConsistency,
  openRisks,
  doneInFuture,
  outsideSchedule,
  programmeRedNeedsRecovery,
  programmeStaleReport,
  segregation,
  fxRate,
  phasingSums,
  // Performance against the plan (docs/metrics.md).
  forecastBeyondTolerance,
  cpiBelow,
  spiBelow,
  actualsStale,
  ragInconsistent,
];

export const PORTFOLIO_RULES: readonly PortfolioRule[] = [
  uniqueId,
  unknownReference,
  dependencyCycle,
  dependencyDates,
  overAllocated,
  budgetCap,
  ragRollup,
  fundingEnvelope,
  dependsOnClosed,
];

export const RULES: readonly Rule[] = [...DOCUMENT_RULES, ...PORTFOLIO_RULES];

/** Rules that compare a charter with its base text; they run only when a base is given. */
export const CHANGE_RULES: readonly ChangeRule[] = [unrecorded, beyondTolerance, approvalThresholdCrossed, statusTransition, historyRewritten];

/** What a reviewer tool (SARIF, docs index) needs to know about a rule id. */
export interface RuleDescription {
  id: RuleId;
  severity: Severity;
  summary: string;
  docs: string;
}

/** A rule whose findings another module writes (not a `check()`), declaring its messages all the same. */
export interface MessageRule extends RuleDescription {
  messages: Readonly<Record<string, string>>;
}

/** Findings about suppression comments and waivers (engine/suppressions.ts), with the messages they give. */
export const SUPPRESSION_RULES: readonly MessageRule[] = [
  {
    id: 'suppression/missing-reason',
    severity: 'warning',
    summary: 'A suppression comment says why, after "--".',
    docs: docsFor('suppression/missing-reason'),
    messages: {
      noReason: 'This suppression of {{rules}} gives no reason. Say why after "--", so reviewers can judge it: # {{directive}} {{rules}} -- <reason>.',
    },
  },
  {
    id: 'suppression/missing-rule',
    severity: 'warning',
    summary: 'A suppression comment names the rule it silences.',
    docs: docsFor('suppression/missing-rule'),
    messages: {
      noRule: 'This {{directive}} comment names no rule, so it silences nothing. Name the rule: # {{directive}} <rule-id> -- <reason>.',
    },
  },
  {
    id: 'suppression/protected-rule',
    severity: 'error',
    summary: 'A suppression comment does not try to silence a rule the policy protects; only an approved waiver can.',
    docs: docsFor('suppression/protected-rule'),
    messages: {
      protected: '{{rules}} is protected by the portfolio policy (protectedRules): a comment cannot silence it. Fix the finding, or record a waiver in waivers: (rule, reason, approver, expires) approved by the sponsor or the PMO.',
      protectedSeveral: '{{rules}} are protected by the portfolio policy (protectedRules): a comment cannot silence them. Fix the finding, or record a waiver in waivers: (rule, reason, approver, expires) approved by the sponsor or the PMO.',
    },
  },
  {
    id: 'suppression/unknown-rule',
    severity: 'warning',
    summary: 'A suppression comment names rules that exist.',
    docs: docsFor('suppression/unknown-rule'),
    messages: {
      unknown: 'No rule is called "{{rule}}", so this comment silences nothing for it. Use the rule id shown with the finding (see docs/rules).',
      unknownDidYouMean: 'No rule is called "{{rule}}", so this comment silences nothing for it. Did you mean "{{nearest}}"?',
    },
  },
  {
    id: 'waiver/expired',
    severity: 'warning',
    summary: 'A waiver past its expiry date no longer applies and is renewed or removed.',
    docs: docsFor('waiver/expired'),
    messages: {
      expired: 'This waiver of {{rule}} expired on {{expires}} (today is {{today}}), so {{rule}} applies again. Renew it with {{approver}}, or fix what it covered and remove it.',
    },
  },
  {
    id: 'waiver/unknown-rule',
    severity: 'warning',
    summary: 'A waiver names a rule that exists.',
    docs: docsFor('waiver/unknown-rule'),
    messages: {
      unknown: 'No rule is called "{{rule}}", so this waiver waives nothing. Use the rule id shown with the finding (see docs/rules).',
      unknownDidYouMean: 'No rule is called "{{rule}}", so this waiver waives nothing. Did you mean "{{nearest}}"?',
    },
  },
  {
    id: 'waiver/incomplete',
    severity: 'warning',
    summary: 'A waiver names the rule, the reason, the approver and the expiry date.',
    docs: docsFor('waiver/incomplete'),
    messages: {
      incomplete: 'This waiver is missing {{missing}}, so it does not apply. A waiver names the rule, the reason, who approved it and when it expires.',
      incompleteOfRule: 'This waiver of {{rule}} is missing {{missing}}, so it does not apply. A waiver names the rule, the reason, who approved it and when it expires.',
    },
  },
];

/** Findings about the workspace rather than a charter (settingsCheck.ts, notIncluded.ts). Not in SARIF's rule list. */
export const SETTINGS_RULES: readonly RuleDescription[] = [
  { id: 'settings/unknown-setting', severity: 'warning', summary: 'Every `charter.*` key is a Charter setting.', docs: docsFor('settings/unknown-setting') },
  { id: 'settings/unknown-rule', severity: 'warning', summary: 'Every rule id in `charter.rules` names a rule.', docs: docsFor('settings/unknown-rule') },
  { id: 'settings/invalid-value', severity: 'warning', summary: 'Every Charter setting has a value of the right kind.', docs: docsFor('settings/invalid-value') },
  { id: 'files/not-included', severity: 'info', summary: 'A YAML file that says `apiVersion: charter/v1` is matched by `charter.files.include`.', docs: docsFor('files/not-included') },
];

/** What `charter check --fix` says about a file it could not write (cli/fixWrite.ts). */
export const FIX_RULES: readonly RuleDescription[] = [
  {
    id: 'fix/not-written',
    severity: 'error',
    summary: '`charter check --fix` did not write this file: it changed meanwhile, is read-only or holds bytes that are not UTF-8.',
    docs: docsFor('fix/not-written'),
  },
];

export const CATALOGUE: readonly RuleDescription[] = [...RULES, ...CHANGE_RULES, ...SUPPRESSION_RULES].map(({ id, severity, summary, docs }) => ({ id, severity, summary, docs }));

export function describeRule(id: RuleId): RuleDescription | undefined {
  return CATALOGUE.find((r) => r.id === id);
}
