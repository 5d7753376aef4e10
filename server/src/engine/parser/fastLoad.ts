// The fast path for a charter nobody is editing: js-yaml reads the text to plain values about ten times
// faster than the `yaml` parse that records every node's range. A range is only needed to place a
// finding, so a file is first checked on its values; only a file with something to place is parsed
// again for exact ranges (see `exactPathReason` for what never takes the fast path).
import * as jsyaml from 'js-yaml';
import { Document, isNode, visit } from 'yaml';
import type { ParsedFile } from './charterParser';
import { LineIndex } from '../utils/lineIndex';
import { DEFAULT_MAX_SIZE_KB, firstTooDeep, sizeLimitChars } from './parseLimits';

// js-yaml's own core schema resolves more plain scalars than YAML 1.2 core does (`0b101`, `1_000`,
// `+.5e3` variants), so these types copy the `yaml` core schema's patterns and its way of reading them:
// a plain scalar resolves to the same value on both paths, by construction.
const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
  construct: () => null,
});
const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
});
// js-yaml keeps one type per tag, so each tag's patterns are tried in one type, in `yaml`'s order.
const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => /^0o[0-7]+$/.test(s) || /^[-+]?[0-9]+$/.test(s) || /^0x[0-9a-fA-F]+$/.test(s),
  construct: (s: string) => (s.startsWith('0o') ? parseInt(s.substring(2), 8) : s.startsWith('0x') ? parseInt(s.substring(2), 16) : parseInt(s, 10)),
});
const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) =>
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s),
  construct: (s: string) => {
    if (/^(?:\.nan|\.NaN|\.NAN)$/.test(s)) return NaN;
    if (/inf$/i.test(s)) return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return parseFloat(s);
  },
});

/** YAML 1.2 core as the `yaml` package resolves it, in its order; no timestamps, no merge keys. */
const CORE_AS_YAML = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/**
 * Why a text must take the exact path, or undefined when the fast loader reads it as the exact parse
 * does. Conservative: a text that merely looks like one of these goes the exact way, which costs time,
 * never a different finding.
 */
export function exactPathReason(text: string): string | undefined {
  if (/[\u0000\uFEFF\r\t]/.test(text)) return 'NUL, BOM, CR or tab characters';
  if (text.includes('charter-disable')) return 'a suppression comment';
  // A waiver covers the lines of its document: lines the fast path does not know.
  if (text.includes('waivers')) return 'a waiver';
  // Anchors, aliases and tags: the exact parse bounds alias expansion and reports unknown tags.
  if (/(?:^|[\s[{,])[&*!]\S/.test(text)) return 'an anchor, alias or tag';
  if (text.includes('<<')) return 'a merge key';
  if (/^(?:%|\.\.\.|\?(?:\s|$))/m.test(text) || /^\s+\?(?:\s|$)/m.test(text)) return 'a directive, document end or complex key';
  if (/\n---/.test(text)) return 'several documents';
  // A collection as a key (`{{id}}: x`, `[a]: x`, `{ [a]: x }`): the exact parse refuses it, js-yaml
  // turns it into a string. Lists of flow mappings after a comma also land here; that costs time only.
  if (/[{,]\s*[[{]/.test(text) || /^[ \t]*(?:-[ \t]+)?[[{].*[\]}][ \t]*:(?:\s|$)/m.test(text)) return 'a collection as a key';
  // `{ approved: 850,000 }` is reported by the exact parse (yaml/comma-in-number).
  if (/[0-9],[0-9]/.test(text)) return 'a number with a comma';
  if (text.includes('__proto__')) return 'a __proto__ key';
  // The exact parse refuses implicit keys longer than 1024 characters.
  if (longestLine(text) >= 1000) return 'a very long line';
  return undefined;
}

/**
 * The file read by the fast loader, as a ParsedFile whose one document holds the values (its `yaml` is
 * built from them, so it has no ranges), or undefined when the file must be parsed exactly: a reason
 * from `exactPathReason`, a text js-yaml rejects (a syntax error, a duplicate key, several documents),
 * or anything but a mapping at the top.
 */
export function loadFast(uri: string, text: string, version = 0, limits: { maxSizeKB?: number } = {}): ParsedFile | undefined {
  // The size and depth bounds apply before any parse: such a file gets its finding from the exact path.
  if (text.length > sizeLimitChars(limits.maxSizeKB ?? DEFAULT_MAX_SIZE_KB) || firstTooDeep(text) !== undefined) return undefined;
  if (exactPathReason(text) !== undefined) return undefined;
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: CORE_AS_YAML, json: false });
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const yaml = new Document(value, { version: '1.2', schema: 'core' }) as unknown as Document.Parsed;
  // Rules report only nodes that have a range. Every node here gets an empty one at the start, so a
  // finding is still made (and sends the file to the exact parse, which places it).
  visit(yaml, (_key, node) => {
    if (isNode(node)) node.range = [0, 0, 0];
  });
  return {
    uri,
    version,
    text,
    lines: new LineIndex(text),
    documents: [{ index: 0, yaml, value, start: 0, end: text.length, empty: false }],
    findings: [],
    fast: true,
  };
}

function longestLine(text: string): number {
  let longest = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > longest) longest = stop - start;
    start = stop + 1;
  }
  return longest;
}
