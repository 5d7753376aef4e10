// The governance thresholds the rules read: the Portfolio document's `policy`, overridden key by key by
// the `charter.policy` setting, with built-in defaults for anything neither says (declared with each
// policy key in policyOptions.ts, the same defaults the portfolio schema's "Default policy" snippet writes out).
import { parseRate, type FxRate } from './fx';
import { PROJECT_STATUSES } from '../model/vocabulary';
import { parseMoney, type Money } from './money';
import { policyDefaults } from './policyOptions';

export interface ApprovalThreshold {
  above: Money;
  role: string;
}

export interface Policy {
  /** The phases a project may be in, in order. */
  phases: string[];
  approvalThresholds: ApprovalThreshold[];
  contingency: { minPercent?: number; maxPercent?: number };
  reportingCadenceDays: number;
  maxAllocationPercent: number;
  /** 1 = January: the fiscal year is the calendar year. */
  fiscalYearStartMonth: number;
  /** Project status -> the statuses it may move to on a branch (change/status-transition). */
  allowedTransitions: Record<string, string[]>;
  /** Tolerances when a charter's `authority` gives none, and who may approve a change beyond them. */
  changeControl: { budgetTolerancePercent: number; scheduleToleranceDays: number; approverRoles: string[] };
  /** `start`: a fiscal year is named by the calendar year it starts in; `end` (US federal): the one it ends in. */
  fiscalYearNaming: 'start' | 'end';
  /** The statuses of a live project (lifecycle.ts): delivery rules, roll-ups and funding count only these. */
  liveStatuses: string[];
  /** The currency thresholds, caps and envelopes are compared in; undefined: each amount's own (one-currency PMO). */
  baseCurrency?: string;
  /** Currency code -> exact rate to the base currency (fx.ts). */
  fxRates: Record<string, FxRate>;
  /** The day the rates were taken. */
  fxAsOf?: string;
  /** Rule ids or `area/*` that suppression comments cannot silence; only a waiver can. */
  protectedRules: string[];
  /** The longest a waiver may run, from its approval (or, without one, from today) to its expiry. */
  maxWaiverDays?: number;
  /** CPI (earned value / actual cost) below this is `performance/cpi-below`; exact, in millionths (0.9 = 900000). */
  cpiThreshold: Money;
  /** SPI (earned value / planned value) below this is `performance/spi-below`; exact, in millionths. */
  spiThreshold: Money;
}

/** The built-in policy: every option's default (policyOptions.ts), read as a `policy` mapping is. */
export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze(resolvePolicy());

type RawPolicy = Record<string, unknown>;

/**
 * The policy in force. `portfolio` is the raw `policy` mapping of the Portfolio document (if any),
 * `setting` the raw `charter.policy` setting. A value of the wrong shape is ignored (the schema reports
 * it), so one typo in `portfolio.yaml` does not switch governance off.
 */
export function resolvePolicy(portfolio?: unknown, setting?: unknown): Policy {
  const layers = [policyDefaults(), asRecord(portfolio), asRecord(setting)].filter((l): l is RawPolicy => !!l);
  // Filled in by the defaults layer; the containers merged key by key start empty.
  const policy = { contingency: {}, allowedTransitions: {}, changeControl: {}, fxRates: {} } as Policy;
  for (const layer of layers) {
    const phases = layer.phases;
    if (Array.isArray(phases) && phases.every((p) => typeof p === 'string' && p.length > 0)) policy.phases = [...phases];
    const thresholds = layer.approvalThresholds;
    if (Array.isArray(thresholds)) {
      policy.approvalThresholds = thresholds.flatMap((t) => {
        const r = asRecord(t);
        const above = parseMoney(r?.above);
        return r && above !== undefined && typeof r.role === 'string' && r.role ? [{ above, role: r.role }] : [];
      });
    }
    const contingency = asRecord(layer.contingency);
    if (contingency) {
      for (const key of ['minPercent', 'maxPercent'] as const) {
        const v = contingency[key];
        if (typeof v === 'number' && v >= 0 && v <= 100) policy.contingency[key] = v;
        else if (v === null) delete policy.contingency[key];
      }
    }
    if (isWhole(layer.reportingCadenceDays, 1)) policy.reportingCadenceDays = layer.reportingCadenceDays as number;
    if (isWhole(layer.maxAllocationPercent, 0)) policy.maxAllocationPercent = layer.maxAllocationPercent as number;
    const transitions = asRecord(layer.allowedTransitions);
    if (transitions) {
      for (const [from, to] of Object.entries(transitions)) {
        if ((PROJECT_STATUSES as readonly string[]).includes(from) && Array.isArray(to) && to.every((t) => typeof t === 'string')) policy.allowedTransitions[from] = [...to];
      }
    }
    const changeControl = asRecord(layer.changeControl);
    if (changeControl) {
      const tolerance = changeControl.budgetTolerancePercent;
      if (typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance >= 0) policy.changeControl.budgetTolerancePercent = tolerance;
      if (isWhole(changeControl.scheduleToleranceDays, 0)) policy.changeControl.scheduleToleranceDays = changeControl.scheduleToleranceDays as number;
      const roles = changeControl.approverRoles;
      if (Array.isArray(roles) && roles.length > 0 && roles.every((r) => typeof r === 'string' && r)) policy.changeControl.approverRoles = [...roles];
    }
    if (isWhole(layer.fiscalYearStartMonth, 1) && (layer.fiscalYearStartMonth as number) <= 12) policy.fiscalYearStartMonth = layer.fiscalYearStartMonth as number;
    if (layer.fiscalYearNaming === 'start' || layer.fiscalYearNaming === 'end') policy.fiscalYearNaming = layer.fiscalYearNaming;
    if (isStringList(layer.liveStatuses)) policy.liveStatuses = [...layer.liveStatuses];
    if (typeof layer.baseCurrency === 'string' && /^[A-Z]{3}$/.test(layer.baseCurrency)) policy.baseCurrency = layer.baseCurrency;
    const rates = asRecord(layer.fxRates);
    if (rates) {
      // A layer that gives rates gives all of them: rates of different days are not mixed.
      policy.fxRates = {};
      if (typeof rates.asOf === 'string') policy.fxAsOf = rates.asOf;
      else delete policy.fxAsOf;
      for (const [code, value] of Object.entries(rates)) {
        const rate = /^[A-Z]{3}$/.test(code) ? parseRate(value) : undefined;
        if (rate !== undefined) policy.fxRates[code] = rate;
      }
    }
    if (isStringList(layer.protectedRules)) policy.protectedRules = [...layer.protectedRules];
    if (isWhole(layer.maxWaiverDays, 1)) policy.maxWaiverDays = layer.maxWaiverDays as number;
    else if (layer.maxWaiverDays === null) delete policy.maxWaiverDays;
    for (const key of ['cpiThreshold', 'spiThreshold'] as const) {
      const threshold = typeof layer[key] === 'number' || typeof layer[key] === 'string' ? parseMoney(layer[key]) : undefined;
      if (threshold !== undefined) policy[key] = threshold;
    }
  }
  return policy;
}

/** A stable text of the policy, to tell whether cached findings were computed under the same one. */
const policyKeys = new WeakMap<Policy, string>();

/** A stable text of a policy; computed once per policy object (policies are never changed once resolved). */
export function policyKey(policy: Policy): string {
  let key = policyKeys.get(policy);
  if (key === undefined) {
    key = JSON.stringify(policy, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    policyKeys.set(policy, key);
  }
  return key;
}

/**
 * The fiscal year a day falls in, named after the calendar year in which that fiscal year starts
 * (`naming: 'start'`) or ends (`'end'`, the US federal convention: October 2026 is in FY 2027).
 */
export function fiscalYearOf(isoDate: string, startMonth: number, naming: 'start' | 'end' = 'start'): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const starting = month >= startMonth ? year : year - 1;
  return naming === 'end' && startMonth !== 1 ? starting + 1 : starting;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}

function asRecord(value: unknown): RawPolicy | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as RawPolicy) : undefined;
}

function isWhole(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}
