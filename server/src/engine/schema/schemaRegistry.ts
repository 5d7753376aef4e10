// Every schema the engine knows, compiled with ajv once and cached by id.
import Ajv2020, { type AnySchema, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import addErrors from 'ajv-errors';
import draft07MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';
import { BUILTIN_SCHEMAS, builtinSchemaId } from './builtinSchemas';
import { absoluteId, toDraft2020 } from './schemaDialects';
import { addMoneyKeywords } from './moneyKeywords';
import type { DocumentKind } from '../types';
import { linearRegExpEngine } from './linearRegExp';
import type { Result } from '../utils/result';

export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** Keywords that only annotate (editor hints and our own `x-` keywords); ajv must accept them. */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'deprecationMessage',
  'doNotSuggest',
  'suggestSortText',
  'patternErrorMessage',
  'x-rule',
  'x-severity',
  'x-docs',
  'x-synonyms',
];

export type CompiledSchema = Result<{ validate: ValidateFunction }>;

export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  private readonly raw = new Map<string, JsonSchema>();
  /** A schema's own absolute `$id`, when it differs from the key it was registered under. */
  private readonly aliases = new Map<string, string>();
  private readonly compiled = new Map<string, CompiledSchema>();
  private readonly fragments = new Map<string, ValidateFunction | null>();

  constructor() {
    this.ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: false,
      allowUnionTypes: true,
      validateFormats: true,
      // Ids and refs are resolved by the registry; a schema never triggers network access from ajv.
      loadSchema: undefined,
      code: { regExp: linearRegExpEngine },
    });
    addFormats(this.ajv);
    addErrors(this.ajv, { keepErrors: false, singleError: false });
    for (const keyword of ANNOTATION_KEYWORDS) this.ajv.addKeyword({ keyword, schemaType: ['string', 'number', 'boolean', 'object', 'array'] });
    addMoneyKeywords(this.ajv);
    this.ajv.addMetaSchema(draft07MetaSchema);
    for (const schema of BUILTIN_SCHEMAS) {
      const problem = this.add(schema.$id as string, schema);
      if (problem) throw new Error(`The built-in schema ${schema.$id} cannot be registered: ${problem}`);
    }
  }

  /**
   * Registers a schema under an id (its `$id` for built-ins, its URL for PMO schemas). A draft-07
   * schema is first rewritten to the 2020-12 spelling of the same meaning. Returns why the schema
   * was refused (not a valid schema, an `$id` already taken), or undefined when it was registered.
   */
  add(id: string, schema: JsonSchema): string | undefined {
    this.remove(id);
    const prepared = toDraft2020(schema);
    try {
      this.ajv.addSchema(prepared as AnySchema, id);
    } catch (e) {
      this.forgetInAjv(id, prepared);
      return (e as Error).message;
    }
    this.raw.set(id, prepared);
    const ownId = absoluteId(prepared);
    if (ownId && ownId !== id) this.aliases.set(ownId, id);
    return undefined;
  }

  remove(id: string): void {
    const schema = this.raw.get(id);
    if (schema === undefined) return;
    this.raw.delete(id);
    for (const [alias, key] of this.aliases) if (key === id) this.aliases.delete(alias);
    this.forgetInAjv(id, schema);
    this.compiled.clear();
    this.fragments.clear();
  }

  /** Removes a schema from ajv under every name ajv filed it: its key, its `$id`, the `$id`s inside it. */
  private forgetInAjv(id: string, schema: JsonSchema): void {
    const names = new Set([stripFragment(id)]);
    const ownId = absoluteId(schema);
    if (ownId) names.add(ownId);
    for (const name of names) this.ajv.removeSchema(name);
    const refs = this.ajv.refs as Record<string, unknown>;
    for (const [ref, target] of Object.entries(refs)) {
      if (typeof target === 'string' && [...names].some((name) => target.startsWith(`${name}#`))) delete refs[ref];
    }
  }

  /** Whether a schema is registered under this id (or has it as its own `$id`). */
  has(id: string): boolean {
    const bare = stripFragment(id);
    return this.raw.has(bare) || this.aliases.has(bare);
  }

  /** Whether ajv can resolve this URI without loading anything: a registered schema or a meta-schema. */
  knows(uri: string): boolean {
    const bare = stripFragment(uri);
    return this.has(bare) || this.ajv.schemas[bare] !== undefined || this.ajv.refs[bare] !== undefined;
  }

  rawSchema(id: string): JsonSchema | undefined {
    const bare = stripFragment(id);
    return this.raw.get(bare) ?? this.raw.get(this.aliases.get(bare) ?? '');
  }

  /** The URI relative `$ref`s inside a registered schema resolve against: its absolute `$id`, else its key. */
  baseOf(id: string): string {
    const schema = this.rawSchema(id);
    return (schema !== undefined && absoluteId(schema)) || stripFragment(id);
  }

  /** Ids of every schema registered besides the built-ins. */
  customIds(): string[] {
    const builtins = new Set(BUILTIN_SCHEMAS.map((s) => s.$id as string));
    return [...this.raw.keys()].filter((id) => !builtins.has(id));
  }

  builtinIdFor(kind: DocumentKind): string {
    return builtinSchemaId(kind);
  }

  /** The compiled validator of a whole schema, or why it cannot be compiled. Compiled once. */
  compile(id: string): CompiledSchema {
    const cached = this.compiled.get(id);
    if (cached) return cached;
    let result: CompiledSchema;
    try {
      const validate = this.ajv.getSchema(id);
      result = validate ? { ok: true, validate } : { ok: false, reason: `no schema is registered as ${id}` };
    } catch (e) {
      result = { ok: false, reason: (e as Error).message };
    }
    this.compiled.set(id, result);
    return result;
  }

  /** The validator of a subschema, addressed as `<schema id>#<JSON pointer>`; null when it cannot be compiled. */
  fragment(ref: string): ValidateFunction | null {
    if (this.fragments.has(ref)) return this.fragments.get(ref)!;
    let validate: ValidateFunction | null = null;
    try {
      validate = this.ajv.getSchema(ref) ?? null;
    } catch {
      validate = null;
    }
    this.fragments.set(ref, validate);
    return validate;
  }
}

export function stripFragment(id: string): string {
  const hash = id.indexOf('#');
  return hash >= 0 ? id.slice(0, hash) : id;
}
