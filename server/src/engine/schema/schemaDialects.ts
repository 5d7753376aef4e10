// Draft-07 schemas, accepted by one 2020-12 validator: the few keywords whose spelling changed are
// rewritten to their 2020-12 form, so every schema shares one ajv instance and `$ref`s cross freely.
import type { JsonSchema } from './schemaRegistry';

/** Keywords whose values are data, not subschemas: never rewritten. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions']);

/**
 * Draft-07 spellings rewritten to their 2020-12 form. The tuple form `items: [a, b]` (+ `additionalItems: c`)
 * is `prefixItems: [a, b]` (+ `items: c`), so a `$ref` pointing into a tuple (`#/items/0`) is pointed at
 * where that subschema now lives. A fragment `$id` (`"$id": "#foo"`, a draft-07 anchor) is `$anchor: "foo"`.
 * In a schema that declares 2020-12 only tuples are rewritten (leniently, as always): its `$id`s and `$ref`s
 * mean what 2020-12 says. Returns the same object when there is nothing to rewrite.
 */
export function toDraft2020(schema: JsonSchema): JsonSchema {
  const draft07 = !declares2020(schema);
  return needsRewrite(schema, draft07) ? (rewrite(schema, schema, draft07) as JsonSchema) : schema;
}

function declares2020(schema: JsonSchema): boolean {
  const dialect = schema && typeof schema === 'object' ? schema.$schema : undefined;
  return typeof dialect === 'string' && /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/.test(dialect);
}

function needsRewrite(node: unknown, draft07: boolean): boolean {
  if (Array.isArray(node)) return node.some((item) => needsRewrite(item, draft07));
  if (!node || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.items) || (draft07 && anchorOf(record.$id) !== undefined)) return true;
  return Object.entries(record).some(([key, value]) => !DATA_KEYWORDS.has(key) && !key.startsWith('x-') && needsRewrite(value, draft07));
}

/** `resource` is the original schema resource (root or nearest `$id` without fragment) `#` pointers resolve in. */
function rewrite(node: unknown, resource: unknown, draft07: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, resource, draft07));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const record = node as Record<string, unknown>;
  const anchor = draft07 ? anchorOf(record.$id) : undefined;
  const base = typeof record.$id === 'string' && anchor === undefined ? record.$id : anchor?.base;
  if (base) resource = node;
  for (const [key, value] of Object.entries(record)) out[key] = DATA_KEYWORDS.has(key) || key.startsWith('x-') ? value : rewrite(value, resource, draft07);
  if (anchor) {
    delete out.$id;
    if (anchor.base) out.$id = anchor.base;
    if (record.$anchor === undefined) out.$anchor = anchor.name;
  }
  if (draft07 && typeof record.$ref === 'string' && record.$ref.startsWith('#/')) out.$ref = repoint(record.$ref, resource);
  if (Array.isArray(record.items)) {
    out.prefixItems = out.items;
    delete out.items;
    if (record.additionalItems !== undefined) out.items = out.additionalItems;
    delete out.additionalItems;
  }
  return out;
}

/** A draft-07 `$id` whose fragment names a location (`#foo`, `other.json#foo`): its base and plain name. */
function anchorOf(id: unknown): { base: string; name: string } | undefined {
  if (typeof id !== 'string') return undefined;
  const match = /^([^#]*)#([A-Za-z_][-A-Za-z0-9._]*)$/.exec(id);
  return match ? { base: match[1], name: match[2] } : undefined;
}

/** A `#/...` pointer into the original resource, re-spelled to reach the same subschema after the tuple rewrite. */
function repoint(ref: string, resource: unknown): string {
  const segments = ref.slice(2).split('/');
  let node = resource;
  const out: string[] = [];
  for (const segment of segments) {
    let key: string;
    try {
      key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return ref;
    }
    const tuple = !!node && typeof node === 'object' && !Array.isArray(node) && Array.isArray((node as Record<string, unknown>).items);
    out.push(tuple && key === 'items' ? 'prefixItems' : tuple && key === 'additionalItems' ? 'items' : segment);
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return `#/${out.join('/')}`;
}

/** A schema's own `$id` when it is an absolute URI (without a trailing empty fragment). */
export function absoluteId(schema: JsonSchema): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(id)) return undefined;
  return id.replace(/#$/, '');
}

/** Why ajv refused a schema, in words a PMO author can act on. */
export function explainRefusal(reason: string, schema: JsonSchema): string {
  const dialect = schema && typeof schema === 'object' ? (schema as { $schema?: unknown }).$schema : undefined;
  const missingMeta = /no schema with key or ref "([^"]+)"/.exec(reason);
  if (missingMeta && typeof dialect === 'string' && missingMeta[1].replace(/#$/, '') === dialect.replace(/#$/, '')) {
    return `its $schema "${dialect}" is a JSON Schema version Charter does not read; use https://json-schema.org/draft/2020-12/schema or http://json-schema.org/draft-07/schema#`;
  }
  const taken = /schema with key or id "([^"]+)" already exists/.exec(reason);
  if (taken) return `its $id ${taken[1]} is already used by another schema; give this schema its own $id (or none)`;
  const invalid = /^schema is invalid: (.*)$/s.exec(reason);
  if (invalid) return `it is not a valid JSON Schema (${invalid[1]})`;
  return reason;
}
