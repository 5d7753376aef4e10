// Server restart from the findings cache: start our server on a portfolio with an empty cache folder
// (cold), wait for every file's findings and for the cache to be written, stop it, start it again on
// the same folder (warm). The warm start must publish the same findings for every file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PortfolioOnDisk } from '../data/portfolio';
import { LspSession, sleep } from '../lsp/session';
import { charterServer } from '../lsp/servers';
import { parsePhaseTimes } from './cli';

export interface StartRun {
  /** Server spawn to the last file's first diagnostics. */
  allFindingsMs: number;
  allFindingsCpuMs?: number;
  missing: number;
  peakRssBytes?: number;
  /** Milliseconds per phase until every file was checked, from the server's log line. */
  phaseMs?: Record<string, number>;
}

export interface RestartRun {
  cold: StartRun;
  warm: StartRun;
  /** The warm start published, for every file, the diagnostics the cold start did. */
  sameFindings: boolean;
  /** Files whose diagnostics differ (the first few), with both versions, to see why. */
  differences: Array<{ uri: string; cold: string; warm: string }>;
}

/** How long to wait for the server to write its cache after the last check (it debounces). */
const CACHE_WRITE_TIMEOUT_MS = 60_000;

export async function runServerRestart(bundle: string, portfolio: PortfolioOnDisk, timeoutMs: number): Promise<RestartRun> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bench-cache-'));
  try {
    const server = charterServer(bundle, cacheDir);
    const uris = portfolio.files.map((f) => pathToFileURL(path.join(portfolio.root, f)).href);
    const cacheFile = path.join(cacheDir, 'findings-cache');
    const start = async (): Promise<{ run: StartRun; findings: Map<string, string> }> => {
      const before = fs.existsSync(cacheFile) ? fs.statSync(cacheFile).mtimeMs : -1;
      const session = await LspSession.start(server, portfolio.root);
      try {
        const { last, missing } = await session.allDiagnosticsAfter(uris, session.spawnedAt, timeoutMs);
        const run: StartRun = { allFindingsMs: last - session.spawnedAt, allFindingsCpuMs: session.cpuTime(), missing, peakRssBytes: session.peakRss() };
        const findings = new Map(uris.map((uri) => [uri, JSON.stringify(session.publishesOf(uri).at(-1)?.diagnostics ?? null)]));
        const until = Date.now() + CACHE_WRITE_TIMEOUT_MS;
        while (Date.now() < until && !(fs.existsSync(cacheFile) && fs.statSync(cacheFile).mtimeMs !== before)) await sleep(100);
        run.phaseMs = parsePhaseTimes(session.logs.find((l) => l.startsWith('Charter: checked ')) ?? '');
        return { run, findings };
      } finally {
        await session.stop();
      }
    };
    const cold = await start();
    const warm = await start();
    const differing = uris.filter((uri) => cold.findings.get(uri) !== warm.findings.get(uri));
    const differences = differing.slice(0, 5).map((uri) => ({ uri, cold: cold.findings.get(uri)!, warm: warm.findings.get(uri)! }));
    return { cold: cold.run, warm: warm.run, sameFindings: differing.length === 0, differences };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}
