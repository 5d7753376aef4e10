// The code lens at the top of a project charter: where it stands (status, RAG), how it is tied to the
// portfolio (depends on N, blocks M) and how many findings are open. Each one opens the detail.
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import type { DocumentKind, Finding, Position, Range } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { referencesTo, targetsOf, type IdLocation } from './idReferences';
import { isLive } from '../rules/lifecycle';
import { isDict } from '../model/charterReader';
import type { Policy } from '../rules/policy';

/** What a lens shows when clicked; the editor's adapter turns it into a command of its client. */
export type LensTarget = { show: 'references'; uri: string; position: Position; locations: IdLocation[] } | { show: 'problems' };

export interface CodeLens {
  range: Range;
  title: string;
  /** Undefined for a lens that only informs. */
  opens?: LensTarget;
}

export interface CodeLensContext {
  workspace: WorkspaceIndex;
  kindOf: (document: ParsedDocument) => DocumentKind | undefined;
  /** The policy's live statuses: a finished or not yet approved project's last RAG is history, not its standing. */
  policy: Pick<Policy, 'liveStatuses'>;
}

export function getCodeLenses(file: ParsedFile, findings: Finding[], context: CodeLensContext): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const doc of file.documents) {
    if (doc.empty || context.kindOf(doc) !== 'Project' || !isDict(doc.value)) continue;
    const value = doc.value;
    const start = file.lines.positionAt(doc.start);
    const range: Range = { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } };
    const report = isDict(value.statusReport) ? value.statusReport : {};
    const status = typeof value.status === 'string' ? value.status : undefined;
    const rag = typeof report.rag === 'string' && isLive(status, context.policy) ? `RAG ${report.rag}` : undefined;
    const standing = [status, rag].filter(Boolean);
    if (standing.length) lenses.push({ range, title: standing.join(' · ') });

    const id = typeof value.id === 'string' ? value.id : undefined;
    const dependencies = Array.isArray(value.dependencies) ? value.dependencies.filter(isDict).map((d) => d.project).filter((p): p is string => typeof p === 'string') : [];
    const upstream: IdLocation[] = dependencies.flatMap((p) => targetsOf(context.workspace, 'Project', p).map(({ uri, range: r, relativePath }) => ({ uri, range: r, relativePath })));
    const downstream = id ? referencesTo(context.workspace, 'Project', id).filter((l) => l.uri !== file.uri) : [];
    lenses.push({ range, title: `depends on ${dependencies.length}`, opens: { show: 'references', uri: file.uri, position: range.start, locations: upstream } });
    lenses.push({ range, title: `blocks ${downstream.length}`, opens: { show: 'references', uri: file.uri, position: range.start, locations: downstream } });

    const startLine = start.line;
    const endLine = file.lines.positionAt(doc.end).line;
    const open = findings.filter((f) => f.uri === file.uri && f.range.start.line >= startLine && f.range.start.line <= endLine);
    lenses.push({ range, title: open.length === 0 ? 'no open findings' : `${open.length} open finding${open.length === 1 ? '' : 's'}`, opens: open.length ? { show: 'problems' } : undefined });
  }
  return lenses;
}
