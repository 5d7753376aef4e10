// The built-in schemas ship inside the bundle, so they resolve offline by their `$id`; each kind's is in
// its descriptor (model/documentKinds.ts).
import { kindDescriptors } from '../model/documentKinds';
import type { DocumentKind } from '../types';

export const BUILTIN_SCHEMA_BASE = 'https://charter.dev/schemas/v1/';

export const BUILTIN_SCHEMAS: ReadonlyArray<{ $id: string; [keyword: string]: unknown }> = kindDescriptors().map((d) => d.schema);

export function builtinSchemaId(kind: DocumentKind): string {
  return `${BUILTIN_SCHEMA_BASE}${kind.toLowerCase()}.json`;
}
