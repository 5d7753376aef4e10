// Which schema applies to a document, and where that choice came from (docs/rules/schema.md), first match wins:
// a modeline comment, a top-level `$schema:` key, the `charter.schemas` setting, the built-in schema for the kind.
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { builtinSchemaId } from './builtinSchemas';
import type { SchemaAssociation } from '../settings';
import { DOCUMENT_KINDS, type DocumentKind } from '../model/documentKinds';

export type SchemaSource = 'modeline' | 'property' | 'setting' | 'builtin';

export interface SchemaAssignment {
  /** The absolute URI the schema is loaded from and registered under: `file:`, `http(s):`, or a built-in `$id`. */
  uri: string;
  source: SchemaSource;
  /** The reference as the user wrote it (`.pmo/project.schema.json`, `builtin:project`). */
  written: string;
  /** How findings and the status bar name the schema. */
  label: string;
  /** The built-in schema's kind, when the URI is one of ours: it needs no loading. */
  builtin?: DocumentKind;
  /** Why the reference itself cannot name a schema (`builtin:projet`); the schema is then unavailable. */
  error?: string;
}

export interface AssociationInput {
  documentUri: string;
  /** The text of this document, with the comments above it: where modelines are looked for. */
  documentText: string;
  /** The document's value, for a top-level `$schema` key. */
  value: unknown;
  kind?: DocumentKind;
  /** The document's path relative to its workspace folder, `/`-separated: what `fileMatch` globs see. */
  relativePath: string;
  /** The workspace folder's URI: the base of a relative `charter.schemas` URL. */
  folderUri?: string;
  associations: readonly SchemaAssociation[];
}

/** Words for where a schema came from, as messages and the status bar say it. */
export const SOURCE_WORDS: Record<SchemaSource, string> = {
  modeline: 'the modeline comment',
  property: 'the $schema key',
  setting: 'the charter.schemas setting',
  builtin: 'the document kind',
};

const MODELINES = [/^[ \t]*#[ \t]*yaml-language-server[ \t]*:[ \t]*\$schema=(\S+)/m, /^[ \t]*#[ \t]*\$schema[ \t]*:[ \t]*(\S+)/m];

export function resolveSchemaFor(input: AssociationInput): SchemaAssignment | undefined {
  for (const modeline of MODELINES) {
    const match = modeline.exec(input.documentText);
    if (match) return assign(match[1], input.documentUri, 'modeline', input.folderUri);
  }
  const value = input.value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const written = (value as Record<string, unknown>).$schema;
    if (typeof written === 'string' && written.trim()) return assign(written.trim(), input.documentUri, 'property', input.folderUri);
  }
  for (const association of input.associations) {
    if (matchesFile(association.fileMatch, input.relativePath)) {
      return assign(association.url, input.folderUri ? withSlash(input.folderUri) : input.documentUri, 'setting', input.folderUri);
    }
  }
  if (input.kind) {
    const uri = builtinSchemaId(input.kind);
    return { uri, source: 'builtin', written: `builtin:${input.kind.toLowerCase()}`, label: builtinLabel(input.kind), builtin: input.kind };
  }
  return undefined;
}

/**
 * Whether a workspace-relative path matches a `fileMatch` list: globs as in VS Code's `json.schemas`
 * (a pattern without `/` matches the file name in any folder; `!pattern` excludes).
 */
export function matchesFile(globs: readonly string[], relativePath: string): boolean {
  return fileMatcher(globs)(relativePath.replace(/\\/g, '/').replace(/^\.?\//, ''));
}

/** Compiled `fileMatch` lists: settings rarely change, documents are checked on every keystroke. */
const matchers = new Map<string, (path: string) => boolean>();

function fileMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = JSON.stringify(globs);
  let matcher = matchers.get(key);
  if (!matcher) {
    const positive = globs.filter((g) => !g.startsWith('!')).map(cleanGlob);
    const negative = globs.filter((g) => g.startsWith('!')).map((g) => cleanGlob(g.slice(1)));
    const options = { dot: true };
    const included = positive.length > 0 ? picomatch(positive, options) : () => false;
    const excluded = negative.length > 0 ? picomatch(negative, options) : () => false;
    matcher = (path) => included(path) && !excluded(path);
    if (matchers.size > 500) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

function cleanGlob(glob: string): string {
  const clean = glob.trim().replace(/\\/g, '/').replace(/^\.?\//, '');
  return clean.includes('/') ? clean : `**/${clean}`;
}

function assign(written: string, base: string, source: SchemaSource, folderUri: string | undefined): SchemaAssignment {
  const builtinName = /^builtin:(.*)$/i.exec(written);
  if (builtinName) {
    const kind = DOCUMENT_KINDS.find((k) => k.toLowerCase() === builtinName[1].toLowerCase());
    if (!kind) {
      return {
        uri: written,
        source,
        written,
        label: written,
        error: `"${written}" is not a built-in schema; use ${DOCUMENT_KINDS.map((k) => `builtin:${k.toLowerCase()}`).join(', ')}`,
      };
    }
    return { uri: builtinSchemaId(kind), source, written, label: builtinLabel(kind), builtin: kind };
  }
  let uri: string;
  try {
    uri = resolveReference(written, base);
  } catch {
    return { uri: written, source, written, label: written, error: `"${written}" is neither a path nor a URL` };
  }
  const builtin = DOCUMENT_KINDS.find((k) => builtinSchemaId(k) === uri);
  if (builtin) return { uri, source, written, label: builtinLabel(builtin), builtin };
  return { uri, source, written, label: schemaLabel(uri, folderUri) };
}

/** An absolute URI for a schema reference: a URL as is, an absolute path as a file URI, a relative one against `base`. */
export function resolveReference(written: string, base: string): string {
  if (/^[a-zA-Z]:[\\/]/.test(written) || written.startsWith('\\\\')) return URI.file(written.replace(/\\/g, '/')).toString();
  if (/^[a-z][a-z0-9+.-]+:/i.test(written)) return new URL(written).href;
  if (written.startsWith('/')) return URI.file(written).toString();
  return new URL(written.replace(/\\/g, '/'), base).href;
}

/** A schema's name for people: a workspace file by its relative path, a file elsewhere by its path, a URL as is. */
export function schemaLabel(uri: string, folderUri?: string): string {
  if (!uri.startsWith('file:')) return uri;
  if (folderUri && isInside(uri, folderUri)) return comparablePath(uri).slice(comparablePath(folderUri).replace(/\/$/, '').length + 1);
  return URI.parse(uri).fsPath;
}

export function builtinLabel(kind: DocumentKind): string {
  return `built-in ${kind} schema`;
}

/** Whether a file URI lies inside a folder URI. */
export function isInside(uri: string, folderUri: string): boolean {
  if (!uri.startsWith('file:') || !folderUri.startsWith('file:')) return false;
  const folder = comparablePath(folderUri).replace(/\/$/, '');
  return comparablePath(uri).startsWith(folder + '/');
}

/** A file URI's path, with the drive letter in one case (`file:///C:/` and `file:///c%3A/` are one place). */
function comparablePath(uri: string): string {
  return URI.parse(uri).path.replace(/^\/([a-zA-Z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`);
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
