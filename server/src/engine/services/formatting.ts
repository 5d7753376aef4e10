// Formatting (off unless `charter.format.enable`): two-space indentation and keys in the schema's
// order, with comments, blank lines, quoting and flow style kept. Broken YAML is left alone.
import { isMap, isPair, isSeq, parseAllDocuments, type Node, type Pair } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { SchemaRef, SchemaWalker } from '../schema/schemaWalker';
import type { TextEdit } from '../types';
import { keyText } from '../utils/yamlNodes';

export interface FormattingContext {
  walker: SchemaWalker;
  schemaIdFor: (document: ParsedDocument) => Promise<string | undefined>;
}

/** One edit replacing the whole text, or none when it is already formatted or cannot be parsed. */
export async function formatFile(file: ParsedFile, context: FormattingContext): Promise<TextEdit[]> {
  if (file.findings.some((f) => f.severity === 'error')) return [];
  // A fresh parse: the cached one is shared with every other feature and must not be reordered.
  const docs = parseAllDocuments(file.text, { version: '1.2', schema: 'core', keepSourceTokens: false });
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0) || docs.length !== file.documents.length) return [];
  const parts: string[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    const schemaId = await context.schemaIdFor(file.documents[i]);
    const root = schemaId ? context.walker.root(schemaId) : undefined;
    if (root) reorder(context.walker, doc.contents as Node | null, [root]);
    // No folding: a width no line reaches (0 would mean the same to most of `yaml`, but `!!binary` divides by it).
    parts.push(doc.toString({ indent: 2, indentSeq: true, lineWidth: Number.MAX_SAFE_INTEGER, minContentWidth: 0, flowCollectionPadding: true }));
  }
  let formatted = parts.map((part, i) => (i > 0 && !part.startsWith('---') ? `---\n${part}` : part)).join('');
  if (file.text.includes('\r\n')) formatted = formatted.replace(/\r?\n/g, '\r\n');
  if (formatted === file.text) return [];
  const end = file.lines.positionAt(file.text.length);
  return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
}

/** Puts the keys of every mapping in the order the schema declares them; undeclared keys keep their place after them. */
function reorder(walker: SchemaWalker, node: Node | null, refs: SchemaRef[], depth = 0): void {
  if (!node || depth > 64) return;
  const applicable = walker.applicable(refs, (node as { toJSON?: () => unknown }).toJSON?.());
  if (isMap(node)) {
    const order = walker.declaredKeys(applicable);
    const rank = (pair: Pair) => {
      const i = order.indexOf(keyText(pair.key) ?? '');
      return i < 0 ? order.length : i;
    };
    const items = node.items as Pair[];
    const sorted = items.map((pair, index) => ({ pair, index })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index);
    const first = items[0]?.key as Node | undefined;
    const heading = first?.commentBefore;
    node.items = sorted.map((s) => s.pair) as typeof node.items;
    // A comment above the first key heads the whole mapping: it stays on top whichever key comes first.
    const newFirst = (node.items[0] as Pair | undefined)?.key as Node | undefined;
    if (heading && first && newFirst && newFirst !== first) {
      first.commentBefore = undefined;
      newFirst.commentBefore = newFirst.commentBefore ? `${heading}\n${newFirst.commentBefore}` : heading;
    }
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair.key);
      if (key !== undefined) reorder(walker, pair.value as Node | null, walker.propertySchemas(applicable, key), depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => reorder(walker, item as Node | null, walker.itemSchemas(applicable, i), depth + 1));
  }
}
