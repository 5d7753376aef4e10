// Workspace scale: a generated portfolio, from server start to findings published for every file,
// then one edit that changes a cross-file fact (a dependency now names a project that does not exist).
//
// Two ways to get the files to the server:
// - `open`: the client opens every file (didOpen with its text). What both servers support today:
//   ours validates open documents only, and yaml-language-server never reads the workspace itself.
// - `index`: the client opens nothing and waits for the server to index the workspace folder and publish
//   findings for every file on its own; the edited file is opened just before it is edited.
// `auto` (the default for our server) starts the server once on the folder and picks `index` when it
// starts background work by itself (work-done progress, or diagnostics for files nobody opened) within
// a few seconds, else `open`. yaml-language-server always gets `open`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PortfolioOnDisk } from '../data/portfolio';
import { LspSession, sleep } from '../lsp/session';
import type { ServerUnderTest } from '../lsp/servers';
import { isSchemaProblem, messageText } from './editor';

export type WorkspaceMode = 'open' | 'index';
export type WorkspaceModeSetting = WorkspaceMode | 'auto';

export interface WorkspaceRun {
  mode: WorkspaceMode;
  /** Server spawn to the last file's first diagnostics. */
  allFindingsMs: number;
  /** CPU time the server had used when the last file's findings came in. */
  allFindingsCpuMs?: number;
  /** Files that never got diagnostics (should be 0). */
  missing: number;
  /** Edit sent to the edited file's new diagnostics (not measured when some files never got findings). */
  editMs?: number;
  /** Edit sent to the last diagnostics published for any file, once publishing went quiet for 500 ms. */
  editSettledMs?: number;
  /** Files other than the edited one republished after the edit. */
  othersRepublished: number;
  /** Whether the edited file then carried a finding about the unknown project (a cross-file rule ran). */
  crossFileFinding: boolean;
  schemaProblems: number;
  peakRssBytes?: number;
}

/** After the edit's own diagnostics, other files' republishes count until none has come for this long. */
const QUIET_MS = 500;
/** ... or until this long after the edit, whichever is first. */
const SETTLE_MAX_MS = 20000;

export async function runWorkspaceSession(
  server: ServerUnderTest,
  portfolio: PortfolioOnDisk,
  texts: Map<string, string>,
  mode: WorkspaceMode,
  timeoutMs: number,
): Promise<WorkspaceRun> {
  const session = await LspSession.start(server, portfolio.root);
  try {
    const uris = portfolio.files.map((f) => pathToFileURL(path.join(portfolio.root, f)).href);
    if (mode === 'open') {
      for (const file of portfolio.files) await session.open(path.join(portfolio.root, file), texts.get(file)!);
    }
    const { last, missing } = await session.allDiagnosticsAfter(uris, session.spawnedAt, timeoutMs);
    const allFindingsMs = last - session.spawnedAt;
    const allFindingsCpuMs = session.cpuTime();
    let schemaProblems = 0;
    for (const uri of uris) {
      const latest = session.publishesOf(uri).at(-1);
      schemaProblems += latest ? latest.diagnostics.filter((d) => isSchemaProblem(server.name, d)).length : 0;
    }

    const peak = session.peakRss();
    if (missing > 0) {
      // The server is still busy with the start: an edit now would measure that, not the edit.
      return { mode, allFindingsMs, allFindingsCpuMs, missing, othersRepublished: 0, crossFileFinding: false, schemaProblems, peakRssBytes: peak };
    }
    const target = portfolio.editTarget;
    const targetPath = path.join(portfolio.root, target.file);
    const targetUri = pathToFileURL(targetPath).href;
    if (mode === 'index') {
      const opened = await session.open(targetPath, texts.get(target.file)!);
      await session.diagnosticsAfter(targetUri, opened.sentAt);
    }
    await session.settle(200);
    const line = texts.get(target.file)!.split('\n')[target.dependencyLine];
    const character = line.indexOf(target.dependsOn);
    const edit = await session.change(
      targetUri,
      { start: { line: target.dependencyLine, character }, end: { line: target.dependencyLine, character: character + target.dependsOn.length } },
      'prj-99999',
    );
    const own = await session.diagnosticsAfter(targetUri, edit.sentAt, edit.version);
    const settled = await session.quietAfter(own.at, QUIET_MS, edit.sentAt + SETTLE_MAX_MS);
    let othersRepublished = 0;
    for (const uri of uris) {
      if (uri !== targetUri && session.publishesOf(uri).some((p) => p.at >= edit.sentAt)) othersRepublished++;
    }
    const latest = session.publishesOf(targetUri).at(-1)!;
    const crossFileFinding = latest.diagnostics.some((d) => messageText(d).includes('prj-99999') && !isSchemaProblem(server.name, d));
    return {
      mode,
      allFindingsMs,
      allFindingsCpuMs,
      missing,
      editMs: own.at - edit.sentAt,
      editSettledMs: settled - edit.sentAt,
      othersRepublished,
      crossFileFinding,
      schemaProblems,
      peakRssBytes: session.peakRss(),
    };
  } finally {
    await session.stop();
  }
}

/** How long `auto` watches a freshly started server for background work of its own. */
const DETECT_MS = 3000;

export async function detectWorkspaceMode(server: ServerUnderTest, portfolio: PortfolioOnDisk): Promise<WorkspaceMode> {
  const session = await LspSession.start(server, portfolio.root);
  try {
    const uris = portfolio.files.map((f) => pathToFileURL(path.join(portfolio.root, f)).href);
    const until = Date.now() + DETECT_MS;
    while (Date.now() < until) {
      if (session.reportedProgress || uris.some((u) => session.publishesOf(u).length > 0)) return 'index';
      await sleep(50);
    }
    return 'open';
  } finally {
    await session.stop();
  }
}

/** Every file's text, read before the clock starts so the client's disk reads are not timed. */
export function readPortfolioTexts(portfolio: PortfolioOnDisk): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of portfolio.files) texts.set(file, fs.readFileSync(path.join(portfolio.root, file), 'utf8'));
  return texts;
}
