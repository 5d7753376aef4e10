// Editor latency: one charter open in a fresh server; start-up, first diagnostics, 20 keystrokes,
// 20 completions, peak memory. The same steps, in the same order, for either server.
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { EditorCase } from '../data/editorCases';
import { LspSession } from '../lsp/session';
import type { ServerUnderTest } from '../lsp/servers';
import { median, medianOf, percentile } from '../report/stats';

export const EDITS = 20;
export const COMPLETIONS = 20;
/** Typed one character per edit, at the end of a risk title in the middle of the file. */
const TYPED = 'revised by the board';


export interface EditorRun {
  /** Whether the server announced completion in its initialize result. */
  completes: boolean;
  initMs: number;
  openMs: number;
  editMs: number[];
  /** Server CPU time over the edits divided by their number: the work per edit, whatever else the machine runs. */
  cpuPerEditMs?: number;
  /** Empty when the server does not offer completion. */
  completionMs: number[];
  completionItems: { key: number; value: number };
  peakRssBytes?: number;
  /** Schema problems in the first diagnostics and after the last edit. */
  schemaProblemsAtOpen: number;
  schemaProblemsAfterEdits: number;
  /** A few of the messages, to see what each server says about the planted errors. */
  sampleMessages: string[];
}

export interface EditorSummary {
  initMs?: number;
  openMs?: number;
  editMedianMs?: number;
  editP95Ms?: number;
  cpuPerEditMs?: number;
  completionMedianMs?: number;
  completionP95Ms?: number;
  peakRssBytes?: number;
  schemaProblems?: number;
  completes: boolean;
}

export interface EditorResult {
  server: ServerUnderTest['name'];
  size: number;
  errors: boolean;
  lines: number;
  planted: number;
  runs: EditorRun[];
  summary: EditorSummary;
}

/** A diagnostic that comes from the schema (not from a governance rule or a YAML syntax check). */
export function isSchemaProblem(server: ServerUnderTest['name'], d: Diagnostic): boolean {
  if (server === 'charter') return typeof d.code === 'string' && d.code.startsWith('schema/');
  return (d.source ?? '').startsWith('yaml-schema');
}

export async function runEditorSession(
  server: ServerUnderTest,
  c: EditorCase,
  options: { edits?: number; completions?: boolean; nodeArgs?: string[] } = {},
): Promise<EditorRun & { editWindow: [bigint, bigint] }> {
  const session = await LspSession.start(server, c.folder, { nodeArgs: options.nodeArgs });
  try {
    const initMs = session.initializedAt - session.spawnedAt;
    await session.settle();
    // The editor's text differs from the file on disk by one trailing comment, so a server that has
    // indexed its folder cannot answer the open from what it read at start: both do the same work.
    const text = `${c.text}# opened in the editor\n`;
    const lines = text.split('\n');
    const { uri, sentAt } = await session.open(c.file, text);
    const first = await session.diagnosticsAfter(uri, sentAt);
    const openMs = first.at - sentAt;
    const schemaProblemsAtOpen = first.diagnostics.filter((d) => isSchemaProblem(server.name, d)).length;
    const sampleMessages = [...new Set(first.diagnostics.map((d) => messageText(d)))].slice(0, 6);

    // Keystrokes at the end of the risk title nearest the middle of the file; each waits for its diagnostics.
    const line = nearestLine(lines, (l) => l.startsWith('    title: '), Math.floor(lines.length / 2));
    const editMs: number[] = [];
    let last = first;
    const windowStart = process.hrtime.bigint();
    const cpuBefore = session.cpuTime();
    const edits = options.edits ?? EDITS;
    for (let i = 0; i < edits; i++) {
      const character = lines[line].length;
      const typed = TYPED[i % TYPED.length];
      const { sentAt, version } = await session.change(uri, { start: { line, character }, end: { line, character } }, typed);
      lines[line] += typed;
      last = await session.diagnosticsAfter(uri, sentAt, version);
      editMs.push(last.at - sentAt);
    }
    const windowEnd = process.hrtime.bigint();
    const cpuAfter = session.cpuTime();
    const cpuPerEditMs = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / edits : undefined;
    const schemaProblemsAfterEdits = last.diagnostics.filter((d) => isSchemaProblem(server.name, d)).length;

    // Completion: a new, empty key line inside that risk, and the value of its probability.
    const completionMs: number[] = [];
    const completionItems = { key: 0, value: 0 };
    if (session.completes && options.completions !== false) {
      const end = lines[line].length;
      const { sentAt, version } = await session.change(uri, { start: { line, character: end }, end: { line, character: end } }, '\n    ');
      lines.splice(line + 1, 0, '    ');
      await session.diagnosticsAfter(uri, sentAt, version);
      const valueLine = lines.findIndex((l, i) => i > line && l.startsWith('    probability: '));
      for (let i = 0; i < COMPLETIONS; i++) {
        const key = i % 2 === 0;
        const result = key ? await session.complete(uri, line + 1, 4) : await session.complete(uri, valueLine, lines[valueLine].length);
        completionMs.push(result.ms);
        if (key) completionItems.key = result.items;
        else completionItems.value = result.items;
      }
    }
    return {
      completes: session.completes,
      initMs,
      openMs,
      editMs,
      cpuPerEditMs,
      completionMs,
      completionItems,
      peakRssBytes: session.peakRss(),
      schemaProblemsAtOpen,
      schemaProblemsAfterEdits,
      sampleMessages,
      editWindow: [windowStart, windowEnd],
    };
  } finally {
    await session.stop();
  }
}

export function summariseEditorRuns(runs: EditorRun[]): EditorSummary {
  const completes = runs.some((r) => r.completes);
  return {
    initMs: medianOf(runs, (r) => r.initMs),
    openMs: medianOf(runs, (r) => r.openMs),
    // Per run: median and p95 of its 20 edits; across runs: the median of those.
    editMedianMs: medianOf(runs, (r) => median(r.editMs)),
    editP95Ms: medianOf(runs, (r) => percentile(r.editMs, 95)),
    cpuPerEditMs: medianOf(runs, (r) => r.cpuPerEditMs),
    completionMedianMs: completes ? medianOf(runs, (r) => median(r.completionMs)) : undefined,
    completionP95Ms: completes ? medianOf(runs, (r) => percentile(r.completionMs, 95)) : undefined,
    peakRssBytes: medianOf(runs, (r) => r.peakRssBytes),
    schemaProblems: medianOf(runs, (r) => r.schemaProblemsAtOpen),
    completes,
  };
}

function nearestLine(lines: string[], test: (line: string) => boolean, around: number): number {
  for (let d = 0; d < lines.length; d++) {
    if (around + d < lines.length && test(lines[around + d])) return around + d;
    if (around - d >= 0 && test(lines[around - d])) return around - d;
  }
  throw new Error('no line to edit');
}

export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
