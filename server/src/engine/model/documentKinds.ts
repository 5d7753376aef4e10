// The kinds of charter document, as data: one descriptor per kind says what schema checks it, which
// file names and default globs find it, what the workspace index remembers of it (facts) and offers to
// portfolio rules (contributions), which ids it defines and how they show as symbols, and which ids it
// refers to. Kind detection, schema association, the index, go to definition, find references, rename
// and workspace symbols all read this table; adding a kind means a descriptor here, its schema and tests
// (the compiler lists every place that must know the new kind: `satisfies` below and `never` checks).
import people from '../../../../schemas/people.schema.json';
import portfolio from '../../../../schemas/portfolio.schema.json';
import programme from '../../../../schemas/programme.schema.json';
import project from '../../../../schemas/project.schema.json';
import { peopleFacts, portfolioFacts, programmeFacts, projectFacts } from '../workspace/charterFacts';
import { collectContributions, peopleContributions, portfolioContributions, programmeContributions, projectContributions, type Contribute, type Contributions } from '../workspace/contributions';
import type { IndexedDocument, Located, PeopleFacts, PortfolioFacts, ProgrammeFacts, ProjectFacts } from '../workspace/indexTypes';
import type { CharterDocument } from './charterReader';

/** The kinds, in the order they are listed to users (`kind must be one of ...`) and searched by file name. */
export const DOCUMENT_KINDS = ['Project', 'Programme', 'Portfolio', 'People'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The namespaces of ids that point across files. A kind defines at most one; many may refer to it. */
export const ID_NAMESPACES = ['Project', 'Programme', 'People', 'objective'] as const;
export type IdNamespace = (typeof ID_NAMESPACES)[number];

/** How an id shows among workspace symbols; the server maps these to LSP symbol kinds. */
export type IdSymbolKind = 'package' | 'namespace' | 'struct' | 'constant';

/** One id a document defines, with what its hover card says about it. */
export interface IdDefinition {
  id: Located<string>;
  /** A one-line label: the title or name. */
  label?: string;
  /** Markdown lines of the card under its title (the file line is added after them). */
  details: Array<string | undefined>;
}

export interface IdsDefined<F> {
  namespace: IdNamespace;
  /** The schema `$defs` whose values are ids of this namespace (`projectId`), in built-in and PMO schemas alike. */
  schemaDef: string;
  /** The namespace in a sentence: "a project", "no person with ...". */
  word: string;
  /** What a hover card calls one. */
  cardTitle: string;
  symbolKind: IdSymbolKind;
  ids(facts: F): IdDefinition[];
}

export interface KindDescriptor<K extends string, F extends { kind: K }> {
  kind: K;
  /** The built-in schema of the kind (`builtin:<kind>`), bundled so it resolves offline by its `$id`. */
  schema: { $id: string; [keyword: string]: unknown };
  /** A document without a `kind:` field is of this kind when its file name matches. */
  fileName: RegExp;
  /** The default `charter.files.include` globs for files of this kind. */
  defaultGlobs: readonly string[];
  /** What the workspace index remembers of a document of this kind. */
  facts(document: CharterDocument): F;
  /** What the document offers portfolio rules, under the index's keys. */
  contribute: Contribute<F>;
  /** The ids a document of this kind defines. */
  defines?: IdsDefined<F>;
  /** The ids it refers to, by namespace: what find references and rename change in it. */
  references(facts: F, namespace: IdNamespace): Array<Located<string>>;
}

/** Infers a descriptor's facts type from its `facts` function, so its other members are checked against it. */
function defineKind<K extends string, F extends { kind: K }>(descriptor: KindDescriptor<K, F>): KindDescriptor<K, F> {
  return descriptor;
}

export const KIND_TABLE = {
  Project: defineKind({
    kind: 'Project',
    schema: project,
    fileName: /(^|\.)charter\.ya?ml$/i,
    defaultGlobs: ['**/*.charter.yaml', '**/*.charter.yml', '**/charter.yaml'],
    facts: (d): ProjectFacts => projectFacts(d),
    contribute: (facts, add, ref) => projectContributions(facts, add, ref),
    defines: {
      namespace: 'Project',
      schemaDef: 'projectId',
      word: 'project',
      cardTitle: 'Project',
      symbolKind: 'package',
      ids: (facts) =>
        facts.id
          ? [
              {
                id: facts.id,
                label: facts.title,
                details: [
                  [
                    facts.status ? `status **${facts.status.value}**` : undefined,
                    facts.rag ? `RAG **${facts.rag.value}**` : undefined,
                    facts.manager ? `manager \`${facts.manager}\`` : undefined,
                    facts.start || facts.end ? `${facts.start?.value ?? '?'} → ${facts.end?.value ?? '?'}` : undefined,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ],
              },
            ]
          : [],
    },
    references(facts, namespace) {
      switch (namespace) {
        case 'Project':
          return facts.dependencies.map((d) => d.project);
        case 'Programme':
          return facts.programme ? [facts.programme] : [];
        case 'People':
          return facts.personRefs;
        case 'objective':
          return facts.objectiveRefs;
      }
    },
  }),
  Programme: defineKind({
    kind: 'Programme',
    schema: programme,
    fileName: /\.programme\.ya?ml$/i,
    defaultGlobs: ['**/*.programme.yaml', '**/*.programme.yml'],
    facts: (d): ProgrammeFacts => programmeFacts(d),
    contribute: (facts, add, ref) => programmeContributions(facts, add, ref),
    defines: {
      namespace: 'Programme',
      schemaDef: 'programmeId',
      word: 'programme',
      cardTitle: 'Programme',
      symbolKind: 'namespace',
      ids: (facts) => (facts.id ? [{ id: facts.id, label: facts.title, details: [] }] : []),
    },
    references: (facts, namespace) => (namespace === 'People' ? facts.personRefs : []),
  }),
  Portfolio: defineKind({
    kind: 'Portfolio',
    schema: portfolio,
    fileName: /^portfolio\.ya?ml$/i,
    defaultGlobs: ['**/portfolio.yaml'],
    facts: (d): PortfolioFacts => portfolioFacts(d),
    contribute: (facts, add, ref) => portfolioContributions(facts, add, ref),
    defines: {
      namespace: 'objective',
      schemaDef: 'strategicObjectiveId',
      word: 'strategic objective',
      cardTitle: 'Strategic objective',
      symbolKind: 'constant',
      ids: (facts) => facts.objectives.map((o) => ({ id: { value: o.value, range: o.range }, label: o.title, details: [] })),
    },
    references: () => [],
  }),
  People: defineKind({
    kind: 'People',
    schema: people,
    fileName: /^people\.ya?ml$/i,
    defaultGlobs: ['**/people.yaml'],
    facts: (d): PeopleFacts => peopleFacts(d),
    contribute: (facts, add, ref) => peopleContributions(facts, add, ref),
    defines: {
      namespace: 'People',
      schemaDef: 'personId',
      word: 'person',
      cardTitle: 'Person',
      symbolKind: 'struct',
      ids: (facts) => facts.people.map((p) => ({ id: p.id, label: p.name, details: [p.capacityPercent !== undefined ? `capacity ${p.capacityPercent}%` : undefined] })),
    },
    references: () => [],
  }),
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is checked against its own facts by defineKind()
} satisfies { [K in DocumentKind]: KindDescriptor<K, any> };

/** What the index remembers of a document of kind K. */
export type FactsOf<K extends DocumentKind> = ReturnType<(typeof KIND_TABLE)[K]['facts']>;
export type Facts = { [K in DocumentKind]: FactsOf<K> }[DocumentKind];

/**
 * The descriptor of the kind whose facts these are, typed by them. TypeScript cannot correlate a
 * union's member with a table entry by itself; `facts.kind` is what ties them, so this one cast is safe.
 */
export function descriptorOf<F extends Facts>(facts: F): KindDescriptor<F['kind'], F> {
  return KIND_TABLE[facts.kind] as unknown as KindDescriptor<F['kind'], F>;
}

/** Every kind's descriptor, in `DOCUMENT_KINDS` order. */
export function kindDescriptors(): Array<(typeof KIND_TABLE)[DocumentKind]> {
  return DOCUMENT_KINDS.map((kind) => KIND_TABLE[kind]);
}

/** The facts of a document of a known kind: what the workspace index keeps of it. */
export function extractFacts(document: CharterDocument): Facts {
  return KIND_TABLE[document.kind].facts(document);
}

/** What a document offers portfolio rules, under the index's keys. */
export function contributionsOf(doc: IndexedDocument): Contributions {
  return collectContributions(doc, (add) => descriptorOf(doc.facts).contribute(doc.facts, add, doc.ref));
}

/** The kind whose documents define the ids of a namespace, with how they do. */
export function homeOf(namespace: IdNamespace): { kind: DocumentKind; defines: IdsDefined<Facts> } {
  for (const kind of DOCUMENT_KINDS) {
    const defines = KIND_TABLE[kind].defines as IdsDefined<Facts> | undefined;
    if (defines?.namespace === namespace) return { kind, defines };
  }
  throw new Error(`No document kind defines the ${namespace} namespace`);
}

/** The namespace whose ids a schema `$defs` entry holds (`projectId` -> Project). */
export function namespaceOfDefinition(name: string): IdNamespace | undefined {
  return kindDescriptors().find((d) => d.defines?.schemaDef === name)?.defines?.namespace;
}

/** The default `charter.files.include`: every kind's globs, in table order. */
export const DEFAULT_INCLUDE: readonly string[] = kindDescriptors().flatMap((d) => d.defaultGlobs);
