// Ids that point across files (projects, programmes, people, strategic objectives), read from the
// workspace index: which ids exist, where each is defined, who refers to it, and a card describing it.
// Which namespace a field belongs to comes from the schema: a value whose schema is `$defs/projectId`
// names a project, in the built-in schemas and in PMO schemas that `$ref` them alike.
import { descriptorOf, homeOf, namespaceOfDefinition } from '../model/documentKinds';
import type { SchemaRef } from '../schema/schemaWalker';
import type { DocumentKind, Range } from '../types';
import type { DataPath } from '../utils/yamlNodes';
import type { IdNamespace, IndexedDocument, Located } from '../workspace/indexTypes';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** A namespace in a sentence ("project", "strategic objective"): its home kind's descriptor says. */
export function namespaceWord(namespace: IdNamespace): string {
  return homeOf(namespace).defines.word;
}

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
    const namespace = m ? namespaceOfDefinition(m[1]) : undefined;
    if (namespace) return namespace;
  }
  return undefined;
}

/** Whether the value at `path` of a document of `kind` defines an id rather than refers to one. */
export function isDefinition(namespace: IdNamespace, kind: DocumentKind | undefined, path: DataPath): boolean {
  return kind === homeOf(namespace).kind && path[path.length - 1] === 'id';
}

/** Every id of a namespace, each with where it is defined and its card. */
export function idsIn(index: WorkspaceIndex, namespace: IdNamespace): IdTarget[] {
  const out: IdTarget[] = [];
  for (const doc of index.documents(homeOf(namespace).kind)) out.push(...definitionsIn(doc, namespace));
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
  for (const doc of index.documents()) for (const located of descriptorOf(doc.facts).references(doc.facts, namespace)) add(doc, located);
  return out;
}

function definitionsIn(doc: IndexedDocument, namespace: IdNamespace): IdTarget[] {
  const defines = descriptorOf(doc.facts).defines;
  if (defines?.namespace !== namespace) return [];
  const file = `[${doc.ref.relativePath}](${doc.ref.uri})`;
  return defines.ids(doc.facts).map(({ id, label, details }) => ({
    uri: doc.ref.uri,
    range: id.range,
    relativePath: doc.ref.relativePath,
    id: id.value,
    label,
    card: card(label, id.value, defines.cardTitle, [...details, file]),
  }));
}

function card(title: string | undefined, id: string, what: string, lines: Array<string | undefined>): string {
  return [`**${title ?? id}** \`${id}\` (${what})`, ...lines.filter((l): l is string => !!l)].join('\n\n');
}
