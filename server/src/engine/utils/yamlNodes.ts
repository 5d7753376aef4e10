// Finding YAML nodes by their path in the data, and the ranges a finding should underline.
import { isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type PathSegment = string | number;
export type DataPath = PathSegment[];

export interface LocatedNode {
  /** The node at the path, if the path exists. */
  node: Node | null;
  /** The mapping pair whose value the node is, when it sits under a key. */
  pair?: Pair<Node, Node | null>;
  /** The deepest node the path reached (the node itself when it exists). */
  reached: Node | null;
  reachedPair?: Pair<Node, Node | null>;
}

export function locate(doc: Document.Parsed, path: DataPath): LocatedNode {
  let node = doc.contents as Node | null;
  let pair: Pair<Node, Node | null> | undefined;
  for (const segment of path) {
    let next: Node | null | undefined;
    let nextPair: Pair<Node, Node | null> | undefined;
    if (isMap(node)) {
      nextPair = node.items.find((p) => keyText(p.key) === String(segment)) as Pair<Node, Node | null> | undefined;
      next = nextPair ? (nextPair.value ?? null) : undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = (node.items[segment] as Node | undefined) ?? undefined;
    }
    if (next === undefined) return { node: null, reached: node, reachedPair: pair };
    node = next;
    pair = nextPair;
  }
  return { node, pair, reached: node, reachedPair: pair };
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

export type OffsetRange = [number, number];

/** The range to underline for a wrong value: the value itself, or its key when the value is a block or empty. */
export function valueRange(located: LocatedNode, docStart: number, text: string): OffsetRange {
  const { node, pair } = located;
  if (node && node.range) {
    const [start, end] = nodeOffsets(node, text);
    const isBlock = isCollection(node) && !node.flow;
    if (end > start && !isBlock) return [start, end];
  }
  if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
  if (node && node.range) return nodeExtent(node);
  return [docStart, docStart];
}

/**
 * Where a node is written: for a block scalar (`|`, `>-`), from its header to the end of its last
 * line of content, without the line break and blank lines after it. Those belong to the lines around
 * it: an edit that replaces the node must keep them, or it joins the next key onto the value's line.
 */
export function nodeOffsets(node: Node, text: string): OffsetRange {
  const [start, end] = node.range!;
  if (!isScalar(node) || (node.type !== 'BLOCK_FOLDED' && node.type !== 'BLOCK_LITERAL')) return [start, end];
  let trimmed = end;
  while (trimmed > start && /[ \t\r\n]/.test(text[trimmed - 1])) trimmed--;
  return [start, trimmed];
}

/** The range of the key that owns a node; for the root or a list item, its first key. */
export function ownerKeyRange(located: LocatedNode, docStart: number): OffsetRange {
  const { pair, node } = located;
  if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
  if (isMap(node) && node.items.length > 0) {
    const first = node.items[0];
    if (isPair(first) && isScalar(first.key) && first.key.range) return [first.key.range[0], first.key.range[1]];
  }
  if (node && node.range) return nodeExtent(node);
  return [docStart, docStart];
}

/** The key node of `key` inside the mapping at `located`. */
export function childKeyRange(located: LocatedNode, key: string): OffsetRange | undefined {
  if (!isMap(located.node)) return undefined;
  const pair = located.node.items.find((p) => keyText(p.key) === key);
  if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
  return undefined;
}

function nodeExtent(node: Node): OffsetRange {
  const [start, end] = node.range!;
  return [start, Math.max(start, end)];
}

/** Splits an ajv instancePath (`/milestones/0/status`) into data path segments. */
export function pathFromPointer(pointer: string): DataPath {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => {
      const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s;
    });
}
