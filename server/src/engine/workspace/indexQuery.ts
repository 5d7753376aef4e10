// Answers portfolio questions from the index's contributions. With a `reads` set, it records every key
// it was asked about: that is how a rule run learns what it depends on.
import type { DocumentKind } from '../types';
import { Keys } from './contributions';
import type {
  AllocationEntry,
  EnvelopeEntry,
  FundingEntry,
  IdNamespace,
  MemberEntry,
  ObjectiveEntry,
  PersonEntry,
  PortfolioQuery,
  ProgrammeEntry,
  ProjectEntry,
} from './indexTypes';

export class IndexQuery implements PortfolioQuery {
  constructor(
    private readonly contributions: ReadonlyMap<string, ReadonlyMap<string, unknown[]>>,
    private readonly kindCounts: ReadonlyMap<DocumentKind, number>,
    private readonly reads?: Set<string>,
  ) {}

  hasKind(kind: DocumentKind): boolean {
    this.reads?.add(Keys.kind(kind));
    return (this.kindCounts.get(kind) ?? 0) > 0;
  }

  projects(id: string): ProjectEntry[] {
    return this.read(Keys.project(id));
  }

  dependencyIds(id: string): string[] {
    const lists = this.read<string[]>(Keys.dependencies(id));
    return lists.length === 1 ? lists[0] : [...new Set(lists.flat())];
  }

  programmes(id: string): ProgrammeEntry[] {
    return this.read(Keys.programme(id));
  }

  people(id: string): PersonEntry[] {
    return this.read(Keys.person(id));
  }

  strategicObjectives(id: string): ObjectiveEntry[] {
    return this.read(Keys.objective(id));
  }

  ids(namespace: IdNamespace): string[] {
    return [...new Set(this.read<string>(Keys.ids(namespace)))].sort();
  }

  programmeMembers(programmeId: string): MemberEntry[] {
    return this.read(Keys.members(programmeId));
  }

  allocationsOf(personId: string): AllocationEntry[] {
    return this.read(Keys.allocations(personId));
  }

  projectBudgets(): FundingEntry[] {
    return this.read(Keys.funding);
  }

  envelopes(): EnvelopeEntry[] {
    return this.read(Keys.envelopes);
  }

  private read<T>(key: string): T[] {
    this.reads?.add(key);
    const byDoc = this.contributions.get(key);
    if (!byDoc) return [];
    if (byDoc.size === 1) return byDoc.values().next().value as T[];
    const docKeys = [...byDoc.keys()].sort();
    return docKeys.flatMap((docKey) => byDoc.get(docKey) as T[]);
  }
}
