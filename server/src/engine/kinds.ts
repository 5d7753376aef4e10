// Which kind of charter document this is: its `kind:` field, else its file name.
import type { ParsedDocument } from './parser/charterParser';
import { DOCUMENT_KINDS, type DocumentKind } from './types';

export interface KindDetection {
  kind?: DocumentKind;
  source?: 'field' | 'filename';
  /** A `kind:` value that is not one we know. */
  unknownKind?: string;
}

const BY_FILE_NAME: Array<{ test: RegExp; kind: DocumentKind }> = [
  { test: /(^|\.)charter\.ya?ml$/i, kind: 'Project' },
  { test: /\.programme\.ya?ml$/i, kind: 'Programme' },
  { test: /^portfolio\.ya?ml$/i, kind: 'Portfolio' },
  { test: /^people\.ya?ml$/i, kind: 'People' },
];

export function kindFromFileName(path: string): DocumentKind | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  return BY_FILE_NAME.find((entry) => entry.test.test(base))?.kind;
}

export function detectKind(doc: ParsedDocument, path: string): KindDetection {
  const value = doc.value;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'kind' in value) {
    const kind = (value as { kind: unknown }).kind;
    if (typeof kind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(kind)) return { kind: kind as DocumentKind, source: 'field' };
    return { unknownKind: String(kind ?? '') };
  }
  const byName = kindFromFileName(path);
  return byName ? { kind: byName, source: 'filename' } : {};
}
