// Which subschemas apply at a spot in a document. One walk serves unknown-key detection,
// completion and hover, so the three always agree on what a schema allows.
import type { JsonSchema, SchemaRegistry } from './schemaRegistry';
import { tryLinearRegExp } from './linearRegExp';

/** A subschema together with where it lives, so `$ref`s inside it resolve and `if` can be evaluated. */
export interface SchemaRef {
  schema: JsonSchema;
  /** The id of the root schema that holds it. */
  rootId: string;
  /** JSON pointer to the subschema inside its root. */
  pointer: string;
}

type SchemaObject = { [keyword: string]: unknown };

const MAX_REF_DEPTH = 64;

export class SchemaWalker {
  constructor(private readonly registry: SchemaRegistry) {}

  root(id: string): SchemaRef | undefined {
    const schema = this.registry.rawSchema(id);
    // Relative `$ref`s inside resolve against the schema's own `$id` when it has one, as ajv does.
    return schema === undefined ? undefined : { schema, rootId: this.registry.baseOf(id), pointer: '' };
  }

  /**
   * Expands one subschema into every subschema that applies to `value`: `$ref`s followed, `allOf`
   * flattened, the `anyOf`/`oneOf` branches that `value` satisfies (all of them when none does),
   * `if`/`then`/`else` decided by `value`.
   */
  applicable(refs: SchemaRef[], value: unknown): SchemaRef[] {
    const out: SchemaRef[] = [];
    const seen = new Set<string>();
    const visit = (ref: SchemaRef, depth: number): void => {
      if (depth > MAX_REF_DEPTH || typeof ref.schema !== 'object' || ref.schema === null) return;
      const key = `${ref.rootId}#${ref.pointer}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(ref);
      const s = ref.schema as SchemaObject;
      if (typeof s.$ref === 'string') {
        const target = this.resolveRef(s.$ref, ref);
        if (target) visit(target, depth + 1);
      }
      if (Array.isArray(s.allOf)) s.allOf.forEach((_, i) => visit(child(ref, 'allOf', i), depth + 1));
      for (const keyword of ['anyOf', 'oneOf'] as const) {
        const branches = s[keyword];
        if (!Array.isArray(branches)) continue;
        const refs = branches.map((_, i) => child(ref, keyword, i));
        const matching = refs.filter((b) => this.matches(b, value));
        (matching.length > 0 ? matching : refs).forEach((b) => visit(b, depth + 1));
      }
      if (s.if !== undefined) {
        const branch = this.matches(child(ref, 'if'), value) ? 'then' : 'else';
        if (s[branch] !== undefined) visit(child(ref, branch), depth + 1);
      }
      if (s.dependentSchemas && typeof s.dependentSchemas === 'object' && isObject(value)) {
        for (const name of Object.keys(s.dependentSchemas)) {
          if (name in value) visit(child(ref, 'dependentSchemas', name), depth + 1);
        }
      }
    };
    for (const ref of refs) visit(ref, 0);
    return out;
  }

  /** The subschemas for the value under `key` of an object, given the subschemas applying to the object. */
  propertySchemas(applicable: SchemaRef[], key: string): SchemaRef[] {
    const out: SchemaRef[] = [];
    for (const ref of applicable) {
      const s = ref.schema as SchemaObject;
      const props = s.properties as SchemaObject | undefined;
      let matched = false;
      if (props && Object.prototype.hasOwnProperty.call(props, key)) {
        out.push(child(ref, 'properties', key));
        matched = true;
      }
      const patterns = s.patternProperties as SchemaObject | undefined;
      if (patterns) {
        for (const pattern of Object.keys(patterns)) {
          if (tryLinearRegExp(pattern)?.test(key)) {
            out.push(child(ref, 'patternProperties', pattern));
            matched = true;
          }
        }
      }
      if (!matched && s.additionalProperties !== undefined && typeof s.additionalProperties === 'object') {
        out.push(child(ref, 'additionalProperties'));
      }
    }
    return out;
  }

  /** The subschemas for item `index` of an array. */
  itemSchemas(applicable: SchemaRef[], index: number): SchemaRef[] {
    const out: SchemaRef[] = [];
    for (const ref of applicable) {
      const s = ref.schema as SchemaObject;
      if (Array.isArray(s.prefixItems) && index < s.prefixItems.length) out.push(child(ref, 'prefixItems', index));
      else if (Array.isArray(s.items)) {
        // draft-07 tuple form
        if (index < s.items.length) out.push(child(ref, 'items', index));
        else if (typeof s.additionalItems === 'object') out.push(child(ref, 'additionalItems'));
      } else if (s.items !== undefined && typeof s.items === 'object') out.push(child(ref, 'items'));
    }
    return out;
  }

  /** The keys the applicable subschemas declare, in schema order, without duplicates. */
  declaredKeys(applicable: SchemaRef[]): string[] {
    const keys = new Set<string>();
    for (const ref of applicable) {
      const props = (ref.schema as SchemaObject).properties;
      if (props && typeof props === 'object') for (const k of Object.keys(props)) keys.add(k);
    }
    return [...keys];
  }

  /**
   * Whether a key no subschema declares is unknown here: some subschema describes this object's
   * properties, and none allows arbitrary extra keys.
   */
  isUnknownKey(applicable: SchemaRef[], key: string): boolean {
    let structured = false;
    for (const ref of applicable) {
      const s = ref.schema as SchemaObject;
      if (s.properties && typeof s.properties === 'object') {
        structured = true;
        if (Object.prototype.hasOwnProperty.call(s.properties, key)) return false;
      }
      if (s.patternProperties && typeof s.patternProperties === 'object') {
        structured = true;
        for (const pattern of Object.keys(s.patternProperties)) if (tryLinearRegExp(pattern)?.test(key)) return false;
      }
      if (s.additionalProperties === true || (typeof s.additionalProperties === 'object' && s.additionalProperties !== null)) return false;
      if (s.unevaluatedProperties === true || (typeof s.unevaluatedProperties === 'object' && s.unevaluatedProperties !== null)) return false;
    }
    return structured;
  }

  /** Whether some subschema forbids extra keys itself (then ajv reports them and we need not). */
  forbidsExtraKeys(applicable: SchemaRef[]): boolean {
    return applicable.some((ref) => {
      const s = ref.schema as SchemaObject;
      return s.additionalProperties === false || s.unevaluatedProperties === false;
    });
  }

  resolveRef(ref: string, from: SchemaRef): SchemaRef | undefined {
    let base: string;
    let fragment: string;
    const hash = ref.indexOf('#');
    const uriPart = hash >= 0 ? ref.slice(0, hash) : ref;
    fragment = hash >= 0 ? ref.slice(hash + 1) : '';
    try {
      base = uriPart ? new URL(uriPart, from.rootId).href : from.rootId;
    } catch {
      base = uriPart || from.rootId;
    }
    const root = this.registry.rawSchema(base);
    if (root === undefined) return undefined;
    fragment = decodeURIComponent(fragment);
    if (fragment === '' || fragment.startsWith('/')) {
      const target = fragment === '' ? root : followPointer(root, fragment);
      return target === undefined ? undefined : { schema: target, rootId: base, pointer: fragment };
    }
    const anchored = findAnchor(root, fragment);
    return anchored ? { schema: anchored.schema, rootId: base, pointer: anchored.pointer } : undefined;
  }

  private matches(ref: SchemaRef, value: unknown): boolean {
    if (ref.schema === true) return true;
    if (ref.schema === false) return false;
    const validate = this.registry.fragment(`${ref.rootId}#${encodePointerForRef(ref.pointer)}`);
    if (!validate) return false;
    return validate(value) as boolean;
  }
}

function child(ref: SchemaRef, ...segments: Array<string | number>): SchemaRef {
  let schema: unknown = ref.schema;
  let pointer = ref.pointer;
  for (const segment of segments) {
    schema = schema && typeof schema === 'object' ? (schema as SchemaObject)[segment as string] : undefined;
    pointer += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return { schema: (schema ?? true) as JsonSchema, rootId: ref.rootId, pointer };
}

function followPointer(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as SchemaObject)[segment];
  }
  return node as JsonSchema | undefined;
}

function findAnchor(root: JsonSchema, anchor: string): { schema: JsonSchema; pointer: string } | undefined {
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: root, pointer: '' }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if ((node as SchemaObject).$anchor === anchor) return { schema: node as JsonSchema, pointer };
    for (const [k, v] of Object.entries(node)) stack.push({ node: v, pointer: `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` });
  }
  return undefined;
}

function encodePointerForRef(pointer: string): string {
  return pointer
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%7E/gi, '~'))
    .join('/');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

