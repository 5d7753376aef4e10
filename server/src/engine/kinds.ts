// Which kind of charter document this is: its `kind:` field, else its file name (model/documentKinds.ts).
import { DOCUMENT_KINDS, kindDescriptors, type DocumentKind } from './model/documentKinds';
import type { ParsedDocument } from './parser/charterParser';
import { isOneOf } from './model/vocabulary';


export interface KindDetection {
  kind?: DocumentKind;
  source?: 'field' | 'filename';
  /** A `kind:` value that is not one we know. */
  unknownKind?: string;
}

/** The kind a file name says, for a document without `kind:`: the first descriptor whose pattern matches. */
export function kindFromFileName(path: string): DocumentKind | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  return kindDescriptors().find((d) => d.fileName.test(base))?.kind;
}

export function detectKind(doc: ParsedDocument, path: string): KindDetection {
  const value = doc.value;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'kind' in value) {
    const kind = (value as { kind: unknown }).kind;
    if (isOneOf(DOCUMENT_KINDS, kind)) return { kind, source: 'field' };
    return { unknownKind: String(kind ?? '') };
  }
  const byName = kindFromFileName(path);
  return byName ? { kind: byName, source: 'filename' } : {};
}
