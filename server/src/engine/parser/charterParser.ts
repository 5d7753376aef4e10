// Text -> YAML documents with node ranges, plus the findings the parse itself yields.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type Pair } from 'yaml';
import type { Finding, Range } from '../types';
import { LineIndex } from '../utils/lineIndex';
import { docsFor } from '../utils/docs';
import { DEFAULT_MAX_SIZE_KB, firstTooDeep, MAX_NESTING_DEPTH, sizeLimitChars } from './parseLimits';
import { commaNumberFindings } from './commaNumbers';

/** An alias bomb expands exponentially; past this many alias resolutions we stop and say so. */
const MAX_ALIAS_COUNT = 1000;

export interface ParsedDocument {
  /** Position in the file, 0-based. */
  index: number;
  yaml: Document.Parsed;
  /** The plain JavaScript value, or undefined when it could not be built safely. */
  value: unknown;
  /** Offsets of the document in the file. */
  start: number;
  end: number;
  /** True when the document holds nothing but comments or whitespace. */
  empty: boolean;
}

export interface ParsedFile {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  /** Syntax and file-level findings (rules `yaml/*`). */
  findings: Finding[];
  /**
   * True when read by the fast loader: the values are exact, the nodes have no ranges. Such a file is
   * only ever checked for whether it has findings; one that has is parsed again exactly to place them.
   */
  fast?: true;
}

export interface ParseOptions {
  /** `charter.files.maxSizeKB`: a longer text gets one `yaml/too-large` finding and is not parsed. */
  maxSizeKB?: number;
}

export function parseCharterFile(uri: string, text: string, version = 0, options: ParseOptions = {}): ParsedFile {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const file: ParsedFile = { uri, version, text, lines, documents: [], findings };
  const firstLine = (): Range => lines.rangeOf(0, Math.min(text.length, lines.lineEnd(0)));

  const maxSizeKB = options.maxSizeKB ?? DEFAULT_MAX_SIZE_KB;
  if (text.length > sizeLimitChars(maxSizeKB)) {
    findings.push({
      rule: 'yaml/too-large',
      severity: 'error',
      message: `This file is larger than ${maxSizeKB.toLocaleString('en')} KB (charter.files.maxSizeKB), so it was not read. Split it into smaller charters, or raise the limit if it really is one charter.`,
      uri,
      range: firstLine(),
      docs: docsFor('yaml/too-large'),
    });
    return file;
  }

  const binaryAt = text.indexOf('\u0000');
  if (binaryAt >= 0) {
    findings.push({
      rule: 'yaml/not-text',
      severity: 'error',
      message: 'This file is not text (it contains a NUL byte), so it cannot be read as a charter. Replace it with a YAML file or rename it.',
      uri,
      range: firstLine(),
      docs: docsFor('yaml/not-text'),
    });
    return file;
  }

  // YAML 1.2 and our line index count a lone CR as a line break; the parser does not. It reads the text
  // with each lone CR as LF: the same length, so every offset it gives is an offset of `text`.
  const source = text.replace(/\r(?!\n)/g, '\n');
  const tooDeep = firstTooDeep(source);
  if (tooDeep !== undefined) {
    const line = lines.positionAt(tooDeep).line;
    findings.push({
      rule: 'yaml/too-deep',
      severity: 'error',
      message: `The YAML here nests more than ${MAX_NESTING_DEPTH} levels deep, so the file was not read. Charters need only a few levels: flatten the structure.`,
      uri,
      range: lines.rangeOf(lines.lineStart(line), lines.lineEnd(line)),
      docs: docsFor('yaml/too-deep'),
    });
    return file;
  }

  const docs = parseAllDocuments(source, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    for (const error of doc.errors) {
      const duplicate = error.code === 'DUPLICATE_KEY';
      findings.push({
        rule: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
        severity: 'error',
        message: duplicate ? duplicateKeyMessage(source, error.pos) : syntaxMessage(error.code, error.message),
        uri,
        range: errorRange(lines, source, duplicate ? keyExtent(source, error.pos) : openingQuote(source, error) ?? error.pos),
        docs: docsFor(duplicate ? 'yaml/duplicate-key' : 'yaml/syntax'),
      });
    }
    for (const warning of doc.warnings) {
      findings.push({
        rule: 'yaml/syntax',
        severity: 'warning',
        message: syntaxMessage(warning.code, warning.message),
        uri,
        range: errorRange(lines, source, warning.pos),
        docs: docsFor('yaml/syntax'),
      });
    }
    // The document starts at its content (after any `---` and leading comments).
    const start = (doc.contents as Node | null)?.range?.[0] ?? doc.range[0];
    const end = doc.range[2];
    let value: unknown;
    const complexKey = firstCollectionKey(doc);
    if (complexKey) {
      // Building the value would turn such a key into its whole text, once per level: refuse it instead.
      findings.push({
        rule: 'yaml/complex-key',
        severity: 'error',
        message: 'A key here is a list or a mapping. Charter keys are plain names (title, status, ...), so the document was not checked further. Write the key as a plain word.',
        uri,
        range: errorRange(lines, text, [complexKey[0], Math.min(complexKey[1], lines.lineEnd(lines.positionAt(complexKey[0]).line))]),
        docs: docsFor('yaml/complex-key'),
      });
      file.documents.push({ index, yaml: doc, value: undefined, start, end, empty: doc.contents === null });
      return;
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      value = undefined;
      const aliasStart = firstAliasOffset(doc) ?? start;
      findings.push({
        rule: 'yaml/alias-limit',
        severity: 'error',
        message: `Aliases in this document expand to too much data (more than ${MAX_ALIAS_COUNT} alias expansions), so it was not checked further. Write the values out instead of nesting aliases.`,
        uri,
        range: lines.rangeOf(aliasStart, lines.lineEnd(lines.positionAt(aliasStart).line)),
        docs: docsFor('yaml/alias-limit'),
      });
      void e;
    }
    findings.push(...commaNumberFindings(doc, text, lines, uri));
    file.documents.push({ index, yaml: doc, value, start, end, empty: doc.contents === null });
  });
  return file;
}

/** A file nothing could be read from, with the findings that say why (for a parse that failed outright). */
export function unreadFile(uri: string, text: string, version: number, findings: Finding[]): ParsedFile {
  return { uri, version, text, lines: new LineIndex(text), documents: [], findings };
}

function errorRange(lines: LineIndex, text: string, pos: [number, number]): Range {
  let [start, end] = pos;
  start = Math.min(start, text.length);
  end = Math.min(Math.max(end, start), text.length);
  if (end === start) {
    // Give the editor something to underline: the rest of the line, or else the last character before it.
    const line = lines.positionAt(start).line;
    const lineEnd = lines.lineEnd(line);
    if (lineEnd > start) {
      end = lineEnd;
    } else {
      let back = start;
      while (back > 0 && /\s/.test(text[back - 1])) back--;
      if (back > 0) {
        start = back - 1;
        end = back;
      }
    }
  }
  return lines.rangeOf(start, end);
}

/** The whole key at a duplicate-key error (the parser marks only its first character). */
function keyExtent(text: string, pos: [number, number]): [number, number] {
  const match = /^[^:\n]*/.exec(text.slice(pos[0]));
  const key = (match?.[0] ?? '').trimEnd();
  return [pos[0], pos[0] + Math.max(1, key.length)];
}

/** An unclosed quote is reported where the text ends; the place to fix is where the quote opened. */
function openingQuote(text: string, error: { code: string; message: string; pos: [number, number] }): [number, number] | undefined {
  if (error.code !== 'MISSING_CHAR') return undefined;
  const quote = /closing (["'])quote/.exec(error.message)?.[1];
  if (!quote) return undefined;
  const before = text.slice(0, error.pos[0]);
  const opener = new RegExp(`(?:^|[:\\-\\[,{?]\\s+|[\\[{,])(${quote})`, 'gm');
  let at: number | undefined;
  for (let m = opener.exec(before); m; m = opener.exec(before)) at = m.index + m[0].length - 1;
  if (at === undefined) return undefined;
  const lineEnd = text.indexOf('\n', at);
  return [at, lineEnd < 0 ? text.length : lineEnd];
}

function duplicateKeyMessage(text: string, pos: [number, number]): string {
  const key = text.slice(pos[0]).split(/[:\n]/)[0].trim();
  return key
    ? `The key "${key}" appears twice in the same mapping; YAML keeps only one of them. Remove or rename one.`
    : 'A key appears twice in the same mapping; YAML keeps only one of them. Remove or rename one.';
}

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'Tabs cannot indent YAML. Indent with spaces instead.',
  BAD_INDENT: 'The indentation here does not line up with the lines around it. Align it with its siblings.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line. Check for a missing ":" or a missing closing quote above.',
  MISSING_CHAR: 'A closing quote or bracket is missing.',
  BLOCK_AS_IMPLICIT_KEY: 'A nested block cannot be used as a key. Check the indentation and the ":" on this line.',
};

function syntaxMessage(code: string, raw: string): string {
  const firstLine = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  const hint = SYNTAX_HINTS[code];
  const sentence = firstLine.endsWith('.') ? firstLine : `${firstLine}.`;
  return hint ? `YAML syntax error: ${sentence} ${hint}` : `YAML syntax error: ${sentence}`;
}

/** The range of the first key that is itself a list or mapping (or another non-text value), if any. */
function firstCollectionKey(doc: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const objectScalar = isScalar(key) && typeof key.value === 'object' && key.value !== null; // e.g. a `!!binary` key
      if (key && (isMap(key) || isSeq(key) || objectScalar)) {
        found = key.range ? [key.range[0], key.range[1]] : [0, 0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node) return;
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
      return;
    }
    const n = node as Node;
    if (isAlias(n) && n.range) {
      found = n.range[0];
      return;
    }
    if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) visit(item as Pair | Node);
  };
  visit(doc.contents);
  return found;
}

/** A charter file that could not be read at all (a device, a pipe, permission denied): checked as empty, with this finding. */
export function unreadableFileFinding(uri: string, reason: string): Finding {
  return {
    rule: 'yaml/not-text',
    severity: 'error',
    message: `This file cannot be read as a charter: ${reason}. Make it a readable YAML file, or exclude it with charter.files.exclude.`,
    uri,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    docs: docsFor('yaml/not-text'),
  };
}
