// Completion: the keys still missing at the caret, the values a field allows, snippets from the schema
// and a skeleton for an empty document. Reads the effective schema with the same walk validation uses.
import { stringify } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { SchemaRef, SchemaWalker } from '../schema/schemaWalker';
import type { DocumentKind, Range } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { idsIn, isDefinition, namespaceOf } from './idReferences';
import { annotation, describeSchema, enumValues, schemasAt, schemaTypes } from './effectiveSchema';
import { caretContext, type CaretContext } from '../utils/yamlPosition';
import type { Position } from '../types';

export type CompletionKind = 'property' | 'value' | 'enum' | 'snippet' | 'constant' | 'reference';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `insertText` uses snippet syntax (`${1:x}`); its later lines are indented by the caret line's indentation. */
  isSnippet: boolean;
  range: Range;
  sortText: string;
  filterText?: string;
  preselect?: boolean;
  /** Ask the editor to open completion again after inserting (a key whose value has choices). */
  retrigger?: boolean;
}

export interface CompletionResult {
  items: CompletionItem[];
}

export interface CompletionContext {
  walker: SchemaWalker;
  /** The schema id that applies to a document of the file, when one does (the one validation uses). */
  schemaIdFor: (document: ParsedDocument) => Promise<string | undefined>;
  /** Schema ids offered as skeletons in an empty document (one kind when the file name decides). */
  skeletons: Array<{ kind: DocumentKind; schemaId: string }>;
  /** The day offered for date fields (YYYY-MM-DD). */
  today: string;
  /** The portfolio, for the ids of projects, programmes, people and objectives. */
  workspace?: WorkspaceIndex;
  /** The kind of a document of the file (its `kind:`, else its file name). */
  kindOf?: (document: ParsedDocument) => DocumentKind | undefined;
}

type SchemaObject = Record<string, unknown>;

function requiredKeys(refs: SchemaRef[]): Set<string> {
  const out = new Set<string>();
  for (const ref of refs) {
    const r = (ref.schema as SchemaObject)?.required;
    if (Array.isArray(r)) r.forEach((k) => out.add(String(k)));
  }
  return out;
}

function collectSnippets(refs: SchemaRef[]): Array<{ label?: string; description?: string; markdownDescription?: string; body?: unknown; bodyText?: string }> {
  const out: Array<{ label?: string; description?: string; body?: unknown }> = [];
  for (const ref of refs) {
    const snippets = (ref.schema as SchemaObject)?.defaultSnippets;
    if (Array.isArray(snippets)) out.push(...(snippets as typeof out));
  }
  return out;
}

export async function doComplete(file: ParsedFile, position: Position, context: CompletionContext): Promise<CompletionResult> {
  const offset = file.lines.offsetAt(position);
  const caret = caretContext(file, offset);
  if (!caret) return { items: [] };
  const range = file.lines.rangeOf(caret.replace[0], caret.replace[1]);
  if (caret.emptyDocument || !caret.document) return { items: skeletonItems(context, range) };
  const schemaId = await context.schemaIdFor(caret.document);
  if (!schemaId) return { items: [] };
  const value = caret.document.value;
  const items: CompletionItem[] = [];
  if (caret.mode === 'key') {
    const refs = schemasAt(context.walker, schemaId, value, caret.path);
    items.push(...keyItems(context, caret, refs, range));
    if (caret.siblings.length === 0 && caret.path.length > 0 && !caret.flow) items.push(...snippetItems(collectSnippets(refs), caret, range, 'b'));
    if (caret.bareListItem) items.push(...valueItems(context, caret, refs, range));
  } else {
    const refs = schemasAt(context.walker, schemaId, value, caret.path);
    items.push(...valueItems(context, caret, refs, range));
    if (!caret.flow && caret.prefix === '') {
      // `schedule: |` - a snippet for the whole object, on the lines below the key.
      const nested = { ...caret, column: caret.column + 2 };
      for (const item of snippetItems(collectSnippets(refs), nested, range, 'a')) items.push({ ...item, insertText: `\n${' '.repeat(Math.max(0, nested.column - caret.lineIndent))}${item.insertText}` });
    }
  }
  return { items };
}

function keyItems(context: CompletionContext, caret: CaretContext, refs: SchemaRef[], range: Range): CompletionItem[] {
  const required = requiredKeys(refs);
  const present = new Set(caret.siblings);
  const declared = context.walker.declaredKeys(refs);
  const items: CompletionItem[] = [];
  declared.forEach((key, index) => {
    // `$schema` and friends are for tools, not for people writing a charter.
    if (present.has(key) || key.startsWith('$')) return;
    const propRefs = context.walker.applicable(context.walker.propertySchemas(refs, key), undefined);
    if (annotation(propRefs, 'doNotSuggest') === true || annotation(propRefs, 'deprecated') === true) return;
    const isRequired = required.has(key);
    const types = schemaTypes(propRefs);
    const name = yamlKey(key);
    // Later lines of a snippet are indented by the editor with the line's own indentation; add the rest.
    const childIndent = ' '.repeat(Math.max(0, caret.column - caret.lineIndent) + 2);
    let insertText = `${name}: `;
    let isSnippet = false;
    let retrigger = false;
    if (caret.keyHasColon) insertText = name;
    else if (caret.flow) insertText = `${name}: `;
    else if (types.size === 1 && types.has('object')) {
      insertText = `${escapeSnippet(name)}:\n${childIndent}$0`;
      isSnippet = true;
    } else if (types.size === 1 && types.has('array')) {
      insertText = `${escapeSnippet(name)}:\n${childIndent}- $0`;
      isSnippet = true;
    } else retrigger = enumValues(propRefs).length > 0 || hasFormat(propRefs, 'date') || key === 'currency';
    const title = annotation<string>(propRefs, 'title');
    items.push({
      label: key,
      kind: 'property',
      detail: [isRequired ? 'required' : undefined, title].filter(Boolean).join(' · ') || undefined,
      documentation: describeSchema(propRefs),
      insertText,
      isSnippet,
      range,
      sortText: `${isRequired ? 'a' : 'c'}${String(index).padStart(3, '0')}`,
      retrigger,
    });
  });
  return items;
}

function valueItems(context: CompletionContext, caret: CaretContext, refs: SchemaRef[], range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, kind: CompletionKind, extra: Partial<CompletionItem>) => {
    if (value === null || typeof value === 'object') return;
    const text = scalarText(value, caret.flow);
    if (seen.has(text)) return;
    seen.add(text);
    items.push({ label: String(value), kind, insertText: text, isSnippet: false, range, sortText: `b${String(items.length).padStart(3, '0')}`, ...extra, filterText: extra.filterText ?? text });
  };
  const namespace = namespaceOf(refs);
  if (namespace && context.workspace && caret.document && !isDefinition(namespace, context.kindOf?.(caret.document), caret.path)) {
    for (const target of idsIn(context.workspace, namespace)) add(target.id, 'reference', { detail: target.label, documentation: target.card, sortText: `a1${target.id}` });
  }
  const defaultValue = annotation(refs, 'default');
  for (const { value, description } of enumValues(refs)) {
    add(value, 'enum', { documentation: description, preselect: value === defaultValue || undefined, detail: value === defaultValue ? 'default' : undefined });
  }
  const types = schemaTypes(refs);
  if (types.has('boolean') && types.size === 1) {
    add(true, 'constant', {});
    add(false, 'constant', {});
  }
  if (defaultValue !== undefined) add(defaultValue, 'value', { detail: 'default', preselect: true });
  if (hasFormat(refs, 'date')) add(context.today, 'value', { detail: 'today', sortText: 'a000' });
  // An id field's examples (`jane.doe`, `fin-erp-upgrade`) would read as people and projects that exist:
  // ids come from the workspace only.
  const idField = !!namespace || refs.some((r) => /\/\$defs\/localId$/.test(r.pointer));
  for (const ref of idField ? [] : refs) {
    const examples = (ref.schema as SchemaObject)?.examples;
    if (Array.isArray(examples)) for (const example of examples) add(example, 'value', { detail: 'example' });
  }
  const lastKey = caret.path[caret.path.length - 1];
  if (lastKey === 'currency' || refs.some((r) => r.pointer.endsWith('/$defs/currency'))) {
    for (const [code, name] of CURRENCIES) add(code, 'constant', { detail: name, sortText: `d${code}` });
  }
  return items;
}

function hasFormat(refs: SchemaRef[], format: string): boolean {
  return refs.some((r) => (r.schema as SchemaObject)?.format === format);
}

function skeletonItems(context: CompletionContext, range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const { kind, schemaId } of context.skeletons) {
    const root = context.walker.root(schemaId);
    if (!root) continue;
    const refs = context.walker.applicable([root], undefined);
    const snippets = collectSnippets(refs).filter((s) => s.body && typeof s.body === 'object' && !Array.isArray(s.body));
    snippets.forEach((snippet, i) => {
      items.push({
        label: snippet.label ?? `New ${kind}`,
        kind: 'snippet',
        detail: `${kind} skeleton`,
        documentation: snippet.markdownDescription ?? snippet.description ?? describeSchema(refs),
        insertText: snippetBody(snippet.body, ''),
        isSnippet: true,
        range,
        sortText: `a${kind}${i}`,
        preselect: context.skeletons.length === 1 && i === 0 ? true : undefined,
      });
    });
  }
  return items;
}

function snippetItems(snippets: ReturnType<typeof collectSnippets>, caret: CaretContext, range: Range, sortPrefix: string): CompletionItem[] {
  // The caret can sit inside the line's indentation: then the snippet's lines need no extra indent.
  const indent = ' '.repeat(Math.max(0, caret.column - caret.lineIndent));
  return snippets
    .filter((s) => s.body && typeof s.body === 'object' && !Array.isArray(s.body))
    .map((s, i) => ({
      label: s.label ?? 'snippet',
      kind: 'snippet' as const,
      detail: s.description,
      documentation: s.markdownDescription ?? s.description,
      insertText: snippetBody(s.body, indent),
      isSnippet: true,
      range,
      sortText: `${sortPrefix}${i}`,
    }));
}

/**
 * A `defaultSnippets` body as block YAML in snippet syntax: strings with `${1:x}` placeholders are
 * written unquoted, other text is escaped. The first line has no indentation (it goes at the caret);
 * later lines start with `indent`.
 */
function snippetBody(body: unknown, indent: string): string {
  const lines: string[] = [];
  const write = (value: unknown, depth: string, first: boolean, prefix: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') {
          const p = `${i === 0 && first ? '' : depth}- `;
          write(item, depth + '  ', true, p);
        } else lines.push(`${i === 0 && first ? prefix : depth}- ${snippetScalar(item)}`);
      });
      return;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    entries.forEach(([key, v], i) => {
      const lead = i === 0 && first ? prefix : depth;
      const name = escapeSnippet(yamlKey(key));
      if (v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0)) {
        lines.push(`${lead}${name}:`);
        write(v, depth + '  ', false, '');
      } else lines.push(`${lead}${name}: ${v !== null && typeof v === 'object' ? (Array.isArray(v) ? '[]' : '{}') : snippetScalar(v)}`);
    });
  };
  write(body, indent, true, '');
  return lines.join('\n');
}

function snippetScalar(value: unknown): string {
  if (typeof value === 'string' && /\$\{?\d/.test(value)) return value;
  return escapeSnippet(scalarText(value, false));
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A value as YAML 1.2 scalar text, quoted only when it would otherwise read as something else. */
function scalarText(value: unknown, flow: boolean): string {
  const text = stringify(value, { version: '1.2', lineWidth: 0 }).trimEnd();
  if (flow && typeof value === 'string' && /[,[\]{}]/.test(text) && !/^["']/.test(text)) return JSON.stringify(value);
  return text;
}

function yamlKey(key: string): string {
  return /^[A-Za-z_$][\w$.-]*$/.test(key) ? key : JSON.stringify(key);
}

/** Active ISO 4217 codes with their names: the currencies a charter is likely to be budgeted in. */
const CURRENCIES: ReadonlyArray<[string, string]> = [
  ['AED', 'UAE dirham'], ['ARS', 'Argentine peso'], ['AUD', 'Australian dollar'], ['BGN', 'Bulgarian lev'],
  ['BRL', 'Brazilian real'], ['CAD', 'Canadian dollar'], ['CHF', 'Swiss franc'], ['CLP', 'Chilean peso'],
  ['CNY', 'Chinese yuan'], ['COP', 'Colombian peso'], ['CZK', 'Czech koruna'], ['DKK', 'Danish krone'],
  ['EGP', 'Egyptian pound'], ['EUR', 'Euro'], ['GBP', 'Pound sterling'], ['HKD', 'Hong Kong dollar'],
  ['HUF', 'Hungarian forint'], ['IDR', 'Indonesian rupiah'], ['ILS', 'Israeli new shekel'], ['INR', 'Indian rupee'],
  ['ISK', 'Icelandic króna'], ['JPY', 'Japanese yen'], ['KES', 'Kenyan shilling'], ['KRW', 'South Korean won'],
  ['KWD', 'Kuwaiti dinar'], ['MAD', 'Moroccan dirham'], ['MXN', 'Mexican peso'], ['MYR', 'Malaysian ringgit'],
  ['NGN', 'Nigerian naira'], ['NOK', 'Norwegian krone'], ['NZD', 'New Zealand dollar'], ['PEN', 'Peruvian sol'],
  ['PHP', 'Philippine peso'], ['PKR', 'Pakistani rupee'], ['PLN', 'Polish złoty'], ['QAR', 'Qatari riyal'],
  ['RON', 'Romanian leu'], ['RSD', 'Serbian dinar'], ['SAR', 'Saudi riyal'], ['SEK', 'Swedish krona'],
  ['SGD', 'Singapore dollar'], ['THB', 'Thai baht'], ['TRY', 'Turkish lira'], ['TWD', 'New Taiwan dollar'],
  ['UAH', 'Ukrainian hryvnia'], ['USD', 'US dollar'], ['VND', 'Vietnamese đồng'], ['ZAR', 'South African rand'],
];

