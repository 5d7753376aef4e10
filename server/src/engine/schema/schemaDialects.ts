// Draft-07 schemas, accepted by one 2020-12 validator: the few keywords whose spelling changed are
// rewritten to their 2020-12 form, so every schema shares one ajv instance and `$ref`s cross freely.
import type { JsonSchema } from './schemaRegistry';

/** Keywords whose values are data, not subschemas: never rewritten. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions']);

/**
 * The tuple form `items: [a, b]` (+ `additionalItems: c`) is `prefixItems: [a, b]` (+ `items: c`) in 2020-12.
 * Returns the same object when there is nothing to rewrite.
 */
export function toDraft2020(schema: JsonSchema): JsonSchema {
  return needsRewrite(schema) ? (rewrite(schema) as JsonSchema) : schema;
}

function needsRewrite(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(needsRewrite);
  if (!node || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.items)) return true;
  return Object.entries(record).some(([key, value]) => !DATA_KEYWORDS.has(key) && !key.startsWith('x-') && needsRewrite(value));
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) out[key] = DATA_KEYWORDS.has(key) || key.startsWith('x-') ? value : rewrite(value);
  if (Array.isArray(record.items)) {
    out.prefixItems = out.items;
    delete out.items;
    if (record.additionalItems !== undefined) out.items = out.additionalItems;
    delete out.additionalItems;
  }
  return out;
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
