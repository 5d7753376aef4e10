// Loads the schemas documents ask for (PMO files, URLs) through the request function the server or CLI
// passes in, with every schema they `$ref`, registers them, and says per document which schema applies.
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { CharterSettings } from '../settings';
import type { DocumentKind, Finding, RelatedLocation } from '../types';
import { builtinLabel, isInside, resolveSchemaFor, schemaLabel, type SchemaAssignment } from './schemaAssociation';
import { explainRefusal } from './schemaDialects';
import { cachedFinding, schemaRelated, unavailableFinding, untrustedFinding, type CachedCopy } from './schemaFindings';
import type { JsonSchema, SchemaRegistry } from './schemaRegistry';
import { builtinSchemaId } from './builtinSchemas';
import { externalRefs, withAbsoluteId } from './schemaRefs';
import { jsonNestingDepth, MAX_SCHEMA_DEPTH } from './schemaLimits';

/** What a schema request answers: the text, and when it is a cached copy standing in for a download, why. */
export interface SchemaResponse {
  content: string;
  cached?: { savedAt: string; reason: string };
}

export interface SchemaRequestOptions {
  /** False when downloads are turned off (`charter.schemaDownload.enable`): answer a URL from the cache only. */
  download: boolean;
  /**
   * Restricted Mode: the folder (a `file:` URI) that a schema file must really be in once links are
   * resolved. A request for a file outside it rejects with `SchemaOutsideWorkspace`.
   */
  within?: string;
}

/** What a schema request rejects with when a file, through a link, is outside the folder it must be in. */
export class SchemaOutsideWorkspace extends Error {}

/**
 * Reads a schema by absolute URI (`file:`, `http:`, `https:`). Rejects with an Error whose message says
 * why, in words that complete "cannot be used: ..." (e.g. "the file does not exist").
 */
export type SchemaRequestService = (uri: string, options: SchemaRequestOptions) => Promise<string | SchemaResponse>;

/** A schema that could not be used: reported once per load (a bad `builtin:` name, on every check), so the host can tell the user once. */
export interface SchemaProblem {
  uri: string;
  label: string;
  reason: string;
  state: 'unavailable' | 'untrusted';
}

export type SchemaState =
  | { state: 'ready'; cached: CachedCopy[] }
  | { state: 'unavailable'; reason: string }
  | { state: 'untrusted'; reason: string };

/** Which schema a document is checked against, and what to tell the user about it. */
export interface DocumentSchema {
  assignment: SchemaAssignment;
  state: SchemaState;
  /** The schema to validate against, if any: the assigned one, or the built-in one standing in for a skipped one. */
  target?: { id: string; label: string; related?: RelatedLocation };
  /** Findings about the schema itself: unavailable, skipped, cached copy used. */
  findings: Finding[];
}

export interface DocumentSchemaContext {
  relativePath: string;
  folderUri?: string;
  settings: CharterSettings;
}

interface LoadedSchema {
  location: string;
  deps: Array<{ key: string; location: string; ref: string }>;
  cached?: CachedCopy;
}

interface LoadRecord {
  root: string;
  promise: Promise<SchemaState>;
  /** Every key and location the load touched, once it has finished. */
  touched?: Set<string>;
}

class LoadFailure extends Error {
  constructor(readonly state: Exclude<SchemaState, { state: 'ready' }>) {
    super(state.reason);
  }
}

const NO_REQUEST: SchemaRequestService = async () => {
  throw new Error('this Charter host cannot read schema files');
};

export class SchemaService {
  private trusted = true;
  private readonly loaded = new Map<string, LoadedSchema>();
  private readonly loads = new Map<string, LoadRecord>();
  /** One load at a time, so a failed load can take back what it registered without disturbing another. */
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  private inFlight = 0;

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly request: SchemaRequestService = NO_REQUEST,
    private readonly onProblem?: (problem: SchemaProblem) => void,
  ) {}

  /** In an untrusted workspace no schema is downloaded and none is read from outside the workspace. */
  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.forget();
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  /** The schema for one document of a file, loaded and registered; undefined when nothing applies. */
  async forDocument(file: ParsedFile, doc: ParsedDocument, kind: DocumentKind | undefined, context: DocumentSchemaContext): Promise<DocumentSchema | undefined> {
    const folderUri = context.folderUri ?? folderOf(file.uri, context.relativePath);
    const assignment = resolveSchemaFor({
      documentUri: file.uri,
      documentText: textWithLeadingComments(file, doc),
      value: doc.value,
      kind,
      relativePath: context.relativePath,
      folderUri,
      associations: context.settings.schemas,
    });
    if (!assignment) return undefined;
    if (assignment.error) {
      this.onProblem?.({ uri: assignment.uri, label: assignment.label, reason: assignment.error, state: 'unavailable' });
      return { assignment, state: { state: 'unavailable', reason: assignment.error }, findings: [unavailableFinding(file, doc, assignment, assignment.error)] };
    }
    if (assignment.builtin) {
      return { assignment, state: { state: 'ready', cached: [] }, target: { id: assignment.uri, label: assignment.label }, findings: [] };
    }
    const state = await this.load(assignment.uri, assignment.label, folderUri, context.settings.schemaDownload.enable);
    switch (state.state) {
      case 'unavailable':
        return { assignment, state, findings: [unavailableFinding(file, doc, assignment, state.reason)] };
      case 'untrusted':
        return {
          assignment,
          state,
          target: kind ? { id: builtinSchemaId(kind), label: builtinLabel(kind) } : undefined,
          findings: [untrustedFinding(file, doc, assignment, state.reason, kind)],
        };
      case 'ready':
        return {
          assignment,
          state,
          target: { id: assignment.uri, label: assignment.label, related: schemaRelated(file, doc, assignment) },
          findings: state.cached.map((copy) => cachedFinding(file, doc, assignment, copy, folderUri)),
        };
    }
  }

  /**
   * Drops loaded schemas so the next validation loads them again: all of them, or those that read
   * `uri` (a schema file that changed) and every schema that `$ref`s them. Returns whether anything
   * that documents depend on was dropped.
   */
  forget(uri?: string): boolean {
    this.generation++;
    if (uri === undefined) {
      const any = this.loads.size > 0 || this.loaded.size > 0;
      for (const key of this.loaded.keys()) this.registry.remove(key);
      this.loaded.clear();
      this.loads.clear();
      return any || this.inFlight > 0;
    }
    const hit = new Set<string>();
    for (const [key, entry] of this.loaded) if (key === uri || entry.location === uri) hit.add(key);
    for (let grew = hit.size > 0; grew; ) {
      grew = false;
      for (const [key, entry] of this.loaded) {
        if (!hit.has(key) && entry.deps.some((d) => hit.has(d.key))) {
          hit.add(key);
          grew = true;
        }
      }
    }
    for (const key of hit) {
      this.registry.remove(key);
      this.loaded.delete(key);
    }
    let dropped = hit.size > 0;
    for (const [loadKey, record] of this.loads) {
      if (!record.touched) continue; // still loading: it notices the new generation and loads again
      if (hit.has(record.root) || record.touched.has(uri) || [...hit].some((k) => record.touched!.has(k))) {
        this.loads.delete(loadKey);
        dropped = true;
      }
    }
    return dropped || this.inFlight > 0;
  }

  /** The URIs of every schema file loaded so far (to watch them for changes). */
  loadedLocations(): string[] {
    return [...new Set([...this.loaded.values()].map((l) => l.location))];
  }

  private load(uri: string, label: string, folderUri: string | undefined, download: boolean): Promise<SchemaState> {
    const loadKey = this.trusted ? uri : `${uri}\u0000${folderUri ?? ''}`;
    const existing = this.loads.get(loadKey);
    if (existing) return existing.promise;
    const record: LoadRecord = { root: uri, promise: Promise.resolve({ state: 'ready', cached: [] }) };
    this.inFlight++;
    record.promise = this.enqueue(async () => {
      try {
        for (let attempt = 0; ; attempt++) {
          const generation = this.generation;
          const outcome = await this.loadClosure(uri, folderUri, download);
          // A schema file changed while it was being read: read again, so what is kept is current.
          if (generation !== this.generation && attempt < 3) {
            outcome.added.forEach((key) => this.drop(key));
            continue;
          }
          record.touched = outcome.touched;
          if (outcome.state.state !== 'ready') this.onProblem?.({ uri, label, reason: outcome.state.reason, state: outcome.state.state });
          return outcome.state;
        }
      } finally {
        this.inFlight--;
      }
    });
    this.loads.set(loadKey, record);
    return record.promise;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Loads a schema and, recursively, every schema file it `$ref`s; cycles are fine. On failure nothing it added stays. */
  private async loadClosure(root: string, folderUri: string | undefined, download: boolean): Promise<{ state: SchemaState; touched: Set<string>; added: string[] }> {
    const touched = new Set<string>();
    const added: string[] = [];
    const cached: CachedCopy[] = [];
    const seen = new Set<string>();
    const queue: Array<{ key: string; location: string; ref?: string; from?: string }> = [{ key: root, location: root }];
    try {
      while (queue.length > 0) {
        const item = queue.shift()!;
        if (seen.has(item.key)) continue;
        seen.add(item.key);
        const known = this.loaded.get(item.key);
        if (!known && this.registry.knows(item.key)) continue; // a built-in schema or a meta-schema
        touched.add(item.key).add(item.location);
        const via = item.from ? ` (its $ref "${item.ref}" from ${schemaLabel(item.from, folderUri)} points there)` : '';
        const denied = this.denied(item.location, folderUri);
        if (denied) throw new LoadFailure({ state: 'untrusted', reason: item.from ? `${denied}, and it needs ${schemaLabel(item.location, folderUri)}${via}` : denied });
        if (known) {
          if (known.cached) cached.push(known.cached);
          for (const dep of known.deps) queue.push({ ...dep, from: item.key });
          continue;
        }
        const entry = await this.fetch(item, folderUri, download, via);
        added.push(item.key);
        this.loaded.set(item.key, entry);
        if (entry.cached) cached.push(entry.cached);
        for (const dep of entry.deps) queue.push({ ...dep, from: item.key });
      }
      const compiled = this.registry.compile(root);
      if (!compiled.ok) throw new LoadFailure({ state: 'unavailable', reason: explainCompileError(compiled.reason, folderUri) });
      return { state: { state: 'ready', cached }, touched, added };
    } catch (e) {
      if (!(e instanceof LoadFailure)) throw e;
      added.forEach((key) => this.drop(key));
      return { state: e.state, touched, added: [] };
    }
  }

  private async fetch(item: { key: string; location: string; from?: string }, folderUri: string | undefined, download: boolean, via: string): Promise<LoadedSchema> {
    const what = item.from ? `${schemaLabel(item.location, folderUri)}, which it needs,` : 'it';
    let response: string | SchemaResponse;
    try {
      response = await this.request(item.location, this.trusted ? { download } : { download, within: folderUri });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (e instanceof SchemaOutsideWorkspace) {
        const denied = `this workspace is not trusted, and in Restricted Mode Charter reads no schema from outside the workspace (${reason})`;
        throw new LoadFailure({ state: 'untrusted', reason: item.from ? `${denied}, and it needs ${schemaLabel(item.location, folderUri)}${via}` : denied });
      }
      throw new LoadFailure({ state: 'unavailable', reason: item.from ? `${schemaLabel(item.location, folderUri)} cannot be read: ${reason}${via}` : reason });
    }
    const content = typeof response === 'string' ? response : response.content;
    if (jsonNestingDepth(content) > MAX_SCHEMA_DEPTH) {
      throw new LoadFailure({ state: 'unavailable', reason: `${what} nests more than ${MAX_SCHEMA_DEPTH} levels deep, more than Charter reads from a schema${via}` });
    }
    const errors: ParseError[] = [];
    const schema = parseJson(content.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: false, disallowComments: true }) as JsonSchema;
    if (errors.length > 0) {
      const at = position(content, errors[0].offset);
      throw new LoadFailure({ state: 'unavailable', reason: `${what} is not valid JSON (line ${at.line}, column ${at.column}: ${jsonErrorWords(printParseErrorCode(errors[0].error))})${via}` });
    }
    if (typeof schema !== 'boolean' && (!schema || typeof schema !== 'object' || Array.isArray(schema))) {
      throw new LoadFailure({ state: 'unavailable', reason: `${what} is not a JSON Schema (a schema is a JSON object)${via}` });
    }
    const prepared = withAbsoluteId(schema, item.location);
    const refused = this.registry.add(item.key, prepared);
    if (refused) {
      const reason = explainRefusal(refused, prepared);
      throw new LoadFailure({ state: 'unavailable', reason: item.from ? `${schemaLabel(item.location, folderUri)} cannot be used: ${reason}${via}` : reason });
    }
    const cached = typeof response === 'string' || !response.cached ? undefined : { uri: item.location, ...response.cached };
    return { location: item.location, deps: externalRefs(prepared, this.registry.baseOf(item.key), item.location), cached };
  }

  private drop(key: string): void {
    this.registry.remove(key);
    this.loaded.delete(key);
  }

  private denied(location: string, folderUri: string | undefined): string | undefined {
    if (this.trusted) return undefined;
    if (/^https?:/i.test(location)) return 'this workspace is not trusted, and in Restricted Mode Charter downloads no schema';
    if (!folderUri || !isInside(location, folderUri)) return 'this workspace is not trusted, and in Restricted Mode Charter reads no schema from outside the workspace';
    return undefined;
  }
}

/** The text of a document together with the comments above it, where modelines are looked for. */
function textWithLeadingComments(file: ParsedFile, doc: ParsedDocument): string {
  const previous = file.documents[doc.index - 1];
  return file.text.slice(previous ? previous.end : 0, doc.end);
}

/** The workspace folder of a file, from its URI and its folder-relative path, when they agree. */
export function folderOf(uri: string, relativePath: string): string | undefined {
  if (!relativePath || !uri.startsWith('file:')) return undefined;
  const encoded = relativePath.split('/').map(encodeURIComponent).join('/');
  for (const tail of [encoded, relativePath]) if (uri.endsWith(`/${tail}`)) return uri.slice(0, uri.length - tail.length - 1);
  try {
    const path = decodeURIComponent(new URL(uri).pathname);
    if (path.endsWith(`/${relativePath}`)) return new URL(path.slice(0, path.length - relativePath.length - 1), uri).href.replace(/\/$/, '');
  } catch {
    // not a URL we can take apart: relative settings URLs then resolve against the document
  }
  return undefined;
}

function explainCompileError(reason: string, folderUri: string | undefined): string {
  const missing = /can't resolve reference (\S+) from id (\S+)/.exec(reason);
  if (missing) return `its $ref "${missing[1]}" (in ${schemaLabel(missing[2].replace(/#$/, ''), folderUri)}) points at nothing: no such schema or no such place in it`;
  return `it is not a valid JSON Schema (${reason})`;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function jsonErrorWords(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
