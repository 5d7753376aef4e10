// Hover: what the schema says about the key or value under the caret, and the findings on it.
import { isScalar, stringify, type Node } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { SchemaWalker } from '../schema/schemaWalker';
import type { Finding, Position, Range } from '../types';
import { nodeAt, type NodeAt } from '../utils/yamlPosition';
import type { DocumentKind } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { annotation, describeSchema, enumValues, schemasAt } from './effectiveSchema';
import { isDefinition, namespaceOf, namespaceWord, referencesTo, targetsOf } from './idReferences';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export interface HoverContext {
  walker: SchemaWalker;
  schemaIdFor: (document: ParsedDocument) => Promise<string | undefined>;
  /** The findings published for the file; those under the caret are shown with their docs link. */
  findings?: Finding[];
  /** Turns a finding's `docs` (repository-relative or absolute) into a link the host can open. */
  docsHref?: (docs: string) => string;
  /** The portfolio, for the card of a referenced project, programme, person or objective. */
  workspace?: WorkspaceIndex;
  kindOf?: (document: ParsedDocument) => DocumentKind | undefined;
}

export async function doHover(file: ParsedFile, position: Position, context: HoverContext): Promise<HoverResult | undefined> {
  const offset = file.lines.offsetAt(position);
  const doc = file.documents.find((d) => d.yaml.range[0] <= offset && offset <= d.yaml.range[2]) ?? file.documents[file.documents.length - 1];
  const sections: string[] = [];
  let range: Range | undefined;

  const at = doc ? nodeAt(doc.yaml.contents as Node | null, offset, []) : undefined;
  if (doc && at && at.path.length > 0) {
    const schemaId = await context.schemaIdFor(doc);
    if (schemaId) {
      const refs = schemasAt(context.walker, schemaId, doc.value, at.path);
      const text = schemaSection(refs, at, (isScalar(at.node) ? at.node.value : undefined) as unknown);
      const namespace = namespaceOf(refs);
      if (namespace && context.workspace && !at.onKey && isScalar(at.node) && at.node.value !== null) {
        const id = String(at.node.value);
        if (isDefinition(namespace, context.kindOf?.(doc), at.path)) {
          const count = referencesTo(context.workspace, namespace, id).length;
          sections.push(`Referred to ${count === 1 ? 'once' : `${count} times`} in the workspace.`);
        } else {
          const targets = targetsOf(context.workspace, namespace, id);
          sections.push(targets.length ? targets.map((t) => t.card).join('\n\n') : `No ${namespaceWord(namespace)} in the workspace has the id \`${id}\`.`);
        }
      }
      if (text) sections.push(text);
    }
    if (at.node.range) range = file.lines.rangeOf(at.node.range[0], at.node.range[1]);
  }

  const findings = (context.findings ?? []).filter((f) => contains(f.range, position));
  if (findings.length) {
    const href = context.docsHref ?? ((d: string) => d);
    sections.push(findings.map((f) => `**${f.severity}** \`${f.rule}\`: ${f.message} ([docs](${href(f.docs)}))`).join('\n\n'));
    range ??= findings[0].range;
  }
  if (sections.length === 0 || !range) return undefined;
  return { contents: sections.join('\n\n---\n\n'), range };
}

function schemaSection(refs: ReturnType<typeof schemasAt>, at: NodeAt, value: unknown): string | undefined {
  if (refs.length === 0) return undefined;
  const parts: string[] = [];
  const title = annotation<string>(refs, 'title');
  const name = at.path[at.path.length - 1];
  parts.push(`**${title ?? String(name)}**${title && typeof name === 'string' ? ` \`${name}\`` : ''}`);
  const description = describeSchema(refs);
  if (description) parts.push(description);
  const allowed = enumValues(refs);
  if (!at.onKey && allowed.length) {
    const chosen = allowed.find((a) => a.value === value);
    if (chosen?.description) parts.push(`\`${String(value)}\`: ${chosen.description}`);
  }
  if (allowed.length > 1) {
    parts.push(`Allowed values:\n${allowed.map((a) => `- \`${String(a.value)}\`${a.description ? `: ${a.description}` : ''}`).join('\n')}`);
  }
  const examples = annotation<unknown[]>(refs, 'examples');
  if (Array.isArray(examples) && examples.length && allowed.length === 0) {
    const scalars = examples.filter((e) => e === null || typeof e !== 'object');
    if (scalars.length) parts.push(`Examples: ${scalars.slice(0, 3).map((e) => `\`${String(e)}\``).join(', ')}`);
    else parts.push(`Example:\n\`\`\`yaml\n${stringify(examples[0], { version: '1.2' }).trimEnd()}\n\`\`\``);
  }
  return parts.join('\n\n');
}

function contains(range: Range, p: Position): boolean {
  const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return after && before;
}
