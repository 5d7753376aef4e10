// What the effective schema says at a spot of a document: the subschemas that apply there (the walk
// validation uses) and their annotations. Completion, hover, quick-fixes and navigation all read it.
import type { SchemaRef, SchemaWalker } from '../schema/schemaWalker';
import type { DataPath } from '../utils/yamlNodes';

type SchemaObject = Record<string, unknown>;

/** The subschemas that apply at `path` of a document's value, starting from its root schema. */
export function schemasAt(walker: SchemaWalker, rootId: string, value: unknown, path: DataPath): SchemaRef[] {
  const root = walker.root(rootId);
  if (!root) return [];
  let refs = walker.applicable([root], value);
  let current: unknown = value;
  for (const segment of path) {
    const next = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment as string] : undefined;
    const children = typeof segment === 'number' ? walker.itemSchemas(refs, segment) : walker.propertySchemas(refs, segment);
    refs = walker.applicable(children, next);
    current = next;
    if (refs.length === 0) break;
  }
  return refs;
}

/** The first value of an annotation among applicable subschemas: the property's own before its `$ref`'s. */
export function annotation<T = unknown>(refs: SchemaRef[], keyword: string): T | undefined {
  for (const ref of refs) {
    const s = ref.schema;
    if (s && typeof s === 'object' && (s as SchemaObject)[keyword] !== undefined) return (s as SchemaObject)[keyword] as T;
  }
  return undefined;
}

/** The description of the first subschema that has one: a property's own words before its `$ref`'s. */
export function describeSchema(refs: SchemaRef[]): string | undefined {
  for (const ref of refs) {
    const s = ref.schema as SchemaObject;
    if (!s || typeof s !== 'object') continue;
    const text = s.markdownDescription ?? s.description;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

/** The JSON types the applicable subschemas allow, read from `type` (or implied by `properties`/`items`). */
export function schemaTypes(refs: SchemaRef[]): Set<string> {
  const types = new Set<string>();
  for (const ref of refs) {
    const s = ref.schema as SchemaObject;
    if (!s || typeof s !== 'object') continue;
    const t = s.type;
    if (typeof t === 'string') types.add(t);
    else if (Array.isArray(t)) t.forEach((x) => types.add(String(x)));
    if (s.properties) types.add('object');
    if (s.items || s.prefixItems) types.add('array');
  }
  return types;
}

export function enumValues(refs: SchemaRef[]): Array<{ value: unknown; description?: string }> {
  for (const ref of refs) {
    const s = ref.schema as SchemaObject;
    if (!s || typeof s !== 'object') continue;
    if (Array.isArray(s.enum)) {
      const md = (s.markdownEnumDescriptions ?? s.enumDescriptions) as string[] | undefined;
      return s.enum.map((value, i) => ({ value, description: Array.isArray(md) ? md[i] : undefined }));
    }
    if (s.const !== undefined) return [{ value: s.const, description: undefined }];
  }
  return [];
}

/**
 * The words an `x-synonyms` annotation maps to allowed values (`{ "completed": "closed" }`), keys in
 * lower case, from every applicable subschema (a property's own before its `$ref`'s; the first wins).
 * Only values `allowed` lists count, so a synonym can never lead to a value the schema rejects.
 */
export function enumSynonyms(refs: SchemaRef[], allowed: readonly unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const ref of refs) {
    const synonyms = ref.schema && typeof ref.schema === 'object' ? (ref.schema as SchemaObject)['x-synonyms'] : undefined;
    if (!synonyms || typeof synonyms !== 'object' || Array.isArray(synonyms)) continue;
    for (const [word, value] of Object.entries(synonyms as SchemaObject)) {
      const key = word.trim().toLowerCase();
      if (typeof value === 'string' && allowed.includes(value) && !out.has(key)) out.set(key, value);
    }
  }
  return out;
}
