// Go to definition, find references and rename for the ids that point across files: projects,
// programmes, people and strategic objectives. The workspace index says where each is defined and used.
import { isScalar } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { SchemaWalker } from '../schema/schemaWalker';
import type { DocumentKind, Position, Range, TextEdit } from '../types';
import { nodeAt } from '../utils/yamlPosition';
import type { IdNamespace } from '../workspace/indexTypes';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { annotation, schemasAt } from './effectiveSchema';
import { idsIn, isDefinition, namespaceWord, namespaceOf, referencesTo, targetsOf, type IdLocation } from './idReferences';
import { tryLinearRegExp } from '../schema/linearRegExp';
import { homeOf, ID_NAMESPACES, type IdSymbolKind } from '../model/documentKinds';
import { fail, succeed, type Result } from '../utils/result';

export interface NavigationContext {
  walker: SchemaWalker;
  schemaIdFor: (document: ParsedDocument) => Promise<string | undefined>;
  workspace: WorkspaceIndex;
  kindOf: (document: ParsedDocument) => DocumentKind | undefined;
}

export interface IdAtPosition {
  namespace: IdNamespace;
  id: string;
  /** The id's text in the file (without quotes). */
  range: Range;
  definition: boolean;
  /** The pattern a new id must match, from the schema. */
  pattern?: string;
}

export type RenameResult = Result<{ edits: Record<string, TextEdit[]> }>;
export type PrepareRenameResult = Result<{ range: Range; placeholder: string }>;

/** The cross-file id under the caret, if any. */
export async function idAt(file: ParsedFile, position: Position, context: NavigationContext): Promise<IdAtPosition | undefined> {
  const offset = file.lines.offsetAt(position);
  const doc = file.documents.find((d) => d.yaml.range[0] <= offset && offset <= d.yaml.range[2]);
  if (!doc) return undefined;
  const at = nodeAt(doc.yaml.contents as never, offset, []);
  if (!at || at.onKey || !isScalar(at.node) || at.node.value === null || !at.node.range) return undefined;
  const schemaId = await context.schemaIdFor(doc);
  if (!schemaId) return undefined;
  const refs = schemasAt(context.walker, schemaId, doc.value, at.path);
  const namespace = namespaceOf(refs);
  if (!namespace) return undefined;
  const [start, end] = at.node.range;
  const quoted = /^["']/.test(file.text[start] ?? '');
  return {
    namespace,
    id: String(at.node.value),
    range: file.lines.rangeOf(quoted ? start + 1 : start, quoted ? end - 1 : end),
    definition: isDefinition(namespace, context.kindOf(doc), at.path),
    pattern: annotation<string>(refs, 'pattern'),
  };
}

export async function findDefinition(file: ParsedFile, position: Position, context: NavigationContext): Promise<IdLocation[]> {
  const id = await idAt(file, position, context);
  if (!id) return [];
  return targetsOf(context.workspace, id.namespace, id.id).map(({ uri, range, relativePath }) => ({ uri, range, relativePath }));
}

export async function findReferences(file: ParsedFile, position: Position, context: NavigationContext, includeDeclaration: boolean): Promise<IdLocation[]> {
  const id = await idAt(file, position, context);
  if (!id) return [];
  const references = referencesTo(context.workspace, id.namespace, id.id);
  if (!includeDeclaration) return references;
  const definitions = targetsOf(context.workspace, id.namespace, id.id).map(({ uri, range, relativePath }) => ({ uri, range, relativePath }));
  return [...definitions, ...references];
}

/** The range a rename would change, or why the caret is not on something that can be renamed. */
export async function prepareRename(file: ParsedFile, position: Position, context: NavigationContext): Promise<PrepareRenameResult> {
  const id = await idAt(file, position, context);
  if (!id) return fail('Only the id of a project, programme, person or strategic objective can be renamed here.');
  return succeed({ range: id.range, placeholder: id.id });
}

/**
 * Renames an id everywhere in the workspace: its definition and every reference. Refused when the
 * new id is taken or does not have the form ids must have.
 */
export async function doRename(file: ParsedFile, position: Position, newName: string, context: NavigationContext): Promise<RenameResult> {
  const id = await idAt(file, position, context);
  if (!id) return fail('Only the id of a project, programme, person or strategic objective can be renamed here.');
  const word = namespaceWord(id.namespace);
  if (newName === id.id) return succeed({ edits: {} });
  if (id.pattern && !safeTest(id.pattern, newName)) return fail(`"${newName}" is not a valid ${word} id (it must match ${id.pattern}).`);
  if (idsIn(context.workspace, id.namespace).some((t) => t.id === newName)) return fail(`A ${word} with the id "${newName}" already exists. Choose another id.`);
  const locations = [...targetsOf(context.workspace, id.namespace, id.id), ...referencesTo(context.workspace, id.namespace, id.id)];
  if (!locations.some((l) => l.uri === file.uri && overlaps(l.range, id.range))) locations.push({ uri: file.uri, range: id.range, relativePath: '' });
  const edits: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const location of locations) {
    const key = `${location.uri}|${location.range.start.line}:${location.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (edits[location.uri] ??= []).push({ range: location.range, newText: newName });
  }
  return succeed({ edits });
}

function overlaps(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character <= b.end.character && b.start.character <= a.end.character;
}

/** A pattern that cannot run (see linearRegExp) refuses nothing: validation reports the schema. */
function safeTest(pattern: string, text: string): boolean {
  return tryLinearRegExp(pattern)?.test(text) ?? true;
}

export interface WorkspaceSymbol {
  name: string;
  namespace: IdNamespace;
  /** How the namespace's home kind shows its ids (model/documentKinds.ts). */
  symbolKind: IdSymbolKind;
  detail?: string;
  location: IdLocation;
}

/** Projects, programmes, people and strategic objectives whose id or title contains the query's letters in order. */
export function findWorkspaceSymbols(index: WorkspaceIndex, query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const matches = (text: string) => {
    let i = 0;
    for (const c of text.toLowerCase()) if (c === wanted[i]) i++;
    return i === wanted.length;
  };
  const out: WorkspaceSymbol[] = [];
  for (const namespace of ID_NAMESPACES) {
    for (const target of idsIn(index, namespace)) {
      if (wanted && !matches(target.id) && !(target.label && matches(target.label))) continue;
      out.push({
        name: target.label ? `${target.id}: ${target.label}` : target.id,
        namespace,
        symbolKind: homeOf(namespace).defines.symbolKind,
        detail: namespaceWord(namespace),
        location: { uri: target.uri, range: target.range, relativePath: target.relativePath },
      });
    }
  }
  return out;
}
