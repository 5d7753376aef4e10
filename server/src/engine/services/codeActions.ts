// Code actions: the fixes findings carry, "add missing properties", "disable for this line", "show
// documentation", and fix-all (per rule, and `source.fixAll.charter` for fix-on-save).
import { isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { SchemaRef, SchemaWalker } from '../schema/schemaWalker';
import { disableNextLineEdit } from '../suppressions';
import type { Finding, Fix, Range, TextEdit } from '../types';
import { lineBreakOf } from '../utils/lineIndex';
import { keyText, type DataPath } from '../utils/yamlNodes';
import { annotation, enumValues, schemasAt, schemaTypes } from './effectiveSchema';

export const FIX_ALL_KIND = 'source.fixAll.charter';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | typeof FIX_ALL_KIND;
  /** The findings the action repairs or silences. */
  findings: Finding[];
  edits?: Record<string, TextEdit[]>;
  isPreferred?: boolean;
  /** The rule documentation the action opens (the editor's adapter turns it into a command of its client). */
  showDocs?: { href: string; rule: string };
}

export interface CodeActionContext {
  walker: SchemaWalker;
  schemaIdFor: (document: ParsedDocument) => Promise<string | undefined>;
  /** Turns a finding's `docs` into a link the host can open. */
  docsHref?: (docs: string) => string;
  /** Whether the policy protects a rule from suppression comments: no "Disable for this line" is offered for it. */
  isProtected?: (rule: string) => boolean;
}

/**
 * The actions for the findings of `file` that touch `range`, of the kinds in `only` (LSP semantics: a
 * requested kind also selects its sub-kinds; all kinds when absent). `findings` are all of the file's.
 */
export async function getCodeActions(file: ParsedFile, range: Range, findings: Finding[], context: CodeActionContext, only?: string[]): Promise<CodeAction[]> {
  const wants = (kind: string) => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const own = findings.filter((f) => f.uri === file.uri);

  if (wants('quickfix')) {
    const here = own.filter((f) => overlaps(f.range, range));
    for (const finding of here) {
      for (const fix of finding.fixes ?? []) {
        actions.push({ title: fix.title, kind: 'quickfix', findings: [finding], edits: fix.edits, isPreferred: fix.preferred || undefined });
      }
      if (finding.rule === 'schema/additionalProperties') {
        const edit = removeKeyEdit(file, finding);
        if (edit) actions.push({ title: edit.title, kind: 'quickfix', findings: [finding], edits: { [file.uri]: [edit.edit] } });
      }
      if (finding.rule === 'schema/required') {
        const edit = await addMissingPropertiesEdit(file, finding, context);
        if (edit) actions.push({ title: edit.title, kind: 'quickfix', findings: [finding], edits: { [file.uri]: [edit.edit] }, isPreferred: !finding.fixes?.length || undefined });
      }
    }
    for (const rule of unique(here.map((f) => f.rule))) {
      const ofRule = own.filter((f) => f.rule === rule);
      const fixable = ofRule.filter((f) => safeFix(f));
      if (fixable.length > 1) {
        actions.push({ title: `Fix all ${rule} problems in this file`, kind: 'quickfix', findings: fixable, edits: { [file.uri]: nonOverlapping(fixable).flatMap((a) => a.edits) } });
      }
    }
    const disabled = new Set<string>();
    for (const finding of here) {
      const key = `${finding.rule}@${finding.range.start.line}`;
      if (disabled.has(key) || /^(suppression|waiver)\//.test(finding.rule) || context.isProtected?.(finding.rule)) continue;
      disabled.add(key);
      actions.push({ title: `Disable ${finding.rule} for this line`, kind: 'quickfix', findings: [finding], edits: { [file.uri]: [disableNextLineEdit(file, finding)] } });
    }
    for (const rule of unique(here.map((f) => f.rule))) {
      const finding = here.find((f) => f.rule === rule)!;
      const href = (context.docsHref ?? ((d: string) => d))(finding.docs);
      actions.push({
        title: `Show documentation for ${rule}`,
        kind: 'quickfix',
        findings: [],
        showDocs: { href, rule },
      });
    }
  }

  if (wants(FIX_ALL_KIND)) {
    const applied = safeFixesOf(own);
    if (applied.length) actions.push({ title: 'Fix all auto-fixable Charter problems', kind: FIX_ALL_KIND, findings: applied.map((a) => a.finding), edits: { [file.uri]: applied.flatMap((a) => a.edits) } });
  }
  return actions;
}

/** A fix that fix-all may apply: a safe one that edits only the finding's own file. */
function safeFix(finding: Finding): Fix | undefined {
  const fix = finding.fixes?.find((f) => f.safe);
  if (!fix) return undefined;
  // Fix-all applies edits to this file only; a fix that reaches into other files stays a single quick-fix.
  return Object.keys(fix.edits).every((uri) => uri === finding.uri) ? fix : undefined;
}

export interface AppliedFix {
  finding: Finding;
  fix: Fix;
  edits: TextEdit[];
}

/**
 * What fix-all applies to a file: the safe fix of each finding that has one, dropping any whose edits
 * overlap an edit already taken. Suggestions (guesses, placeholders) are never among them.
 */
export function safeFixesOf(findings: Finding[]): AppliedFix[] {
  return nonOverlapping(findings.filter((f) => safeFix(f)));
}

function nonOverlapping(findings: Finding[]): AppliedFix[] {
  const taken: AppliedFix[] = [];
  for (const finding of findings) {
    const fix = safeFix(finding);
    const edits = fix?.edits[finding.uri] ?? [];
    if (!fix || edits.length === 0) continue;
    if (edits.some((e) => taken.some((t) => t.edits.some((x) => overlaps(e.range, x.range, true))))) continue;
    taken.push({ finding, fix, edits });
  }
  return taken;
}

/**
 * Inserts the required properties an object lacks, each with a placeholder from the schema (its
 * default, first example, first allowed value, or an empty value of its type), below the object's
 * last key at its keys' indentation. Nothing else in the text changes.
 */
async function addMissingPropertiesEdit(file: ParsedFile, finding: Finding, context: CodeActionContext): Promise<{ title: string; edit: TextEdit } | undefined> {
  const start = file.lines.offsetAt(finding.range.start);
  const doc = file.documents.find((d) => d.yaml.range[0] <= start && start <= d.yaml.range[2]);
  if (!doc || doc.value === undefined) return undefined;
  const schemaId = await context.schemaIdFor(doc);
  if (!schemaId) return undefined;
  for (const owner of ownersAt(doc.yaml.contents as Node | null, start, [])) {
    const refs = schemasAt(context.walker, schemaId, doc.value, owner.path);
    const present = new Set(owner.map.items.map((p) => keyText(p.key)).filter((k): k is string => k !== undefined));
    const missing = [...requiredOf(refs)].filter((k) => !present.has(k));
    if (missing.length === 0) continue;
    const values: Record<string, unknown> = {};
    for (const key of missing) values[key] = placeholder(context.walker, context.walker.applicable(context.walker.propertySchemas(refs, key), undefined), 0);
    const edit = insertEdit(file, owner.map, values);
    if (!edit) continue;
    const title = missing.length === 1 ? `Add missing property "${missing[0]}"` : `Add missing properties ${missing.map((k) => `"${k}"`).join(', ')}`;
    return { title, edit };
  }
  return undefined;
}

/**
 * Removes an unknown key with its value: whole lines in a block mapping (the key's line through the
 * value's last line), or the entry and one comma in a flow mapping.
 */
function removeKeyEdit(file: ParsedFile, finding: Finding): { title: string; edit: TextEdit } | undefined {
  const start = file.lines.offsetAt(finding.range.start);
  const found = pairAt(file, start);
  if (!found) return undefined;
  const { map, pair, name } = found;
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  let from = key.range![0];
  let to = value?.range ? value.range[1] : key.range![1];
  while (to > from && /\s/.test(file.text[to - 1])) to--;
  const text = file.text;
  if (map.flow) {
    let after = to;
    while (after < text.length && /[ \t]/.test(text[after])) after++;
    if (text[after] === ',') {
      to = after + 1;
      while (to < text.length && /[ \t]/.test(text[to])) to++;
    } else {
      let before = from;
      while (before > 0 && /[ \t]/.test(text[before - 1])) before--;
      if (text[before - 1] === ',') from = before - 1;
    }
  } else {
    const line = file.lines.positionAt(from).line;
    const lineStart = file.lines.lineStart(line);
    const endLine = file.lines.positionAt(to).line;
    // Keep a list item's dash: `- unknown: 1` loses only its entry.
    if (text.slice(lineStart, from).trim() === '') {
      from = lineStart;
      to = endLine + 1 < file.lines.lineCount ? file.lines.lineStart(endLine + 1) : file.lines.lineEnd(endLine);
    } else to = file.lines.lineEnd(endLine);
  }
  return { title: `Remove unknown property "${name}"`, edit: { range: file.lines.rangeOf(from, to), newText: '' } };
}

function pairAt(file: ParsedFile, keyStart: number): { map: YAMLMap<Node, Node | null>; pair: Pair<Node, Node | null>; name: string } | undefined {
  let found: ReturnType<typeof pairAt>;
  const visit = (node: Node | null): void => {
    if (found || !node) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const name = keyText(pair.key);
        if (name !== undefined && isScalar(pair.key) && pair.key.range?.[0] === keyStart) {
          found = { map: node as YAMLMap<Node, Node | null>, pair: pair as Pair<Node, Node | null>, name };
          return;
        }
        visit(pair.value as Node | null);
      }
    } else if (isSeq(node)) node.items.forEach((item) => visit(item as Node | null));
  };
  for (const doc of file.documents) visit(doc.yaml.contents as Node | null);
  return found;
}

/** Mappings a `schema/required` finding at `offset` may be about: the value of the key there, or the mapping whose first key it is. */
function ownersAt(node: Node | null, offset: number, path: DataPath): Array<{ map: YAMLMap<Node, Node | null>; path: DataPath }> {
  const out: Array<{ map: YAMLMap<Node, Node | null>; path: DataPath }> = [];
  const visit = (n: Node | null, p: DataPath): void => {
    if (!n || !n.range || offset < n.range[0] || offset > n.range[2]) return;
    if (isMap(n)) {
      const map = n as YAMLMap<Node, Node | null>;
      const first = map.items[0];
      if (first && isScalar(first.key) && first.key.range?.[0] === offset) out.push({ map, path: p });
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        const name = keyText(pair.key);
        if (name === undefined) continue;
        if (isScalar(pair.key) && pair.key.range?.[0] === offset && isMap(pair.value)) out.unshift({ map: pair.value as YAMLMap<Node, Node | null>, path: [...p, name] });
        visit(pair.value as Node | null, [...p, name]);
      }
    } else if (isSeq(n)) n.items.forEach((item, i) => visit(item as Node | null, [...p, i]));
  };
  visit(node, path);
  return out;
}

function requiredOf(refs: SchemaRef[]): Set<string> {
  const out = new Set<string>();
  for (const ref of refs) {
    const r = (ref.schema as Record<string, unknown>)?.required;
    if (Array.isArray(r)) r.forEach((k) => out.add(String(k)));
  }
  return out;
}

function placeholder(walker: SchemaWalker, refs: SchemaRef[], depth: number): unknown {
  const fallback = annotation(refs, 'default');
  if (fallback !== undefined) return fallback;
  const examples = annotation<unknown[]>(refs, 'examples');
  if (Array.isArray(examples) && examples.length) return examples[0];
  const allowed = enumValues(refs);
  if (allowed.length) return allowed[0].value;
  const types = schemaTypes(refs);
  if (types.has('object')) {
    const out: Record<string, unknown> = {};
    if (depth < 3) for (const key of requiredOf(refs)) out[key] = placeholder(walker, walker.applicable(walker.propertySchemas(refs, key), undefined), depth + 1);
    return out;
  }
  if (types.has('array')) return [];
  if (types.has('integer') || types.has('number')) return 0;
  if (types.has('boolean')) return false;
  return '';
}

function insertEdit(file: ParsedFile, map: YAMLMap<Node, Node | null>, values: Record<string, unknown>): TextEdit | undefined {
  const last = map.items[map.items.length - 1];
  const first = map.items[0];
  if (!first || !isScalar(first.key) || !first.key.range || !map.range) return undefined;
  const eol = lineBreakOf(file.text);
  if (map.flow) {
    // `{ a: 1 }` -> `{ a: 1, b: 2 }`: insert before the closing brace, after the last entry.
    let at = map.range[1] - 1;
    while (at > map.range[0] && file.text[at] !== '}') at--;
    let end = at;
    while (end > map.range[0] && /\s/.test(file.text[end - 1])) end--;
    const text = Object.entries(values)
      .map(([k, v]) => `, ${k}: ${stringify(v, { version: '1.2', flow: true } as never).trim()}`)
      .join('');
    const pos = file.lines.positionAt(end);
    return { range: { start: pos, end: pos }, newText: text };
  }
  const column = file.lines.positionAt(first.key.range[0]).character;
  const indent = ' '.repeat(column);
  const lastNode = (last.value ?? last.key) as Node | null;
  let end = lastNode?.range ? lastNode.range[1] : first.key.range[1];
  while (end > 0 && /\s/.test(file.text[end - 1])) end--;
  const line = file.lines.positionAt(end).line;
  const lineEnd = file.lines.lineEnd(line);
  const block = stringify(values, { version: '1.2', indent: 2, lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => indent + l)
    .join(eol);
  const pos = file.lines.positionAt(lineEnd);
  return { range: { start: pos, end: pos }, newText: eol + block };
}

function overlaps(a: Range, b: Range, strict = false): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  if (strict) return before(a.start, b.end) && before(b.start, a.end) || (equal(a.start, b.start));
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function equal(p: Range['start'], q: Range['start']): boolean {
  return p.line === q.line && p.character === q.character;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
