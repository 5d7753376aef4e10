// ajv's errors, and keys no schema declares, turned into findings a project manager can act on.
import type { ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { SchemaRegistry } from '../schema/schemaRegistry';
import type { SchemaRef, SchemaWalker } from '../schema/schemaWalker';
import type { Finding, Fix, Range, RelatedLocation, Severity } from '../types';
import { docsFor } from '../utils/docs';
import { readDate, spokenDate } from '../utils/dates';
import { didYouMean, isClearNearest, suggestionsFor } from '../utils/suggest';
import { enumSynonyms, schemasAt } from './effectiveSchema';
import { pruneCompositeNoise } from './compositeErrors';
import { COMMA_IN_NUMBER } from '../parser/commaNumbers';
import { candidateSpellings, markedCurrency, onlyAccepted, replaceAt, yamlScalarText } from './valueRepairs';
import { childKeyRange, keyText, locate, ownerKeyRange, pathFromPointer, valueRange, type DataPath, type OffsetRange } from '../utils/yamlNodes';
import { clip, describeField, describeOwner, limitMessage, listExpected, patternMessage, typeMessage } from './schemaMessages';

/** Keywords that reject a value as written; the rules then leave that value alone. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'const', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength']);

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
/** Deeper than any real charter; stops the key walk on pathological input. */
const MAX_WALK_DEPTH = 100;

export interface SchemaTarget {
  /** The schema id the registry knows it by. */
  id: string;
  /** How the finding names the schema, e.g. `built-in Project schema` or the PMO schema's path. */
  label: string;
  /** Where each finding points to name its schema (a PMO schema's file); none for the built-ins. */
  related?: RelatedLocation;
}

export function validateDocument(
  file: ParsedFile,
  doc: ParsedDocument,
  target: SchemaTarget,
  registry: SchemaRegistry,
  walker: SchemaWalker,
): Finding[] {
  return checkDocument(file, doc, target, registry, walker).findings;
}

export interface SchemaCheck {
  findings: Finding[];
  /** The values the schema rejects (wrong type, form, value): rules say nothing more about them. */
  rejected: Range[];
}

/** Repairs of misspelt values are tried by validating the document again; at most this many per document. */
const MAX_REPAIR_ATTEMPTS = 50;

export function checkDocument(
  file: ParsedFile,
  doc: ParsedDocument,
  target: SchemaTarget,
  registry: SchemaRegistry,
  walker: SchemaWalker,
): SchemaCheck {
  const compiled = registry.compile(target.id);
  if (!compiled.ok) {
    return { rejected: [], findings: [
      {
        rule: 'schema/unavailable',
        severity: 'error',
        message: `The schema ${target.label} cannot be used: ${compiled.reason}. Fix the schema or its association; until then this document is not checked against it.`,
        uri: file.uri,
        range: file.lines.rangeOf(doc.start, Math.max(doc.start, file.lines.lineEnd(file.lines.positionAt(doc.start).line))),
        docs: docsFor('schema/unavailable'),
        origin: target.label,
      },
    ] };
  }
  if (doc.value === undefined) return { findings: [], rejected: [] };
  const value = doc.value;
  const validate = compiled.validate;
  validate(value);
  const errors = pruneCompositeNoise(validate.errors ?? []);

  let attempts = 0;
  const lookup: SchemaLookup = {
    schemasAt: (path) => schemasAt(walker, target.id, value, path),
    accepts: (pointer, candidate) => {
      if (attempts++ >= MAX_REPAIR_ATTEMPTS) return false;
      const copy = replaceAt(value, pathFromPointer(pointer), candidate);
      if (copy === undefined) return false;
      validate(copy);
      return !(validate.errors ?? []).some((e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`));
    },
  };
  const builder = new FindingBuilder(file, doc, target, lookup);
  for (const error of errors) builder.addAjvError(error);

  const root = walker.root(target.id);
  if (root && doc.yaml.contents) builder.addUnknownKeys(walker, doc.yaml.contents as Node, value, [root]);
  return { findings: builder.result(), rejected: builder.rejectedValues() };
}

/** One ajv error, with the node it is about. */
interface SchemaFailure {
  error: ErrorObject;
  /** The keyword that failed (for an `errorMessage`, the one it replaced). */
  keyword: string;
  path: DataPath;
  parentSchema: Record<string, unknown>;
  located: ReturnType<typeof locate>;
  params: Record<string, unknown>;
  data: unknown;
}

/** A finding's place and words; `objectKey` ties it to a missing property a misspelt key may explain. */
interface Explanation {
  range: OffsetRange;
  message: string;
  fixes?: Fix[];
  objectKey?: string;
}

/** What the finding builder may ask of the schema beyond ajv's errors. */
interface SchemaLookup {
  /** The subschemas that apply at a path of the document: their descriptions, examples and `x-synonyms`. */
  schemasAt(path: DataPath): SchemaRef[];
  /** Whether the document would pass the schema at `pointer` with `candidate` there instead. */
  accepts(pointer: string, candidate: unknown): boolean;
}


class FindingBuilder {
  private readonly findings: Finding[] = [];
  /** Missing properties already explained by a misspelt key ("sponser" for "sponsor"), per object path. */
  private readonly explainedMissing = new Set<string>();

  /** Offsets of the values the schema rejects as they are (not a missing or unknown key). */
  private readonly rejected: OffsetRange[] = [];

  constructor(
    private readonly file: ParsedFile,
    private readonly doc: ParsedDocument,
    private readonly target: SchemaTarget,
    private readonly lookup: SchemaLookup,
  ) {}

  rejectedValues(): Range[] {
    return this.rejected.map(([start, end]) => this.file.lines.rangeOf(start, end));
  }

  addAjvError(error: ErrorObject): void {
    const failure = this.failureOf(error);
    const { keyword, parentSchema, located } = failure;
    const rule = typeof parentSchema['x-rule'] === 'string' ? (parentSchema['x-rule'] as string) : `schema/${keyword}`;
    const severity = SEVERITIES.includes(parentSchema['x-severity'] as Severity) ? (parentSchema['x-severity'] as Severity) : 'error';
    const docs = typeof parentSchema['x-docs'] === 'string' ? (parentSchema['x-docs'] as string) : docsFor(rule.startsWith('schema/') ? rule : 'schema/custom');
    if (keyword === 'required' && error.keyword !== 'errorMessage') {
      // Gathered per object and reported once, listing every missing property.
      this.addMissing(error.instancePath, String(failure.params.missingProperty), { rule, severity, docs, range: ownerKeyRange(located, this.doc.start), path: failure.path });
      return;
    }
    const explained = this.explain(failure);
    const message = error.keyword === 'errorMessage' && error.message ? error.message : explained.message;
    if (VALUE_KEYWORDS.has(keyword) && located.node) this.rejected.push(explained.range);
    this.push({ rule, severity, message, range: explained.range, docs, fixes: explained.fixes }, explained.objectKey);
  }

  /** One ajv error with what every explanation needs; an `errorMessage` error stands for the error it replaced. */
  private failureOf(error: ErrorObject): SchemaFailure {
    const original = error.keyword === 'errorMessage' ? ((error.params as { errors?: ErrorObject[] }).errors ?? [])[0] : error;
    const path = pathFromPointer(error.instancePath);
    return {
      error,
      keyword: original?.keyword ?? error.keyword,
      path,
      parentSchema: (error.parentSchema ?? {}) as Record<string, unknown>,
      located: locate(this.doc.yaml, path),
      params: (original?.params ?? error.params) as Record<string, unknown>,
      data: original?.data ?? error.data,
    };
  }

  /** Where the finding goes and what it says, per keyword. */
  private explain(failure: SchemaFailure): Explanation {
    const { error, keyword, path, located, params } = failure;
    const field = describeField(path);
    const atValue = () => valueRange(located, this.doc.start, this.file.text);
    switch (keyword) {
      case 'required':
        // Only with a custom errorMessage; dropped when a misspelt key already explains it.
        return { range: ownerKeyRange(located, this.doc.start), message: '', objectKey: `${error.instancePath}\u0000${String(params.missingProperty)}` };
      case 'dependentRequired': {
        const missing = String(params.missingProperty);
        return { range: ownerKeyRange(located, this.doc.start), message: `"${String(params.property)}" needs "${missing}" as well. Add ${missing}.` };
      }
      case 'additionalProperties':
      case 'unevaluatedProperties': {
        const key = String(params.additionalProperty ?? params.unevaluatedProperty);
        return { range: childKeyRange(located, key) ?? ownerKeyRange(located, this.doc.start), message: `Unknown property "${key}". Remove it or check the spelling.` };
      }
      case 'enum':
        return this.explainEnum(failure, atValue());
      case 'const':
        return this.explainConst(failure, atValue());
      case 'type': {
        const range = atValue();
        const fixes = this.repairFixes(error.instancePath, failure.data, range);
        const message = typeMessage(path, String(params.type).split(','), failure.data);
        return { range, message: fixes ? `${message} Did you mean ${fixes[0].edits[this.file.uri][0].newText}?` : message, fixes };
      }
      case 'format':
        return this.explainFormat(failure, atValue());
      case 'pattern':
        return this.explainPattern(failure, atValue());
      case 'false schema':
        return { range: located.pair ? ownerKeyRange(located, this.doc.start) : atValue(), message: `${field} is not allowed here. Remove it.` };
      default:
        return { range: atValue(), message: limitMessage(keyword, field, params) ?? `${field} ${error.message ?? 'is not valid'}.` };
    }
  }

  private explainEnum({ path, parentSchema, located, params, error }: SchemaFailure, range: OffsetRange): Explanation {
    const allowed = (params.allowedValues as unknown[]) ?? [];
    const actual = located.node && isScalar(located.node) ? String(located.node.value) : undefined;
    const strings = allowed.filter((v): v is string => typeof v === 'string');
    const message = `${describeField(path)} must be one of ${allowed.map(String).join(', ')}.`;
    const synonym = actual === undefined ? undefined : enumSynonyms([{ schema: parentSchema, rootId: this.target.id, pointer: error.schemaPath }, ...this.lookup.schemasAt(path)], strings).get(actual.trim().toLowerCase());
    if (synonym !== undefined) {
      return { range, message: `${message} "${clip(actual!)}" is called "${synonym}" here.`, fixes: [this.replaceFix(range, yamlScalarText(synonym), `Change to "${synonym}"`, true)] };
    }
    const suggestions = actual === undefined ? [] : suggestionsFor(actual, strings);
    const clear = actual !== undefined && isClearNearest(actual, suggestions);
    return {
      range,
      message: suggestions[0] ? `${message} Did you mean "${suggestions[0]}"?` : message,
      fixes: suggestions.map((s, i) => this.replaceFix(range, s, `Change to "${s}"`, i === 0 && clear)),
    };
  }

  private explainConst({ path, located, params }: SchemaFailure, range: OffsetRange): Explanation {
    const message = `${describeField(path)} must be ${JSON.stringify(params.allowedValue)}.`;
    if (typeof params.allowedValue !== 'string') return { range, message };
    // The one allowed value: safe when what is written is a spelling of it, a suggestion otherwise.
    const actual = located.node && isScalar(located.node) ? String(located.node.value) : '';
    const safe = actual.toLowerCase() === params.allowedValue.toLowerCase() || isClearNearest(actual, suggestionsFor(actual, [params.allowedValue]));
    return { range, message, fixes: [this.replaceFix(range, params.allowedValue, `Change to "${params.allowedValue}"`, safe)] };
  }

  private explainFormat({ path, params, data }: SchemaFailure, range: OffsetRange): Explanation {
    const format = String(params.format);
    const field = describeField(path);
    if (format !== 'date') return { range, message: `${field} must be a valid ${format}.` };
    const message = `${field} must be a date written as YYYY-MM-DD, like 2027-03-31.`;
    const readings = typeof data === 'string' ? readDate(data).filter((r) => r !== data) : [];
    if (readings.length === 1) {
      return { range, message: `${message} Did you mean ${readings[0]}?`, fixes: [this.replaceFix(range, readings[0], `Write the date as ${readings[0]}`, true)] };
    }
    if (readings.length > 1) {
      // 12/03/2027: 12 March or 3 December. Only the person who wrote it knows.
      return {
        range,
        message: `${message} "${clip(String(data))}" can be read as ${readings.join(' or ')}; write the one you mean.`,
        fixes: readings.map((r) => this.replaceFix(range, r, `Write the date as ${r} (${spokenDate(r)})`, false)),
      };
    }
    if (typeof data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data)) return { range, message: `${field} is not a real day (${data}). Use an existing date written as YYYY-MM-DD.` };
    return { range, message };
  }

  private explainPattern({ error, path, parentSchema, params, data }: SchemaFailure, range: OffsetRange): Explanation {
    const custom = parentSchema.patternErrorMessage;
    const fixes = this.repairFixes(error.instancePath, data, range);
    if (typeof custom === 'string') return { range, message: custom, fixes };
    const message = patternMessage(path, data, String(params.pattern), [parentSchema, ...this.lookup.schemasAt(path).map((r) => r.schema)]);
    return { range, message: fixes ? `${message} Did you mean ${fixes[0].edits[this.file.uri][0].newText}?` : message, fixes };
  }

  /** A safe fix when exactly one common respelling of the value passes the schema (`50%` -> 50, `eur` -> EUR). */
  private repairFixes(pointer: string, data: unknown, range: OffsetRange): Fix[] | undefined {
    const candidates = candidateSpellings(data);
    if (candidates.length === 0) return undefined;
    const repaired = onlyAccepted(candidates, (c) => this.lookup.accepts(pointer, c));
    if (repaired === undefined) return undefined;
    const node = locate(this.doc.yaml, pathFromPointer(pointer)).node;
    const quote = node && isScalar(node) ? (node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : undefined) : undefined;
    const text = yamlScalarText(repaired, typeof repaired === 'string' ? quote : undefined);
    // `USD 850k` in a EUR budget: dropping the currency would be a guess, so it is only a suggestion.
    const written = markedCurrency(data);
    const budget = this.doc.value && typeof this.doc.value === 'object' ? (this.doc.value as { budget?: { currency?: unknown } }).budget?.currency : undefined;
    const safe = written === undefined || written === budget;
    return [this.replaceFix(range, text, safe ? `Write ${text}` : `Write ${text} (the ${written} is dropped: the budget is in ${String(budget ?? 'no currency')})`, safe)];
  }

  addUnknownKeys(walker: SchemaWalker, node: Node, value: unknown, refs: SchemaRef[], depth = 0): void {
    if (depth > MAX_WALK_DEPTH || refs.length === 0) return;
    const applicable = walker.applicable(refs, value);
    if (isMap(node) && isPlainObject(value)) {
      const unknownAllowed = walker.forbidsExtraKeys(applicable);
      const declared = walker.declaredKeys(applicable);
      const present = new Set(Object.keys(value));
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === undefined || key === '<<') continue;
        if (!unknownAllowed && walker.isUnknownKey(applicable, key) && isScalar(pair.key) && pair.key.range) {
          // `850,000` in a flow mapping: the parser names the real cause; the "key" is not a key.
          if (this.splitByComma(pair.key.range[0])) continue;
          this.reportUnknownKey(pair.key.range, key, declared.filter((k) => !present.has(k)), declared);
          continue;
        }
        if (pair.value && typeof pair.value === 'object' && (isMap(pair.value) || isSeq(pair.value))) {
          this.addUnknownKeys(walker, pair.value as Node, value[key], walker.propertySchemas(applicable, key), depth + 1);
        }
      }
    } else if (isSeq(node) && Array.isArray(value)) {
      node.items.forEach((item, index) => {
        if (item && (isMap(item) || isSeq(item))) this.addUnknownKeys(walker, item as Node, value[index], walker.itemSchemas(applicable, index), depth + 1);
      });
    }
  }

  private splitByComma(offset: number): boolean {
    return this.file.findings.some((f) => f.rule === COMMA_IN_NUMBER && this.file.lines.offsetAt(f.range.start) <= offset && offset <= this.file.lines.offsetAt(f.range.end));
  }

  private reportUnknownKey(keyRange: [number, number, number], key: string, missing: string[], declared: string[]): void {
    const range: OffsetRange = [keyRange[0], keyRange[1]];
    const suggestions = suggestionsFor(key, missing.length > 0 ? missing : declared);
    const best = suggestions[0] ?? didYouMean(key, declared);
    let message = `Unknown property "${key}".`;
    message += best ? ` Did you mean "${best}"?` : ` Remove it or check the spelling; this place allows ${listExpected(declared)}.`;
    const clear = isClearNearest(key, suggestions);
    const fixes = suggestions.map((s, i) => this.replaceFix(range, s, `Rename to "${s}"`, i === 0 && clear));
    if (best && missing.includes(best)) {
      const objectPath = this.objectPathOfKey(range);
      if (objectPath !== undefined) this.explainedMissing.add(`${objectPath}\u0000${best}`);
    }
    this.push({ rule: 'schema/additionalProperties', severity: 'error', message, range, docs: docsFor('schema/additionalProperties'), fixes });
  }

  private replaceFix(range: OffsetRange, newText: string, title: string, safe: boolean): Fix {
    return { title, safe, preferred: safe, edits: { [this.file.uri]: [{ range: this.file.lines.rangeOf(range[0], range[1]), newText }] } };
  }

  /** The JSON pointer of the mapping that holds the key at `range`. */
  private objectPathOfKey(range: OffsetRange): string | undefined {
    const path: DataPath = [];
    const found = findKeyPath(this.doc.yaml.contents as Node | null, range[0], path);
    return found ? (path.length ? '/' + path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '') : undefined;
  }

  private readonly missing = new Map<string, { properties: string[]; rule: string; severity: Severity; docs: string; range: OffsetRange; path: DataPath }>();

  private addMissing(pointer: string, property: string, at: { rule: string; severity: Severity; docs: string; range: OffsetRange; path: DataPath }): void {
    const key = `${pointer}\u0000${at.rule}\u0000${at.severity}`;
    const entry = this.missing.get(key) ?? { ...at, properties: [] };
    entry.properties.push(property);
    this.missing.set(key, entry);
  }

  private flushMissing(): void {
    for (const [key, entry] of this.missing) {
      const pointer = key.split('\u0000')[0];
      const properties = entry.properties.filter((p) => !this.explainedMissing.has(`${pointer}\u0000${p}`));
      if (properties.length === 0) continue;
      const owner = describeOwner(entry.path, this.doc);
      const message =
        properties.length === 1
          ? `${owner} is missing the required property "${properties[0]}". Add ${properties[0]}.`
          : `${owner} is missing the required properties ${properties.map((p) => `"${p}"`).join(', ')}. Add them.`;
      this.push({ rule: entry.rule, severity: entry.severity, docs: entry.docs, range: entry.range, message });
    }
    this.missing.clear();
  }

  private readonly pending: Array<{ finding: Omit<Finding, 'uri' | 'range'> & { range: OffsetRange }; objectKey?: string }> = [];

  private push(finding: Omit<Finding, 'uri' | 'range'> & { range: OffsetRange }, objectKey?: string): void {
    this.pending.push({ finding, objectKey });
  }

  result(): Finding[] {
    this.flushMissing();
    const seen = new Set<string>();
    for (const { finding, objectKey } of this.pending) {
      if (objectKey && this.explainedMissing.has(objectKey)) continue;
      const key = `${finding.rule}|${finding.range[0]}|${finding.range[1]}|${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { range, ...rest } = finding;
      this.findings.push({
        ...rest,
        fixes: rest.fixes && rest.fixes.length > 0 ? rest.fixes : undefined,
        uri: this.file.uri,
        range: this.file.lines.rangeOf(range[0], range[1]),
        origin: this.target.label,
        related: this.target.related ? [this.target.related] : undefined,
      });
    }
    return this.findings;
  }
}

function findKeyPath(node: Node | null, keyStart: number, path: DataPath): boolean {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.range && pair.key.range[0] === keyStart) return true;
      const key = keyText(pair.key);
      if (key === undefined) continue;
      path.push(key);
      if (findKeyPath(pair.value as Node | null, keyStart, path)) return true;
      path.pop();
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      if (findKeyPath(node.items[i] as Node | null, keyStart, path)) return true;
      path.pop();
    }
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
