// The built-in schemas ship inside the bundle, so they resolve offline by their `$id`.
import project from '../../../../schemas/project.schema.json';
import programme from '../../../../schemas/programme.schema.json';
import portfolio from '../../../../schemas/portfolio.schema.json';
import people from '../../../../schemas/people.schema.json';
import type { DocumentKind } from '../types';

export const BUILTIN_SCHEMA_BASE = 'https://charter.dev/schemas/v1/';

export const BUILTIN_SCHEMAS: ReadonlyArray<{ $id: string; [keyword: string]: unknown }> = [project, programme, portfolio, people] as never;

export function builtinSchemaId(kind: DocumentKind): string {
  return `${BUILTIN_SCHEMA_BASE}${kind.toLowerCase()}.json`;
}
