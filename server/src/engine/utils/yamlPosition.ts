// Where a caret sits in a YAML document: the data path of the mapping or list around it, and whether
// it is at a key or a value. Read from the text by indentation, because YAML being typed is often
// invalid and the parsed nodes cannot be trusted at that moment.
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import { isMap, isPair, isSeq, type Node } from 'yaml';
import { keyText, type DataPath } from './yamlNodes';

export type CaretMode =
  /** At a key of a block or flow mapping (possibly after `- `, where a list item could be a mapping or a scalar). */
  | 'key'
  /** At the value of `key: |`, of a list item `- |`, or of a flow sequence item. */
  | 'value';

export interface CaretContext {
  /** Undefined in a file with no document at all (empty, or only comments). */
  document: ParsedDocument | undefined;
  /** Index of the document in the file. */
  documentIndex: number;
  mode: CaretMode;
  /**
   * Key mode: the path of the mapping the key belongs to. Value mode: the path of the value itself
   * (the mapping's path plus the key, or the list's path plus the item index).
   */
  path: DataPath;
  /** Key mode: the keys already present in that mapping (other than the one being typed). */
  siblings: string[];
  /** Key mode after `- ` with nothing else on the item yet: the item could as well be a scalar. */
  bareListItem: boolean;
  /** Whether the mapping/list around the caret is a flow collection (`{ ... }`, `[ ... ]`). */
  flow: boolean;
  /** The text typed so far at the caret (the key or value prefix). */
  prefix: string;
  /** Offsets of the text a completion replaces: the whole key or value word at the caret. */
  replace: [number, number];
  /** Column of the key (key mode) or of the key that owns the value (value mode). */
  column: number;
  /** Key mode: a `:` already follows the key being typed, so a completion inserts the key alone. */
  keyHasColon: boolean;
  /** Leading whitespace of the caret's line: editors indent the later lines of a snippet by it. */
  lineIndent: number;
  /** True when the document holds nothing but whitespace and comments. */
  emptyDocument: boolean;
}

interface Token {
  line: number;
  column: number;
  type: 'dash' | 'key';
  key?: string;
  /** For keys: whether anything follows the `:` on the line (then the key owns no block below). */
  inlineValue?: boolean;
}

const KEY_LINE = /^((?:"[^"]*"|'[^']*'|[^\s#:'"\-{[][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/;

/** What every kind of caret context is read from: the caret's line, split at the caret, and the document's other lines. */
interface CaretLine {
  text: string;
  offset: number;
  line: number;
  /** The caret's line up to the caret. */
  before: string;
  /** Tokens of every other line of the document. */
  tokens: Token[];
  /** The list dashes that start the caret's line. */
  caretTokens: Token[];
  /** Column after those dashes. */
  col: number;
  /** The caret's line after the dashes, up to the caret (or up to an open flow collection). */
  rest: string;
  keyMatch: RegExpExecArray | null;
  common: Pick<CaretContext, 'keyHasColon' | 'document' | 'documentIndex' | 'lineIndent' | 'emptyDocument'>;
  /** The end of the word starting at `from`: the first `stop` character or the end of the line. */
  wordEnd(from: number, stop: RegExp): number;
}

/** The caret context at `offset`, or undefined inside a comment or a block scalar. */
export function caretContext(file: ParsedFile, offset: number): CaretContext | undefined {
  const { text, lines } = file;
  const documentIndex = documentAt(file, offset);
  const pos = lines.positionAt(offset);
  const lineText = lines.lineText(pos.line);
  const before = lineText.slice(0, pos.character);
  if (/(^|\s)#/.test(stripQuoted(before))) return undefined;
  const [firstLine, lastLine] = documentLines(file, pos.line);

  // Tokens of every line of the document, those of the caret's line only up to the caret.
  const tokens: Token[] = [];
  for (let line = firstLine; line <= lastLine; line++) {
    if (line === pos.line) continue;
    tokens.push(...lineTokens(lines.lineText(line), line));
  }
  const flowStart = openFlow(before);
  const head = flowStart === undefined ? before : before.slice(0, flowStart);
  const dashes = /^(\s*)((?:-\s+)*)/.exec(head)!;
  const caretTokens: Token[] = [];
  let col = dashes[1].length;
  for (const dash of dashes[2].match(/-\s+/g) ?? []) {
    caretTokens.push({ line: pos.line, column: col, type: 'dash' });
    col += dash.length;
  }
  const rest = head.slice(col);
  const caret: CaretLine = {
    text,
    offset,
    line: pos.line,
    before,
    tokens,
    caretTokens,
    col,
    rest,
    keyMatch: KEY_LINE.exec(rest),
    common: {
      keyHasColon: false,
      document: file.documents[documentIndex] as ParsedDocument | undefined,
      documentIndex,
      lineIndent: /^ */.exec(lineText)![0].length,
      emptyDocument: !hasContent(file, firstLine, lastLine, pos.line),
    },
    wordEnd(from, stop) {
      let end = from;
      const lineEnd = lines.lineEnd(pos.line);
      while (end < lineEnd && !stop.test(text[end])) end++;
      return end;
    },
  };
  if (flowStart !== undefined) return flowContext(caret, flowStart);
  if (caret.keyMatch) return valueContext(caret, caret.keyMatch, lines.lineEnd(pos.line));
  return keyContext(caret);
}

/** Inside `{ ... }` or `[ ... ]` on the caret's line: the collection belongs to the key or item before it. */
function flowContext(caret: CaretLine, flowStart: number): CaretContext {
  const { text, offset, before, keyMatch, common, wordEnd } = caret;
  const ownerTokens = [...caret.caretTokens];
  if (keyMatch) ownerTokens.push({ line: caret.line, column: caret.col, type: 'key', key: unquote(keyMatch[1].trim()) });
  const ownerPath = pathOf(caret.tokens, ownerTokens, caret.line);
  const inside = before.slice(flowStart + 1);
  const segment = inside.slice(inside.lastIndexOf(',') + 1);
  const flow = { ...common, siblings: [], bareListItem: false, flow: true, column: flowStart };
  if (before[flowStart] === '[') {
    const index = (inside.match(/,/g) ?? []).length;
    const prefix = segment.trimStart();
    const start = offset - prefix.length;
    return { ...flow, mode: 'value', path: [...ownerPath, index], prefix, replace: [start, trimBack(text, start, wordEnd(offset, /[,\]]/))] };
  }
  const pair = /^\s*([^:]*?)\s*:\s+(.*)$/.exec(segment);
  if (pair) {
    const prefix = pair[2];
    const start = offset - prefix.length;
    return { ...flow, mode: 'value', path: [...ownerPath, unquote(pair[1])], prefix, replace: [start, trimBack(text, start, wordEnd(offset, /[,}]/))] };
  }
  const present = [...inside.matchAll(/(?:^|,)\s*([^,:{}]+?)\s*:/g)].map((m) => unquote(m[1]));
  const prefix = segment.trimStart();
  const start = offset - prefix.length;
  const end = wordEnd(offset, /[,}:\s]/);
  return { ...flow, keyHasColon: text[end] === ':', mode: 'key', path: ownerPath, siblings: present.filter((k) => k !== prefix), prefix, replace: [start, end] };
}

/** `key: |` - the value of a key on the caret's line. */
function valueContext(caret: CaretLine, keyMatch: RegExpExecArray, lineEnd: number): CaretContext {
  const { text, offset, col } = caret;
  const keyToken: Token = { line: caret.line, column: col, type: 'key', key: unquote(keyMatch[1].trim()) };
  const path = pathOf(caret.tokens, [...caret.caretTokens, keyToken], caret.line);
  const prefix = caret.rest.slice(keyMatch[0].length).trimStart();
  const start = offset - prefix.length;
  const end = trimBack(text, start, commentStart(text, offset, lineEnd));
  return { ...caret.common, mode: 'value', path, siblings: [], bareListItem: false, flow: false, prefix, replace: [start, Math.max(end, offset)], column: col };
}

/** At a key, or at a bare list item (`- |`) that could as well become a scalar. */
function keyContext(caret: CaretLine): CaretContext {
  const { text, offset, col: column, caretTokens } = caret;
  const prefix = caret.rest;
  const start = offset - prefix.length;
  const end = caret.wordEnd(offset, /[:\s#]/);
  const keyToken: Token = { line: caret.line, column, type: 'key', key: '' };
  const mapPath = pathOf(caret.tokens, [...caretTokens, keyToken], caret.line);
  mapPath.pop();
  const siblings = siblingKeys(caret.tokens, caretTokens, column, caret.line).filter((k) => k !== prefix);
  const bareListItem = caretTokens.length > 0 && !siblings.length;
  return { ...caret.common, keyHasColon: text[end] === ':', mode: 'key', path: mapPath, siblings, bareListItem, flow: false, prefix, replace: [start, end], column };
}

/** The tokens (list dashes and keys) a line starts with. */
function lineTokens(lineText: string, line: number): Token[] {
  const out: Token[] = [];
  const m = /^(\s*)((?:-(?:\s+|$))*)/.exec(lineText)!;
  if (lineText.slice(m[1].length).startsWith('#') || lineText.trim() === '') return out;
  let col = m[1].length;
  for (const dash of m[2].match(/-(?:\s+|$)/g) ?? []) {
    out.push({ line, column: col, type: 'dash' });
    col += dash.length;
  }
  const rest = lineText.slice(col);
  const key = KEY_LINE.exec(rest);
  if (key) {
    const after = rest.slice(key[0].length).replace(/\s#.*$/, '').trim();
    out.push({ line, column: col, type: 'key', key: unquote(key[1].trim()), inlineValue: after !== '' && !/^[|>]/.test(after) && !/^&\S+$/.test(after) });
  } else if (rest.trim() !== '' && !rest.startsWith('#')) {
    // A scalar (a list item's value, a block scalar's text, a continuation line) still bounds the structure.
    out.push({ line, column: col, type: 'key', inlineValue: true });
  }
  return out;
}

/**
 * The data path of the innermost token of `own` (the caret line's tokens), found by walking back
 * through the lines for each shallower token: the chain of keys and list items that encloses it.
 */
function pathOf(tokens: Token[], own: Token[], caretLine: number): DataPath {
  const before = tokens.filter((t) => t.line < caretLine);
  const chain: Token[] = [];
  const all = [...before, ...own];
  if (all.length === 0) return []; // nothing before the caret names a key or item: the document root
  let i = all.length - 1;
  let current = all[i];
  chain.unshift(current);
  for (i--; i >= 0; i--) {
    const t = all[i];
    const parentOfDash = current.type === 'dash' && t.type === 'key' && t.column === current.column && !t.inlineValue;
    if (t.column < current.column || parentOfDash) {
      if (t.type === 'key' && t.inlineValue && t.key === undefined) continue;
      chain.unshift(t);
      current = t;
      if (t.column === 0 && t.type === 'key') break;
    }
  }
  const path: DataPath = [];
  for (let c = 0; c < chain.length; c++) {
    const t = chain[c];
    if (t.type === 'key') path.push(t.key ?? '');
    else path.push(dashIndex(all, t, chain[c - 1]));
  }
  return path;
}

/** How many list items come before `dash` in its list. */
function dashIndex(all: Token[], dash: Token, parent: Token | undefined): number {
  const at = all.indexOf(dash);
  const from = parent ? all.indexOf(parent) + 1 : 0;
  let count = 0;
  for (let i = from; i < at; i++) {
    const t = all[i];
    if (t.type === 'dash' && t.column === dash.column) count++;
    else if (t.column < dash.column) count = 0;
  }
  return count;
}

/** The keys at `column` in the same mapping as the caret, before and after it. */
function siblingKeys(tokens: Token[], own: Token[], column: number, caretLine: number): string[] {
  const keys: string[] = [];
  const before = tokens.filter((t) => t.line < caretLine);
  const after = tokens.filter((t) => t.line > caretLine);
  if (!own.some((t) => t.type === 'dash' && t.column < column)) {
    for (let i = before.length - 1; i >= 0; i--) {
      const t = before[i];
      if (t.column < column) break;
      if (t.column === column && t.type === 'key' && t.key !== undefined) keys.push(t.key);
    }
  }
  for (const t of after) {
    if (t.column < column) break;
    if (t.column === column && t.type === 'key' && t.key !== undefined) keys.push(t.key);
  }
  return keys;
}

function documentAt(file: ParsedFile, offset: number): number {
  const docs = file.documents;
  for (let i = docs.length - 1; i >= 0; i--) {
    if ((docs[i].yaml.range?.[0] ?? 0) <= offset) return i;
  }
  return 0;
}

/** First and last line of the document around `line`: between `---`/`...` markers. */
function documentLines(file: ParsedFile, line: number): [number, number] {
  const isMarker = (l: number) => /^(---|\.\.\.)(\s|$)/.test(file.lines.lineText(l));
  let first = line;
  while (first > 0 && !isMarker(first - 1)) first--;
  let last = line;
  while (last + 1 < file.lines.lineCount && !isMarker(last + 1)) last++;
  return [first, last];
}

function hasContent(file: ParsedFile, first: number, last: number, caretLine: number): boolean {
  for (let l = first; l <= last; l++) {
    const t = file.lines.lineText(l).trim();
    if (t !== '' && !t.startsWith('#') && !(l === caretLine && /^[\w$.-]*$/.test(t))) return true;
  }
  return false;
}

/** Where an unclosed `{` or `[` opens before the caret on its line, if any. */
function openFlow(before: string): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s,[{:]/.test(before[i - 1]))) quote = c;
    else if (c === '{' || c === '[') stack.push(i);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) break;
  }
  return stack.length ? stack[stack.length - 1] : undefined;
}

function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, (m) => ' '.repeat(m.length));
}

function commentStart(text: string, from: number, lineEnd: number): number {
  for (let i = from; i < lineEnd; i++) if (text[i] === '#' && /\s/.test(text[i - 1] ?? ' ')) return i;
  return lineEnd;
}

function trimBack(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function unquote(key: string): string {
  if (key.length >= 2 && ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'")))) return key.slice(1, -1);
  return key;
}

export interface NodeAt {
  path: DataPath;
  /** The node under the caret: a key scalar, a value scalar, or a collection. */
  node: Node;
  onKey: boolean;
}

/** The deepest key or value node at `offset`, with its data path. */
export function nodeAt(node: Node | null, offset: number, path: DataPath): NodeAt | undefined {
  if (!node || !node.range || offset < node.range[0] || offset > node.range[1]) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const name = keyText(key);
      if (name === undefined) continue;
      if (key?.range && offset >= key.range[0] && offset <= key.range[1]) return { path: [...path, name], node: key, onKey: true };
      const inner = nodeAt(pair.value as Node | null, offset, [...path, name]);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const inner = nodeAt(node.items[i] as Node | null, offset, [...path, i]);
      if (inner) return inner;
    }
    return undefined;
  }
  return { path, node, onKey: false };
}

