// The one reader of a charter: one YAML document of a charter file with typed access to its values by
// path, and the exact range of any node to put a finding on. Rules, the workspace index's facts and the
// portfolio model all read charters through it, so they agree on what a text, a date, an amount or a
// list of records is.
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import { parseMoney, type Money } from '../rules/money';
import type { DocumentKind, Range } from '../types';
import { isIsoDate } from '../utils/dates';
import { locate, nodeOffsets, ownerKeyRange, valueRange, type DataPath, type LocatedNode } from '../utils/yamlNodes';
import type { Located } from '../workspace/indexTypes';

export type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A mapping, or an empty one for anything else: for reading optional sections without checks. */
export function dictOf(value: unknown): Dict {
  return isDict(value) ? value : {};
}

/** A list as mappings, one per item (an item that is not a mapping reads as empty, keeping positions). */
export function dictsOf(value: unknown): Dict[] {
  return Array.isArray(value) ? value.map(dictOf) : [];
}

/**
 * A scalar as text for display: a non-blank string as written, a number or boolean in words (YAML 1.2
 * keeps `2027-03-31` a string, but a number may stand in for an id or a phase); else undefined.
 */
export function displayText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** An amount as a number for charts and totals: a number, or a decimal string (`"1200.50"`); finite only. */
export function displayAmount(value: unknown): number | undefined {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : undefined;
  // Too many digits for a number reads as Infinity, which no chart can draw.
  return amount !== undefined && Number.isFinite(amount) ? amount : undefined;
}

export class CharterDocument {
  constructor(
    readonly file: ParsedFile,
    readonly doc: ParsedDocument,
    readonly kind: DocumentKind,
  ) {}

  get uri(): string {
    return this.file.uri;
  }

  /** The document's root mapping; empty when the document is not a mapping. */
  get root(): Dict {
    return isDict(this.doc.value) ? this.doc.value : {};
  }

  get(path: DataPath): unknown {
    let node: unknown = this.doc.value;
    for (const segment of path) {
      if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
      else if (isDict(node)) node = node[String(segment)];
      else return undefined;
    }
    return node;
  }

  has(path: DataPath): boolean {
    return this.get(path) !== undefined && this.get(path) !== null;
  }

  /** A non-empty string (after trimming), else undefined. */
  text(path: DataPath): string | undefined {
    const v = this.get(path);
    return typeof v === 'string' && v.trim() ? v : undefined;
  }

  /** A valid `YYYY-MM-DD` day, else undefined (the schema reports malformed dates). */
  date(path: DataPath): string | undefined {
    const v = this.get(path);
    return typeof v === 'string' && isIsoDate(v) ? v : undefined;
  }

  /**
   * A currency written as the schema asks (three capital letters, ISO 4217), else undefined: `eur` is
   * the schema's finding, and no rule compares it with another currency.
   */
  currency(path: DataPath): string | undefined {
    const v = this.get(path);
    return typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : undefined;
  }

  money(path: DataPath): Money | undefined {
    return parseMoney(this.get(path));
  }

  number(path: DataPath): number | undefined {
    const v = this.get(path);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }

  /** `displayText` of the value at `path`. */
  displayText(path: DataPath): string | undefined {
    return displayText(this.get(path));
  }

  /** The mappings of a list, with their index in it; anything else in the list is skipped. */
  records(path: DataPath): Array<{ value: Dict; index: number; path: DataPath }> {
    const list = this.get(path);
    if (!Array.isArray(list)) return [];
    return list.flatMap((value, index) => (isDict(value) ? [{ value, index, path: [...path, index] }] : []));
  }

  locate(path: DataPath): LocatedNode {
    return locate(this.doc.yaml, path);
  }

  /** The value at `path` (or its key when the value is a block or empty): where a wrong value is underlined. */
  valueRange(path: DataPath): Range {
    const [start, end] = valueRange(this.locate(path), this.doc.start, this.file.text);
    return this.file.lines.rangeOf(start, end);
  }

  /** The key that owns `path` (for a list item, its first key): where a missing property is underlined. */
  keyRange(path: DataPath): Range {
    const [start, end] = ownerKeyRange(this.locate(path), this.doc.start);
    return this.file.lines.rangeOf(start, end);
  }

  /** Offsets of the node at `path` as written, or undefined when it is not there. */
  nodeOffsets(path: DataPath): [number, number] | undefined {
    const node = this.locate(path).node;
    return node?.range ? nodeOffsets(node, this.file.text) : undefined;
  }

  /** The source text of the node at `path`, exactly as written (quotes included). */
  source(path: DataPath): string | undefined {
    const offsets = this.nodeOffsets(path);
    return offsets ? this.file.text.slice(offsets[0], offsets[1]) : undefined;
  }
}

/** `text` of a document, with the range of the value: what the workspace index keeps. */
export function locatedText(d: CharterDocument, path: DataPath): Located<string> | undefined {
  return located(d, path, d.text(path));
}

/** `date` of a document, with the range of the value. */
export function locatedDate(d: CharterDocument, path: DataPath): Located<string> | undefined {
  return located(d, path, d.date(path));
}

/** `money` of a document, with the range of the value. */
export function locatedMoney(d: CharterDocument, path: DataPath): Located<Money> | undefined {
  return located(d, path, d.money(path));
}

function located<T>(d: CharterDocument, path: DataPath, value: T | undefined): Located<T> | undefined {
  return value === undefined ? undefined : { value, range: d.valueRange(path) };
}
