// The vocabulary of the workspace index: what it remembers of each document (facts, with the ranges
// findings and related locations point at) and what portfolio rules may ask it.
import type { Facts, IdNamespace } from '../model/documentKinds';
import type { Money } from '../rules/money';
import type { DocumentKind, Range } from '../types';

/** One YAML document in one file. `key` is `<uri>#<index>`. */
export interface DocRef {
  uri: string;
  index: number;
  key: string;
  relativePath: string;
}

export interface Located<T> {
  value: T;
  range: Range;
}

export interface Dependency {
  project: Located<string>;
  /** A milestone of the upstream project: what is needed is that milestone, not the whole project. */
  milestone?: Located<string>;
  neededBy?: Located<string>;
}

/** One fiscal year's share of a multi-year budget (`budget.phasing`). */
export interface Phase {
  fiscalYear: number;
  amount: Money;
}

export interface Allocation {
  person: Located<string>;
  percent?: Located<number>;
  from?: string;
  to?: string;
}

/** A reference to a person, with the field it sits in (`sponsor`, `risks[].owner`, ...). */
export interface PersonReference extends Located<string> {
  field: string;
}

export interface ProjectFacts {
  kind: 'Project';
  id?: Located<string>;
  title?: string;
  status?: Located<string>;
  programme?: Located<string>;
  sponsor?: string;
  manager?: string;
  start?: Located<string>;
  end?: Located<string>;
  approved?: Located<Money>;
  currency?: string;
  /** `budget.phasing`, when given: how the approved budget is spread over fiscal years. */
  phasing?: Phase[];
  rag?: Located<string>;
  milestones: Array<{ id: string; date?: Located<string> }>;
  dependencies: Dependency[];
  allocations: Allocation[];
  personRefs: PersonReference[];
  objectiveRefs: Array<Located<string>>;
}

export interface ProgrammeFacts {
  kind: 'Programme';
  id?: Located<string>;
  title?: string;
  cap?: Located<Money>;
  currency?: string;
  /** The programme's own RAG (`statusReport.rag`), when it states one. */
  rag?: Located<string>;
  personRefs: PersonReference[];
}

export interface PortfolioFacts {
  kind: 'Portfolio';
  id?: Located<string>;
  objectives: Array<Located<string> & { title?: string }>;
  funding: Array<{ fiscalYear: number; currency: string; amount: Located<Money> }>;
  /** The raw `policy` mapping; rules read it through `resolvePolicy`. */
  policy: unknown;
}

export interface PeopleFacts {
  kind: 'People';
  people: Array<{ id: Located<string>; name?: string; capacityPercent?: number }>;
}

/** The facts of a document of any kind: the union of what each kind's descriptor extracts. */
export type { Facts };

export interface IndexedDocument {
  ref: DocRef;
  kind: DocumentKind;
  facts: Facts;
}

// What portfolio queries answer. Each answer carries the document it came from.

export interface ProjectEntry {
  ref: DocRef;
  id: Located<string>;
  title?: string;
  status?: Located<string>;
  manager?: string;
  start?: string;
  end?: Located<string>;
  milestones: Array<{ id: string; date?: Located<string> }>;
  dependencies: Array<Located<string>>;
}

export interface ProgrammeEntry {
  ref: DocRef;
  id: Located<string>;
  title?: string;
}

export interface PersonEntry {
  ref: DocRef;
  id: Located<string>;
  name?: string;
  capacityPercent?: number;
}

export interface ObjectiveEntry {
  ref: DocRef;
  id: Located<string>;
  title?: string;
}

export interface MemberEntry {
  ref: DocRef;
  projectId?: string;
  title?: string;
  status?: string;
  approved?: Located<Money>;
  currency?: string;
  rag?: Located<string>;
}

export interface AllocationEntry {
  ref: DocRef;
  projectId?: string;
  status?: string;
  /** This person's allocations in the project, with periods defaulted to the project's schedule. */
  allocations: Array<{ percent: Located<number>; from?: string; to?: string }>;
}

export interface FundingEntry {
  ref: DocRef;
  projectId?: string;
  status?: string;
  start?: Located<string>;
  approved?: Located<Money>;
  currency?: string;
  phasing?: Phase[];
}

export interface EnvelopeEntry {
  ref: DocRef;
  fiscalYear: number;
  currency: string;
  amount: Located<Money>;
}

export type { IdNamespace };

/** What a portfolio rule may ask about the rest of the workspace. */
export interface PortfolioQuery {
  /** Whether the workspace holds at least one document of this kind. */
  hasKind(kind: DocumentKind): boolean;
  projects(id: string): ProjectEntry[];
  /** The ids the project(s) with this id depend on. */
  dependencyIds(id: string): string[];
  programmes(id: string): ProgrammeEntry[];
  people(id: string): PersonEntry[];
  strategicObjectives(id: string): ObjectiveEntry[];
  /** Every id in a namespace, for did-you-mean suggestions. */
  ids(namespace: IdNamespace): string[];
  programmeMembers(programmeId: string): MemberEntry[];
  allocationsOf(personId: string): AllocationEntry[];
  projectBudgets(): FundingEntry[];
  envelopes(): EnvelopeEntry[];
}
