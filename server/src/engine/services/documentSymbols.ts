// The outline of a charter: its top-level keys, and the items of its lists (milestones, risks,
// objectives, deliverables, ...) by their name, title or id.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { Range } from '../types';
import { keyText } from '../utils/yamlNodes';

export type SymbolKind = 'module' | 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'event' | 'item';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole entry, key and value. */
  range: Range;
  /** The part to reveal and highlight: the key, or the item's naming value. */
  selectionRange: Range;
  children: DocumentSymbol[];
}

/** Keys that name a list item, in the order we look for them. */
const NAMING_KEYS = ['name', 'title', 'statement', 'id', 'person', 'project', 'role', 'category', 'fiscalYear', 'phase'];
/** Lists whose items are dated events. */
const EVENT_LISTS = new Set(['milestones', 'phaseLog', 'approvals']);
const MAX_DEPTH = 4;

export function findDocumentSymbols(file: ParsedFile): DocumentSymbol[] {
  const perDocument = file.documents.filter((d) => !d.empty).map((doc) => ({ doc, symbols: valueSymbols(file, doc.yaml.contents as Node | null, 0, undefined) }));
  if (perDocument.length <= 1) return perDocument[0]?.symbols ?? [];
  return perDocument.map(({ doc, symbols }) => documentSymbol(file, doc, symbols));
}

function documentSymbol(file: ParsedFile, doc: ParsedDocument, children: DocumentSymbol[]): DocumentSymbol {
  const value = doc.value as Record<string, unknown> | undefined;
  const kind = value && typeof value === 'object' && typeof value.kind === 'string' ? value.kind : 'Document';
  const id = value && typeof value === 'object' && value.id !== undefined ? String(value.id) : undefined;
  const range = file.lines.rangeOf(doc.start, trimEnd(file, doc.start, doc.yaml.range[1]));
  return { name: id ? `${kind} ${id}` : `${kind} ${doc.index + 1}`, kind: 'module', range, selectionRange: { start: range.start, end: range.start }, children };
}

function valueSymbols(file: ParsedFile, node: Node | null, depth: number, listName: string | undefined): DocumentSymbol[] {
  if (!node || depth > MAX_DEPTH) return [];
  if (isMap(node)) return node.items.flatMap((pair) => pairSymbol(file, pair as Pair<Node, Node | null>, depth));
  if (isSeq(node)) return node.items.flatMap((item, i) => itemSymbol(file, item as Node | null, i, depth, listName));
  return [];
}

function pairSymbol(file: ParsedFile, pair: Pair<Node, Node | null>, depth: number): DocumentSymbol[] {
  if (!isPair(pair)) return [];
  const name = keyText(pair.key);
  const key = pair.key as Node | null;
  if (name === undefined || !key?.range) return [];
  const value = pair.value as Node | null;
  const end = value?.range ? trimEnd(file, key.range[0], value.range[1]) : key.range[1];
  const range = file.lines.rangeOf(key.range[0], end);
  const selectionRange = file.lines.rangeOf(key.range[0], key.range[1]);
  if (isMap(value)) return [{ name, kind: 'object', range, selectionRange, children: valueSymbols(file, value, depth + 1, undefined) }];
  if (isSeq(value)) return [{ name, kind: 'array', detail: `${value.items.length} item${value.items.length === 1 ? '' : 's'}`, range, selectionRange, children: valueSymbols(file, value, depth + 1, name) }];
  const scalar = isScalar(value) ? value.value : null;
  const kind: SymbolKind = typeof scalar === 'number' ? 'number' : typeof scalar === 'boolean' ? 'boolean' : 'property';
  return [{ name, kind, detail: scalar === null || scalar === undefined ? undefined : oneLine(String(scalar)), range, selectionRange, children: [] }];
}

function itemSymbol(file: ParsedFile, node: Node | null, index: number, depth: number, listName: string | undefined): DocumentSymbol[] {
  if (!node?.range) return [];
  const range = file.lines.rangeOf(node.range[0], trimEnd(file, node.range[0], node.range[1]));
  const kind: SymbolKind = listName && EVENT_LISTS.has(listName) ? 'event' : 'item';
  if (isScalar(node)) return [{ name: oneLine(String(node.value ?? '')), kind: 'string', range, selectionRange: range, children: [] }];
  if (!isMap(node)) return [{ name: `[${index}]`, kind, range, selectionRange: range, children: valueSymbols(file, node, depth + 1, undefined) }];
  const named = NAMING_KEYS.map((k) => node.items.find((p) => keyText(p.key) === k)).find((p) => p && isScalar(p.value) && p.value.value !== null && p.value.value !== '');
  const namingValue = named?.value as Node | undefined;
  const name = namingValue && isScalar(namingValue) ? oneLine(String(namingValue.value)) : `[${index}]`;
  const id = node.items.find((p) => keyText(p.key) === 'id');
  const date = node.items.find((p) => keyText(p.key) === 'date');
  const details = [id && id !== named && isScalar(id.value) ? String(id.value.value) : undefined, date && isScalar(date.value) ? String(date.value.value) : undefined].filter(Boolean);
  const selectionRange = namingValue?.range ? file.lines.rangeOf(namingValue.range[0], namingValue.range[1]) : { start: range.start, end: range.start };
  return [{ name, kind, detail: details.join(' · ') || undefined, range, selectionRange, children: valueSymbols(file, node, depth + 1, undefined) }];
}

function trimEnd(file: ParsedFile, start: number, end: number): number {
  while (end > start && /\s/.test(file.text[end - 1])) end--;
  return end;
}

function oneLine(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
