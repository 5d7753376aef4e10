// The options of the governance rules: every key of the portfolio's `policy` (and of the `charter.policy`
// setting), with the JSON Schema of its value and its default. A rule names the keys it reads in its
// meta (`options: ruleOptions('reportingCadenceDays')`); a key several rules read is declared once here.
// The defaults are the only ones: `DEFAULT_POLICY` is these defaults read through `resolvePolicy`.
// test/unit/rules/ruleMeta.test.ts holds `schemas/portfolio.schema.json`'s `policy` to these schemas, and
// `npm run docs:rules` writes the "Policy defaults" table of docs/rules/README.md from them.
import { DEFAULT_LIVE_STATUSES, PROJECT_STATUSES, type ProjectStatus } from '../model/vocabulary';

/** The validation keywords of a JSON Schema (annotations such as descriptions live in the portfolio schema). */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface PolicyOption {
  key: string;
  /** What `policy.<key>` must be; the same keywords as the portfolio schema's `policy.properties.<key>`. */
  schema: JsonSchema;
  /** The value used when neither `portfolio.yaml` nor the setting gives one, as written in YAML; none when absent. */
  default?: unknown;
  /** The docs' wording of the default when the value alone does not say it (Markdown). */
  defaultText?: string;
  /** Who reads the key besides the rules that declare it (Markdown, for the docs). */
  alsoUsedBy?: string;
  /** A docs section that says more (a Markdown link). */
  see?: string;
}

const percent = { $ref: '#/$defs/percent' };
const money = { $ref: '#/$defs/money' };
const threshold = { type: ['number', 'string'], minimum: 0, pattern: '^[0-9]+(\\.[0-9]+)?$' };
const statuses = [...PROJECT_STATUSES];

/** Project status -> the statuses it may move to on a branch (change/status-transition). */
const DEFAULT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  proposed: ['approved', 'on-hold', 'cancelled'],
  approved: ['active', 'on-hold', 'cancelled'],
  active: ['on-hold', 'closed', 'cancelled'],
  'on-hold': ['approved', 'active', 'cancelled'],
  closed: [],
  cancelled: [],
};

export const POLICY_OPTIONS = [
  { key: 'phases', schema: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true }, default: ['initiation', 'planning', 'delivery', 'closure'] },
  {
    key: 'approvalThresholds',
    schema: { type: 'array', items: { type: 'object', required: ['above', 'role'], properties: { above: money, role: { type: 'string', minLength: 1 } } } },
    default: [{ above: 250000, role: 'sponsor' }],
  },
  {
    key: 'contingency',
    schema: { type: 'object', properties: { minPercent: { type: 'number', minimum: 0, maximum: 100 }, maxPercent: { type: 'number', minimum: 0, maximum: 100 } } },
    default: { minPercent: 5, maxPercent: 15 },
  },
  { key: 'reportingCadenceDays', schema: { type: 'integer', minimum: 1 }, default: 31 },
  { key: 'maxAllocationPercent', schema: percent, default: 100, defaultText: '`100` (for people without `capacityPercent`)' },
  { key: 'fiscalYearStartMonth', schema: { type: 'integer', minimum: 1, maximum: 12 }, default: 1, defaultText: '`1` (January)' },
  {
    key: 'fiscalYearNaming',
    schema: { type: 'string', enum: ['start', 'end'] },
    default: 'start',
    defaultText: '`start`: a fiscal year is named by the calendar year it starts in; `end` names it by the year it ends in (US federal: October 2026 to September 2027 is FY 2027)',
  },
  {
    key: 'liveStatuses',
    schema: { type: 'array', items: { type: 'string', enum: statuses }, uniqueItems: true },
    default: [...DEFAULT_LIVE_STATUSES],
    alsoUsedBy: 'the portfolio view, the dashboard and every report',
    see: '[live projects](#live-projects)',
  },
  {
    key: 'baseCurrency',
    schema: { $ref: '#/$defs/currency' },
    defaultText: 'none: every amount is read in its own currency',
    alsoUsedBy: 'PMO rulesets and the reports',
    see: '[money across currencies](#money-across-currencies)',
  },
  {
    key: 'fxRates',
    schema: {
      type: 'object',
      properties: { asOf: { type: 'string', format: 'date' } },
      patternProperties: { '^[A-Z]{3}$': { type: ['number', 'string'], exclusiveMinimum: 0, pattern: '^[0-9]+(\\.[0-9]{1,12})?$' } },
    },
    default: {},
    alsoUsedBy: 'PMO rulesets and the reports',
  },
  {
    key: 'protectedRules',
    schema: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*/([A-Za-z0-9-]+|\\*)$' }, uniqueItems: true },
    default: [],
    alsoUsedBy: 'suppression comments',
    see: '[protected rules](#protected-rules)',
  },
  { key: 'maxWaiverDays', schema: { type: 'integer', minimum: 1 }, defaultText: 'no limit' },
  {
    key: 'allowedTransitions',
    schema: { type: 'object', propertyNames: { enum: statuses }, additionalProperties: { type: 'array', items: { type: 'string', enum: statuses }, uniqueItems: true } },
    default: DEFAULT_TRANSITIONS,
    defaultText: 'see [`change/status-transition`](change/status-transition.md)',
  },
  {
    key: 'changeControl',
    schema: {
      type: 'object',
      properties: {
        budgetTolerancePercent: { type: 'number', minimum: 0 },
        scheduleToleranceDays: { type: 'integer', minimum: 0 },
        approverRoles: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      },
    },
    default: { budgetTolerancePercent: 10, scheduleToleranceDays: 30, approverRoles: ['sponsor'] },
  },
  { key: 'cpiThreshold', schema: threshold, default: 0.9, see: '[metrics](../metrics.md)' },
  { key: 'spiThreshold', schema: threshold, default: 0.9, see: '[metrics](../metrics.md)' },
  {
    key: 'tiers',
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', minLength: 1 }, when: { oneOf: [{ $ref: '#/$defs/tierCondition' }, { type: 'array', items: { $ref: '#/$defs/tierCondition' } }] } },
      },
    },
    defaultText: 'none',
    alsoUsedBy: 'PMO rulesets and templates',
    see: '[rulesets](../rulesets.md)',
  },
] as const satisfies readonly PolicyOption[];

export type PolicyKey = (typeof POLICY_OPTIONS)[number]['key'];

/** A rule's options: the policy keys it reads, as one JSON Schema object with its defaults. */
export interface RuleOptions {
  keys: readonly PolicyKey[];
  schema: { type: 'object'; properties: Readonly<Record<string, JsonSchema>> };
  defaults: Readonly<Record<string, unknown>>;
}

export function policyOption(key: PolicyKey): PolicyOption {
  return POLICY_OPTIONS.find((o) => o.key === key)!;
}

/** The options meta of a rule that reads these policy keys. */
export function ruleOptions(...keys: PolicyKey[]): RuleOptions {
  const options = keys.map(policyOption);
  return {
    keys,
    schema: { type: 'object', properties: Object.fromEntries(options.map((o) => [o.key, o.schema])) },
    defaults: Object.fromEntries(options.filter((o) => o.default !== undefined).map((o) => [o.key, o.default])),
  };
}

/** Every default, as one `policy` mapping: the first layer `resolvePolicy` reads. */
export function policyDefaults(): Record<string, unknown> {
  return Object.fromEntries(POLICY_OPTIONS.filter((o): o is (typeof POLICY_OPTIONS)[number] & { default: unknown } => 'default' in o).map((o) => [o.key, o.default]));
}
