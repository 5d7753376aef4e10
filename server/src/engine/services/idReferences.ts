// Ids that point across files (projects, programmes, people, strategic objectives), read from the
// workspace index: which ids exist, where each is defined, who refers to it, and a card describing it.
// Which namespace a field belongs to comes from the schema: a value whose schema is `$defs/projectId`
// names a project, in the built-in schemas and in PMO schemas that `$ref` them alike.
import type { SchemaRef } from '../schema/schemaWalker';
import type { DocumentKind, Range } from '../types';
import type { DataPath } from '../utils/yamlNodes';
import type { IdNamespace, IndexedDocument, Located } from '../workspace/indexTypes';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

const BY_DEFINITION: Record<string, IdNamespace> = {
  projectId: 'Project',
  programmeId: 'Programme',
  personId: 'People',
  strategicObjectiveId: 'objective',
};

/** The kind of document whose ids a namespace holds. */
const HOME: Record<IdNamespace, DocumentKind> = { Project: 'Project', Programme: 'Programme', People: 'People', objective: 'Portfolio' };

export const NAMESPACE_WORDS: Record<IdNamespace, string> = { Project: 'project', Programme: 'programme', People: 'person', objective: 'strategic objective' };

export interface IdLocation {
  uri: string;
  range: Range;
  relativePath: string;
}

export interface IdTarget extends IdLocation {
  id: string;
  /** A one-line label: the title or name. */
  label?: string;
  /** Markdown card: title, status, manager, dates, file. */
  card: string;
}

/** The id namespace of a value, from the `$defs` its schema refers to. */
export function namespaceOf(refs: SchemaRef[]): IdNamespace | undefined {
  for (const ref of refs) {
    const m = /\/\$defs\/(\w+)$/.exec(ref.pointer);
    if (m && BY_DEFINITION[m[1]]) return BY_DEFINITION[m[1]];
  }
  return undefined;
}

/** Whether the value at `path` of a document of `kind` defines an id rather than refers to one. */
export function isDefinition(namespace: IdNamespace, kind: DocumentKind | undefined, path: DataPath): boolean {
  return kind === HOME[namespace] && path[path.length - 1] === 'id';
}

/** Every id of a namespace, each with where it is defined and its card. */
export function idsIn(index: WorkspaceIndex, namespace: IdNamespace): IdTarget[] {
  const out: IdTarget[] = [];
  for (const doc of index.documents(HOME[namespace])) out.push(...definitionsIn(doc, namespace));
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export function targetsOf(index: WorkspaceIndex, namespace: IdNamespace, id: string): IdTarget[] {
  return idsIn(index, namespace).filter((t) => t.id === id);
}

/** Every value in the workspace that refers to `id` (definitions not included). */
export function referencesTo(index: WorkspaceIndex, namespace: IdNamespace, id: string): IdLocation[] {
  const out: IdLocation[] = [];
  const add = (doc: IndexedDocument, located: Located<string> | undefined) => {
    if (located && located.value === id) out.push({ uri: doc.ref.uri, range: located.range, relativePath: doc.ref.relativePath });
  };
  for (const doc of index.documents()) {
    const facts = doc.facts;
    if (facts.kind === 'Project') {
      if (namespace === 'Project') facts.dependencies.forEach((d) => add(doc, d.project));
      if (namespace === 'Programme') add(doc, facts.programme);
      if (namespace === 'People') facts.personRefs.forEach((r) => add(doc, r));
      if (namespace === 'objective') facts.objectiveRefs.forEach((r) => add(doc, r));
    } else if (facts.kind === 'Programme' && namespace === 'People') facts.personRefs.forEach((r) => add(doc, r));
  }
  return out;
}

function definitionsIn(doc: IndexedDocument, namespace: IdNamespace): IdTarget[] {
  const facts = doc.facts;
  const where = (located: Located<string>) => ({ uri: doc.ref.uri, range: located.range, relativePath: doc.ref.relativePath, id: located.value });
  const file = `[${doc.ref.relativePath}](${doc.ref.uri})`;
  switch (facts.kind) {
    case 'Project': {
      if (namespace !== 'Project' || !facts.id) return [];
      const line = [
        facts.status ? `status **${facts.status.value}**` : undefined,
        facts.rag ? `RAG **${facts.rag.value}**` : undefined,
        facts.manager ? `manager \`${facts.manager}\`` : undefined,
        facts.start || facts.end ? `${facts.start?.value ?? '?'} → ${facts.end?.value ?? '?'}` : undefined,
      ].filter(Boolean);
      return [{ ...where(facts.id), label: facts.title, card: card(facts.title, facts.id.value, 'Project', [line.join(' · '), file]) }];
    }
    case 'Programme':
      if (namespace !== 'Programme' || !facts.id) return [];
      return [{ ...where(facts.id), label: facts.title, card: card(facts.title, facts.id.value, 'Programme', [file]) }];
    case 'People':
      if (namespace !== 'People') return [];
      return facts.people.map((p) => ({
        ...where(p.id),
        label: p.name,
        card: card(p.name, p.id.value, 'Person', [p.capacityPercent !== undefined ? `capacity ${p.capacityPercent}%` : undefined, file]),
      }));
    case 'Portfolio':
      if (namespace !== 'objective') return [];
      return facts.objectives.map((o) => ({ ...where(o), label: o.title, card: card(o.title, o.value, 'Strategic objective', [file]) }));
  }
}

function card(title: string | undefined, id: string, what: string, lines: Array<string | undefined>): string {
  return [`**${title ?? id}** \`${id}\` (${what})`, ...lines.filter((l): l is string => !!l)].join('\n\n');
}
