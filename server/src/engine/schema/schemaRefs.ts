// What a schema points at outside itself: the other schema files its `$ref`s name, and the base they
// resolve against, so the loader can read them before ajv compiles anything.
import type { JsonSchema } from './schemaRegistry';

/** A relative `$id` becomes absolute against where the schema was read, so ajv and the walker agree on its base. */
export function withAbsoluteId(schema: JsonSchema, location: string): JsonSchema {
  if (!schema || typeof schema !== 'object') return schema;
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(id)) return schema;
  try {
    return { ...schema, $id: new URL(id, location).href };
  } catch {
    return schema;
  }
}

const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'defaultSnippets']);

/**
 * The other schema files a schema `$ref`s: where each is registered (resolved against the schema's `$id`,
 * as ajv resolves it) and where it is read from (resolved against where this schema was read).
 */
export function externalRefs(schema: JsonSchema, base: string, location: string): Array<{ key: string; location: string; ref: string }> {
  const embedded = new Set<string>();
  const refs: Array<{ ref: string; base: string }> = [];
  const visit = (node: unknown, nodeBase: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, nodeBase));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    let here = nodeBase;
    if (typeof record.$id === 'string' && node !== schema) {
      try {
        here = new URL(record.$id, nodeBase).href.replace(/#$/, '');
        embedded.add(here);
      } catch {
        // ajv reports a malformed $id when it compiles the schema
      }
    }
    for (const keyword of ['$ref', '$dynamicRef'] as const) if (typeof record[keyword] === 'string') refs.push({ ref: record[keyword] as string, base: here });
    for (const [key, value] of Object.entries(record)) if (!DATA_KEYWORDS.has(key) && !key.startsWith('x-')) visit(value, here);
  };
  visit(schema, base);
  const out = new Map<string, { key: string; location: string; ref: string }>();
  for (const { ref, base: refBase } of refs) {
    const target = ref.split('#')[0];
    if (!target) continue;
    try {
      const key = new URL(target, refBase).href;
      if (embedded.has(key) || out.has(key)) continue;
      const fromLocation = refBase === base ? new URL(target, location).href : key;
      out.set(key, { key, location: fromLocation, ref });
    } catch {
      // an unparsable $ref: ajv names it when it compiles the schema
    }
  }
  return [...out.values()];
}
