// The portfolio as the tree, the dashboard and `charter report` see it. Plain JSON: it travels over
// LSP to the client and is what `charter report --format json` prints.
import type { GroupBy, Rag } from '../model/vocabulary';
import type { Range, Severity } from '../types';
import type { PerformanceRollup, ProjectPerformance } from './portfolioPerformance';

export type { Rag };

/** Where something is written: the file and the range to reveal when a user opens it. */
export interface SourceLocation {
  uri: string;
  /** The file's path relative to the workspace root, `/`-separated. */
  relativePath: string;
  range: Range;
}

export interface PortfolioMilestone {
  id: string;
  name?: string;
  date?: string;
  /** `planned`, `done` or `missed`; absent means planned. */
  status?: string;
  /** Still planned, dated before the as-of day, in a live project (finished projects have nothing overdue). */
  overdue: boolean;
  location: SourceLocation;
}

export interface PortfolioRisk {
  id: string;
  title?: string;
  probability?: string;
  impact?: string;
  owner?: string;
  status?: string;
  /** probability x impact, each low 1, medium 2, high 3; 0 when either is missing. */
  score: number;
  location: SourceLocation;
}

export interface PortfolioDependency {
  /** The upstream project's id. */
  project: string;
  neededBy?: string;
  description?: string;
  /** Whether a project with that id is in the portfolio. */
  known: boolean;
  location: SourceLocation;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface PortfolioFinding {
  rule: string;
  severity: Severity;
  message: string;
  docs?: string;
  location: SourceLocation;
}

export interface PortfolioProject {
  id: string;
  title: string;
  summary?: string;
  status?: string;
  /** Live under the policy (lifecycle.ts): counted in RAG tiles, overdue milestones and roll-ups. */
  live: boolean;
  /** Approved or live: its budget is committed and counts in approved totals. */
  committed: boolean;
  phase?: string;
  programme?: string;
  sponsor?: string;
  manager?: string;
  /** From the latest status report; absent when there is none (or it is not green, amber or red). */
  rag?: Rag;
  /** The status report's RAG when it states one that is not green, amber or red (a finding says so). */
  ragInvalid?: string;
  ragAsOf?: string;
  commentary?: string;
  schedule: { start?: string; end?: string };
  budget: { currency?: string; approved?: number; contingency?: number };
  milestones: PortfolioMilestone[];
  /** The first planned milestone on or after the as-of day, else the earliest overdue one. */
  nextMilestone?: PortfolioMilestone;
  /** Highest score first. */
  risks: PortfolioRisk[];
  dependencies: PortfolioDependency[];
  /** Project ids that depend on this one. */
  dependents: string[];
  findingCounts: FindingCounts;
  /** Errors first, then warnings, ... */
  findings: PortfolioFinding[];
  /** The project's `id` (or the document's start) in its file. */
  location: SourceLocation;
  /** Set by a host with a change-control base: what changed against it, one line each. */
  changedAgainstBase?: { ref: string; changes: string[] };
  /** Actuals, forecasts, metrics, tolerance breaches and the RAG trend (docs/metrics.md). */
  performance?: ProjectPerformance;
  /** Who is booked on the project, how much, when: for the capacity heat map. */
  allocations?: PortfolioAllocation[];
  /** The portfolio's strategic objectives this project's objectives serve. */
  strategicObjectives?: string[];
}

export interface PortfolioAllocation {
  person: string;
  percent: number;
  /** Absent: from the project's start (to its end). */
  from?: string;
  to?: string;
}

export interface PortfolioPerson {
  id: string;
  name?: string;
  /** Percent of a full week the person can be booked; absent: the policy's maximum. */
  capacityPercent?: number;
}

export interface StrategicObjective {
  id: string;
  title?: string;
}

export interface PortfolioProgramme {
  id: string;
  title?: string;
  owner?: string;
  cap?: number;
  currency?: string;
  location: SourceLocation;
}

/** What a group of projects adds up to. Health (RAG, overdue) counts live projects only. */
export interface Rollup {
  count: number;
  /** How many of them are live. */
  live: number;
  /** The worst RAG of its live projects: red, then amber, then green; absent when none reports one. */
  worstRag?: Rag;
  /** RAG of the live projects; `none`: live without a status report; `invalid`: a RAG that is not green, amber or red. */
  rag: { green: number; amber: number; red: number; none: number; invalid: number };
  /** Committed (approved or live) budgets per currency. */
  approved: Record<string, number>;
  overdueMilestones: number;
  findingCounts: FindingCounts;
  /** Approved, actual and forecast of the live projects, per currency: the base currency when the policy names one. */
  performance?: PerformanceRollup[];
}

export interface PortfolioGroup {
  /** The value grouped on (programme id, status, ...); `''` for projects without one. */
  key: string;
  label: string;
  projectIds: string[];
  rollup: Rollup;
  /** Programme groups only: the programme's budget cap and whether the approved total is above it. */
  cap?: { amount: number; currency: string; approved: number; over: boolean };
  location?: SourceLocation;
}

export interface Portfolio {
  version: 1;
  asOf: string;
  /** Sorted by id. */
  projects: PortfolioProject[];
  programmes: PortfolioProgramme[];
  summary: Rollup;
  /** Every waiver and suppression comment in the portfolio: the list an auditor asks for. */
  exceptions: PortfolioException[];
  /** From the People document(s), sorted by id. */
  people?: PortfolioPerson[];
  /** The Portfolio document's strategic objectives, as written. */
  strategicObjectives?: StrategicObjective[];
  /** The policy's booking limit for people without a capacity of their own. */
  maxAllocationPercent?: number;
}

export interface PortfolioException {
  kind: 'waiver' | 'suppression';
  /** The rule (or `area/*` pattern) waived or silenced; several for a comment naming several. */
  rules: string[];
  /** `next-line`, `file` (comments) or `document` (a waiver). */
  scope: 'next-line' | 'file' | 'document';
  reason?: string;
  approver?: string;
  expires?: string;
  /** Waivers: whether the expiry date has passed (as of the portfolio's day). */
  expired?: boolean;
  location: SourceLocation;
}

export interface PortfolioFilter {
  status?: string[];
  rag?: Array<Rag | 'none'>;
  /** Only projects with at least one finding (of any severity). */
  hasFindings?: boolean;
}

export type { GroupBy };
