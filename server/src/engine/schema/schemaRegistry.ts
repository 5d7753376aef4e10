// Every schema the engine knows, compiled with ajv once and cached by id.
import Ajv2020, { type AnySchema, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import addErrors from 'ajv-errors';
import draft07MetaSchema from 'ajv/dist/refs/json-schema-draft-07.json';
import { BUILTIN_SCHEMAS, builtinSchemaId } from './builtinSchemas';
import type { DocumentKind } from '../types';

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
];

export type CompiledSchema = { ok: true; validate: ValidateFunction } | { ok: false; reason: string };

export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  private readonly raw = new Map<string, JsonSchema>();
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
    });
    addFormats(this.ajv);
    addErrors(this.ajv, { keepErrors: false, singleError: false });
    for (const keyword of ANNOTATION_KEYWORDS) this.ajv.addKeyword({ keyword, schemaType: ['string', 'number', 'boolean', 'object', 'array'] });
    this.ajv.addMetaSchema(draft07MetaSchema);
    for (const schema of BUILTIN_SCHEMAS) this.add(schema.$id as string, schema);
  }

  /** Registers a schema under an id (its `$id` for built-ins, its URL for PMO schemas). */
  add(id: string, schema: JsonSchema): void {
    this.remove(id);
    this.raw.set(id, schema);
    this.ajv.addSchema(schema as AnySchema, id);
  }

  remove(id: string): void {
    if (!this.raw.has(id)) return;
    this.raw.delete(id);
    this.ajv.removeSchema(id);
    this.compiled.clear();
    this.fragments.clear();
  }

  has(id: string): boolean {
    return this.raw.has(id);
  }

  rawSchema(id: string): JsonSchema | undefined {
    return this.raw.get(stripFragment(id));
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
