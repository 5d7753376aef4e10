// Text edits for fixes that add something to a charter. Each edit inserts at one spot next to the node
// it extends, in that node's own style (block or flow, its indentation), and leaves the rest alone.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { TextEdit } from '../types';
import { lineBreakOf } from '../utils/lineIndex';
import type { DataPath } from '../utils/yamlNodes';
import type { CharterDocument } from '../model/charterReader';

/** Adds `key: value` at the end of the mapping at `path` (which must exist). */
export function appendPair(document: CharterDocument, path: DataPath, key: string, valueText: string): TextEdit | undefined {
  const node = document.locate(path).node;
  if (!isMap(node) || !node.range) return undefined;
  const text = document.file.text;
  if (node.flow) {
    const close = text.lastIndexOf('}', node.range[1] - 1);
    if (close < 0) return undefined;
    const end = trimBack(text, close);
    const separator = node.items.length > 0 ? ', ' : ' ';
    return insertAt(document, end, `${separator}${key}: ${valueText}${node.items.length > 0 ? '' : ' '}`);
  }
  const first = node.items[0] as Pair<Node, Node | null> | undefined;
  if (!first || !isScalar(first.key) || !first.key.range) return undefined;
  const indent = ' '.repeat(document.file.lines.positionAt(first.key.range[0]).character);
  return insertAt(document, lineEndAfter(document, lastPairEnd(node.items as Array<Pair<Node, Node | null>>)), `\n${indent}${key}: ${valueText}`);
}

/**
 * Adds an item to the list at `path`, written as a flow mapping (`{ a: 1, b: 2 }`) when the list's last
 * item is one, else as a block mapping. When the list is missing, adds `key:` with the item at the end of
 * the parent mapping.
 */
export function appendListItem(document: CharterDocument, path: DataPath, fields: Array<[string, string]>): TextEdit | undefined {
  const located = document.locate(path);
  const node = located.node;
  const text = document.file.text;
  const flowItem = `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  if (isSeq(node) && node.range) {
    if (node.flow) {
      const close = text.lastIndexOf(']', node.range[1] - 1);
      if (close < 0) return undefined;
      return insertAt(document, trimBack(text, close), node.items.length > 0 ? `, ${flowItem}` : flowItem);
    }
    const last = node.items[node.items.length - 1] as Node | undefined;
    const indent = ' '.repeat(document.file.lines.positionAt(node.range[0]).character);
    if (!last?.range) return undefined;
    const item = isMap(last) && !last.flow ? blockItem(fields, indent) : `- ${flowItem}`;
    return insertAt(document, lineEndAfter(document, last.range[1]), `\n${indent}${item}`);
  }
  if (node !== null) return undefined; // something that is not a list is in the way: the schema reports it
  const parentPath = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const parent = parentPath.length === 0 ? (document.doc.yaml.contents as Node | null) : document.locate(parentPath).node;
  if (!isMap(parent) || parent.flow || parent.items.length === 0) return undefined;
  const first = parent.items[0] as Pair<Node, Node | null>;
  if (!isScalar(first.key) || !first.key.range) return undefined;
  const indent = ' '.repeat(document.file.lines.positionAt(first.key.range[0]).character);
  return insertAt(document, lineEndAfter(document, lastPairEnd(parent.items as Array<Pair<Node, Node | null>>)), `\n${indent}${key}:\n${indent}  - ${flowItem}`);
}

function blockItem(fields: Array<[string, string]>, indent: string): string {
  return fields.map(([k, v], i) => (i === 0 ? `- ${k}: ${v}` : `\n${indent}  ${k}: ${v}`)).join('');
}

function lastPairEnd(items: Array<Pair<Node, Node | null>>): number {
  const last = items[items.length - 1];
  return last.value?.range?.[1] ?? (last.key as Node).range?.[1] ?? 0;
}

/** The end of the line on which the content before `offset` ends (after any trailing comment). */
function lineEndAfter(document: CharterDocument, offset: number): number {
  const lines = document.file.lines;
  const end = trimBack(document.file.text, offset);
  return lines.lineEnd(lines.positionAt(Math.max(0, end - 1)).line);
}

function trimBack(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function insertAt(document: CharterDocument, offset: number, newText: string): TextEdit {
  const position = document.file.lines.positionAt(offset);
  const eol = lineBreakOf(document.file.text);
  return { range: { start: position, end: position }, newText: newText.replace(/\n/g, eol) };
}
