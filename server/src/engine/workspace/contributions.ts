// What each document contributes to the portfolio, under keys that portfolio rules read. A rule that
// read a key re-runs when some document's contribution to that key changes, and only then.
import type { DocumentKind } from '../types';
import type {
  AllocationEntry,
  DocRef,
  EnvelopeEntry,
  FundingEntry,
  IdNamespace,
  IndexedDocument,
  MemberEntry,
  ObjectiveEntry,
  PeopleFacts,
  PersonEntry,
  PortfolioFacts,
  ProgrammeEntry,
  ProgrammeFacts,
  ProjectEntry,
  ProjectFacts,
} from './indexTypes';

export const Keys = {
  kind: (kind: DocumentKind) => `kind:${kind}`,
  project: (id: string) => `project:${id}`,
  /** Only the ids a project depends on: what the cycle search walks, so other edits do not ripple down chains. */
  dependencies: (id: string) => `dependencies:${id}`,
  programme: (id: string) => `programme:${id}`,
  person: (id: string) => `person:${id}`,
  objective: (id: string) => `objective:${id}`,
  ids: (namespace: IdNamespace) => `ids:${namespace}`,
  members: (programmeId: string) => `members:${programmeId}`,
  allocations: (personId: string) => `allocations:${personId}`,
  funding: 'funding',
  envelopes: 'envelopes',
} as const;

export type Contributions = Map<string, unknown[]>;

/** How a kind's descriptor (model/documentKinds.ts) adds a document's contributions: key, payload. */
export type Contribute<F> = (facts: F, add: (key: string, payload: unknown) => void, ref: DocRef) => void;

/** Every key a document contributes to: its kind's, then what its descriptor adds. */
export function collectContributions(doc: IndexedDocument, contribute: (add: (key: string, payload: unknown) => void) => void): Contributions {
  const out: Contributions = new Map();
  const add = (key: string, payload: unknown) => {
    const list = out.get(key);
    if (list) list.push(payload);
    else out.set(key, [payload]);
  };
  add(Keys.kind(doc.kind), true);
  contribute(add);
  return out;
}

export const projectContributions: Contribute<ProjectFacts> = (facts, add, ref) => {
  const projectId = facts.id?.value;
  if (facts.id) {
    const entry: ProjectEntry = {
      ref,
      id: facts.id,
      title: facts.title,
      status: facts.status,
      manager: facts.manager,
      start: facts.start?.value,
      end: facts.end,
      milestones: facts.milestones,
      dependencies: facts.dependencies.map((d) => d.project),
    };
    add(Keys.project(facts.id.value), entry);
    add(Keys.dependencies(facts.id.value), facts.dependencies.map((d) => d.project.value));
    add(Keys.ids('Project'), facts.id.value);
  }
  if (facts.programme) {
    const member: MemberEntry = {
      ref,
      projectId,
      title: facts.title,
      status: facts.status?.value,
      approved: facts.approved,
      currency: facts.currency,
      rag: facts.rag,
    };
    add(Keys.members(facts.programme.value), member);
  }
  const byPerson = new Map<string, AllocationEntry['allocations']>();
  for (const allocation of facts.allocations) {
    if (!allocation.percent) continue;
    const list = byPerson.get(allocation.person.value) ?? [];
    list.push({ percent: allocation.percent, from: allocation.from ?? facts.start?.value, to: allocation.to ?? facts.end?.value });
    byPerson.set(allocation.person.value, list);
  }
  for (const [person, allocations] of byPerson) {
    const entry: AllocationEntry = { ref, projectId, status: facts.status?.value, allocations };
    add(Keys.allocations(person), entry);
  }
  const funding: FundingEntry = { ref, projectId, status: facts.status?.value, start: facts.start, approved: facts.approved, currency: facts.currency, phasing: facts.phasing };
  add(Keys.funding, funding);
};

export const programmeContributions: Contribute<ProgrammeFacts> = (facts, add, ref) => {
  if (!facts.id) return;
  const entry: ProgrammeEntry = { ref, id: facts.id, title: facts.title };
  add(Keys.programme(facts.id.value), entry);
  add(Keys.ids('Programme'), facts.id.value);
};

export const peopleContributions: Contribute<PeopleFacts> = (facts, add, ref) => {
  for (const person of facts.people) {
    const entry: PersonEntry = { ref, id: person.id, name: person.name, capacityPercent: person.capacityPercent };
    add(Keys.person(person.id.value), entry);
    add(Keys.ids('People'), person.id.value);
  }
};

export const portfolioContributions: Contribute<PortfolioFacts> = (facts, add, ref) => {
  for (const objective of facts.objectives) {
    const entry: ObjectiveEntry = { ref, id: { value: objective.value, range: objective.range }, title: objective.title };
    add(Keys.objective(objective.value), entry);
    add(Keys.ids('objective'), objective.value);
  }
  for (const envelope of facts.funding) {
    const entry: EnvelopeEntry = { ref, fiscalYear: envelope.fiscalYear, currency: envelope.currency, amount: envelope.amount };
    add(Keys.envelopes, entry);
  }
};

/** A stable text of a contribution, to tell whether it changed. */
export function fingerprint(payloads: unknown[]): string {
  return JSON.stringify(payloads, (_key, value) => (typeof value === 'bigint' ? `${value}n` : value));
}
