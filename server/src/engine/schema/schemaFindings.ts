// Findings about the schema itself (not about the charter): it cannot be used, it was skipped in an
// untrusted workspace, or a cached copy stands in for it. Each sits on the first line of the document.
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { Finding, Range, RelatedLocation, Severity } from '../types';
import { docsFor } from '../utils/docs';
import { builtinLabel, schemaLabel, SOURCE_WORDS, type SchemaAssignment } from './schemaAssociation';
import type { DocumentKind } from '../types';

export interface CachedCopy {
  /** The schema file the cached copy stands in for. */
  uri: string;
  /** When the copy was saved (ISO 8601). */
  savedAt: string;
  /** Why no fresh copy was used. */
  reason: string;
}

const FIX_WHAT: Record<SchemaAssignment['source'], string> = {
  modeline: 'the modeline comment that names it',
  property: 'the $schema key that names it',
  setting: 'the charter.schemas entry that points at it',
  builtin: 'the kind of the document',
};

/** The first line of a document: line 1 of the file for the first document, its `---` line for the others. */
export function firstLineRange(file: ParsedFile, doc: ParsedDocument): Range {
  const line = doc.index === 0 ? 0 : file.lines.positionAt(doc.start).line;
  return file.lines.rangeOf(file.lines.lineStart(line), file.lines.lineEnd(line));
}

/** How a finding names a schema and where it came from: `.pmo/project.schema.json (from the charter.schemas setting)`. */
function describeAssignment(assignment: SchemaAssignment): string {
  return assignment.source === 'builtin' ? `the ${assignment.label}` : `${assignment.label} (from ${SOURCE_WORDS[assignment.source]})`;
}

export function unavailableFinding(file: ParsedFile, doc: ParsedDocument, assignment: SchemaAssignment, reason: string): Finding {
  return schemaNote(file, doc, assignment, 'schema/unavailable', 'error',
    `The schema ${describeAssignment(assignment)} cannot be used: ${reason}. Fix the schema or ${FIX_WHAT[assignment.source]}; until then this document is not checked against it.`);
}

export function untrustedFinding(file: ParsedFile, doc: ParsedDocument, assignment: SchemaAssignment, reason: string, fallback?: DocumentKind): Finding {
  const instead = fallback ? `The ${builtinLabel(fallback)} applies instead` : 'This document is not checked against a schema';
  return schemaNote(file, doc, assignment, 'schema/untrusted', 'info',
    `The schema ${describeAssignment(assignment)} was not loaded: ${reason}. ${instead} until you trust the workspace.`);
}

export function cachedFinding(file: ParsedFile, doc: ParsedDocument, assignment: SchemaAssignment, copy: CachedCopy, folderUri?: string): Finding {
  const which = copy.uri === assignment.uri ? describeAssignment(assignment) : `${schemaLabel(copy.uri, folderUri)} (used by ${assignment.label})`;
  return schemaNote(file, doc, assignment, 'schema/cached', 'info',
    `The schema ${which} could not be downloaded (${copy.reason}), so the copy saved ${formatSavedAt(copy.savedAt)} is used. Run "Charter: Refresh Schemas" once it can be reached again.`);
}

/** Where a schema finding points to name its schema: the schema file itself, or (for a URL) the document's first line. */
export function schemaRelated(file: ParsedFile, doc: ParsedDocument, assignment: SchemaAssignment): RelatedLocation | undefined {
  if (assignment.builtin) return undefined;
  const message = `Reported by the schema ${describeAssignment(assignment)}`;
  if (assignment.uri.startsWith('file:')) return { uri: assignment.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message };
  return { uri: file.uri, range: firstLineRange(file, doc), message };
}

function schemaNote(file: ParsedFile, doc: ParsedDocument, assignment: SchemaAssignment, rule: string, severity: Severity, message: string): Finding {
  return { rule, severity, message, uri: file.uri, range: firstLineRange(file, doc), docs: docsFor(rule), origin: assignment.label };
}

function formatSavedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'earlier';
  return `on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
