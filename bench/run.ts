// `npm run bench`: generates the data, measures both servers and both command line tools, prints the
// side-by-side table and writes bench/results/latest.json and bench/RESULTS.md.
//
//   npm run bench                          the full run (about 10 minutes on 2 quiet cores)
//   npm run bench -- --quick               one run of each, 1,000-charter portfolio only: a smoke test
//   npm run bench -- --only=editor         editor | workspace | cli, comma-separated
//   npm run bench -- --workspaces=1000     portfolio sizes, comma-separated
//   npm run bench -- --workspace-mode=open how our server gets a portfolio's files: auto (default) | open | index
// A partial run (any of those options) prints its table and writes latest.json, but leaves RESULTS.md alone.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildBundles, type Bundles } from './build';
import { AS_OF } from './data/charters';
import { writeEditorCases, type EditorCase } from './data/editorCases';
import { writePortfolio, type PortfolioOnDisk } from './data/portfolio';
import { sleep } from './lsp/session';
import { charterServer, yamlLanguageServer, type ServerUnderTest } from './lsp/servers';
import { ajvCliInvocations, runAjvCli, runCharterCheck, timeNode, writeJsonCopies, type CliRun } from './measure/cli';
import { COMPLETIONS, EDITS, runEditorSession, summariseEditorRuns, type EditorResult, type EditorRun } from './measure/editor';
import { compileProjectSchema, FLOOR_RUNS, measureFloor } from './measure/floor';
import { newestProfile, summariseProfile } from './measure/profile';
import {
  detectWorkspaceMode,
  readPortfolioTexts,
  runWorkspaceSession,
  type WorkspaceMode,
  type WorkspaceModeSetting,
  type WorkspaceRun,
} from './measure/workspace';
import { describeMachine } from './report/machine';
import { writeResultsMarkdown } from './report/markdown';
import { CACHE_COLD, CACHE_WARM, evaluateTargets, YLS_VALIDATION_DELAY_MS, type BenchResults, type CliResult, type FloorFigure, type RestartResult, type WorkspaceResult } from './report/results';
import { runServerRestart, type RestartRun } from './measure/restart';
import { medianOf } from './report/stats';
import { printTable, sideBySide } from './report/table';

const REPO = path.resolve(__dirname, '..');
const DATA = path.join(__dirname, '.data');
const SEED = 20270515;
const SIZES = [50, 500, 5000];
const LINES_PER_ERROR = 50;
/** Edits in the profiled session (the profile is cut to the window of the edits). */
const PROFILED_EDITS = 20;
const SECTIONS = ['editor', 'workspace', 'cli'] as const;
type Section = (typeof SECTIONS)[number];

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      reps: { type: 'string' },
      only: { type: 'string' },
      workspaces: { type: 'string' },
      'workspace-mode': { type: 'string', default: 'auto' },
    },
  });
  const quick = values.quick!;
  const reps = Number(values.reps ?? (quick ? 1 : 3));
  const only = new Set((values.only?.split(',') ?? SECTIONS) as Section[]);
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only takes ${SECTIONS.join(', ')}`);
  const oursMode = values['workspace-mode'] as WorkspaceModeSetting;
  if (!['auto', 'open', 'index'].includes(oursMode)) throw new Error('--workspace-mode is auto, open or index');
  const sizes = values.workspaces ? values.workspaces.split(',').map(Number) : quick ? [1000] : [1000, 10000];
  // The 10,000-charter portfolio runs once per server and tool, to keep the whole bench near 10 minutes.
  const workspaces = sizes.map((projects) => ({ projects, reps: projects >= 10000 ? 1 : reps }));
  const partialRun = quick || values.only !== undefined || values.workspaces !== undefined || values.reps !== undefined;

  const started = performance.now();
  const machine = describeMachine();
  log(`${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, load ${machine.loadAtStart.toFixed(2)}`);
  const bundles = await buildWithRetry();
  const ours = charterServer(bundles.server);
  const theirs = yamlLanguageServer(REPO);
  const servers: ServerUnderTest[] = [ours, theirs];

  const editor: EditorResult[] = [];
  let floor: FloorFigure[] = [];
  const profiles: BenchResults['profiles'] = {};
  if (only.has('editor')) {
    const cases = writeEditorCases(path.join(DATA, 'editor'), SIZES, SEED, LINES_PER_ERROR);
    floor = measureFloors(cases);
    log(`floor: ${floor.map((f) => `${f.lines}${f.errors ? 'e' : ''}=${f.medianMs.toFixed(1)}ms`).join(' ')}`);
    editor.push(...(await measureEditor(cases, servers, reps)));
    const profile = await profileEdits(ours, bundles, cases.find((k) => k.size === Math.max(...SIZES) && k.errors)!);
    if (profile) profiles.edit = profile;
  }

  const workspace: WorkspaceResult[] = [];
  const cli: CliResult[] = [];
  const restart: RestartResult[] = [];
  const modes: Record<ServerUnderTest['name'], WorkspaceMode> = { charter: 'open', 'yaml-language-server': 'open' };
  if (only.has('workspace') || only.has('cli')) {
    for (const { projects, reps: wsReps } of workspaces) {
      const portfolio = writePortfolio(path.join(DATA, `portfolio-${projects}`), projects, SEED + projects);
      log(`portfolio of ${projects} charters: ${portfolio.files.length} files, ${portfolio.people} people, ${portfolio.programmes} programmes`);
      if (only.has('workspace')) {
        modes.charter = oursMode === 'auto' ? await detectWorkspaceMode(ours, portfolio) : oursMode;
        log(`our server's workspace mode: ${modes.charter}${oursMode === 'auto' ? ' (detected)' : ''}`);
        workspace.push(...(await measureWorkspace(portfolio, servers, modes, wsReps)));
        restart.push(await measureRestart(portfolio, bundles, wsReps));
      }
      if (only.has('cli')) {
        cli.push(...(await measureCli(portfolio, bundles, wsReps)));
        if (projects === Math.min(...sizes)) {
          const profile = await profileCheck(bundles, portfolio);
          if (profile) profiles.check = profile;
        }
      }
    }
  }

  machine.loadAtEnd = os.loadavg()[0];
  const partial = {
    machine,
    config: {
      seed: SEED,
      reps,
      sizes: SIZES,
      linesPerError: LINES_PER_ERROR,
      edits: EDITS,
      completions: COMPLETIONS,
      workspaces,
      workspaceMode: modes,
      ylsValidationDelayMs: YLS_VALIDATION_DELAY_MS,
    },
    editor,
    floor,
    profiles,
    workspace,
    cli,
    restart,
  };
  const results: BenchResults = { ...partial, targets: evaluateTargets(partial), durationSeconds: (performance.now() - started) / 1000 };

  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2));
  if (!partialRun) writeResultsMarkdown(path.join(__dirname, 'RESULTS.md'), results, methodText(results));
  process.stdout.write(`\n${printTable(sideBySide(results))}\n\nTargets:\n`);
  for (const t of results.targets) process.stdout.write(`  [${t.met === undefined ? 'n/a' : t.met ? 'met' : 'MISSED'}] ${t.text}: ${t.measured}\n`);
  process.stdout.write(
    `\nWrote bench/results/latest.json${partialRun ? ' (partial run: bench/RESULTS.md left alone)' : ' and bench/RESULTS.md'} in ${(results.durationSeconds / 60).toFixed(1)} minutes.\n`,
  );
}

function measureFloors(cases: EditorCase[]): FloorFigure[] {
  const validate = compileProjectSchema(REPO);
  return cases.map((c) => {
    const f = measureFloor(validate, c.text);
    return { size: c.size, errors: c.errors, lines: c.lines, medianMs: f.medianMs, cpuMeanMs: f.cpuMeanMs, errorsFound: f.errorsFound };
  });
}

/** For each charter, runs alternate between the servers so both see the same machine. */
async function measureEditor(cases: EditorCase[], servers: ServerUnderTest[], reps: number): Promise<EditorResult[]> {
  const results: EditorResult[] = [];
  for (const c of cases) {
    const runs = new Map<string, EditorRun[]>(servers.map((s) => [s.name, []]));
    for (let rep = 0; rep < reps; rep++) {
      for (const server of servers) {
        // Completion is measured per size, on the clean charter: it does not depend on the planted errors.
        const { editWindow: _window, ...run } = await runEditorSession(server, c, { completions: !c.errors });
        runs.get(server.name)!.push(run);
      }
    }
    for (const server of servers) {
      const list = runs.get(server.name)!;
      const summary = summariseEditorRuns(list);
      results.push({ server: server.name, size: c.size, errors: c.errors, lines: c.lines, planted: c.planted.length, runs: list, summary });
      log(
        `${server.name} ${c.lines} lines${c.errors ? ` (${c.planted.length} planted)` : ''}: init ${f1(summary.initMs)} open ${f1(summary.openMs)} ` +
          `edit ${f1(summary.editMedianMs)}/${f1(summary.editP95Ms)} cpu/edit ${f1(summary.cpuPerEditMs)} completion ${f1(summary.completionMedianMs)} problems ${summary.schemaProblems}`,
      );
    }
  }
  return results;
}

/** A CPU profile of our server typing into the largest charter with errors, cut to the edits. */
async function profileEdits(ours: ServerUnderTest, bundles: Bundles, c: EditorCase): Promise<BenchResults['profiles']['edit']> {
  const dir = freshDir(path.join(DATA, 'profiles', 'edit'));
  const run = await runEditorSession(ours, c, { edits: PROFILED_EDITS, completions: false, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const file = await waitForProfile(dir);
  if (!file) {
    log('edit profile: no .cpuprofile was written');
    return undefined;
  }
  const summary = { ...summariseProfile(file, bundles.server, REPO, run.editWindow), file: path.relative(REPO, file), edits: PROFILED_EDITS, lines: c.lines };
  log(`edit profile: ${summary.top.slice(0, 5).map((f) => `${f.name} ${f.percent.toFixed(0)}%`).join(', ')}`);
  return summary;
}

/** A CPU profile of `charter check` on a portfolio (untimed). */
async function profileCheck(bundles: Bundles, portfolio: PortfolioOnDisk): Promise<BenchResults['profiles']['check']> {
  const dir = freshDir(path.join(DATA, 'profiles', 'check'));
  await timeNode(['--cpu-prof', `--cpu-prof-dir=${dir}`, bundles.cli, 'check', '.', '--format', 'json', '--as-of', AS_OF], portfolio.root);
  const file = await waitForProfile(dir);
  if (!file) {
    log('check profile: no .cpuprofile was written');
    return undefined;
  }
  const summary = { ...summariseProfile(file, bundles.cli, REPO), file: path.relative(REPO, file), files: portfolio.files.length };
  log(`check profile: ${summary.top.slice(0, 5).map((f) => `${f.name} ${f.percent.toFixed(0)}%`).join(', ')}`);
  return summary;
}

async function measureWorkspace(
  portfolio: PortfolioOnDisk,
  servers: ServerUnderTest[],
  modes: Record<ServerUnderTest['name'], WorkspaceMode>,
  reps: number,
): Promise<WorkspaceResult[]> {
  const texts = readPortfolioTexts(portfolio);
  const runs = new Map<string, WorkspaceRun[]>(servers.map((s) => [s.name, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const server of servers) {
      const run = await runWorkspaceSession(server, portfolio, texts, modes[server.name], workspaceTimeoutMs(portfolio.projects));
      runs.get(server.name)!.push(run);
      log(
        `${server.name} workspace ${portfolio.projects}: all findings ${f1(run.allFindingsMs)} (cpu ${f1(run.allFindingsCpuMs)}, missing ${run.missing}) ` +
          `edit ${f1(run.editMs)} settled ${f1(run.editSettledMs)} (+${run.othersRepublished} files, cross-file finding ${run.crossFileFinding}) rss ${mib(run.peakRssBytes)}`,
      );
    }
  }
  return servers.map((server) => summariseWorkspace(server.name, portfolio, modes[server.name], runs.get(server.name)!));
}

async function measureCli(portfolio: PortfolioOnDisk, bundles: Bundles, reps: number): Promise<CliResult[]> {
  const jsonRoot = `${portfolio.root}-json`;
  writeJsonCopies(portfolio, jsonRoot);
  const checkRuns: CliRun[] = [];
  const coldRuns: CliRun[] = [];
  const warmRuns: CliRun[] = [];
  const ajvRuns: CliRun[] = [];
  const cacheFile = `${portfolio.root}-check-cache`;
  const cacheArgs = ['--cache', '--cache-location', cacheFile];
  for (let rep = 0; rep < reps; rep++) {
    checkRuns.push(await runCharterCheck(bundles.cli, portfolio, workspaceTimeoutMs(portfolio.projects)));
    // Cold: no cache file yet, the run writes it; warm: the next run, nothing changed.
    fs.rmSync(cacheFile, { force: true });
    coldRuns.push(await runCharterCheck(bundles.cli, portfolio, workspaceTimeoutMs(portfolio.projects), cacheArgs));
    warmRuns.push(await runCharterCheck(bundles.cli, portfolio, workspaceTimeoutMs(portfolio.projects), cacheArgs));
    ajvRuns.push(await runAjvCli(REPO, jsonRoot));
  }
  fs.rmSync(cacheFile, { force: true });
  const rel = (a: string) => (path.isAbsolute(a) ? path.relative(REPO, a) : a);
  const command = `node ${rel(bundles.cli)} check . --format json --as-of <day> (in the portfolio folder, CHARTER_TIMING=1)`;
  const results = [
    summariseCli('charter check', portfolio.projects, checkRuns, command),
    summariseCli(CACHE_COLD, portfolio.projects, coldRuns, `${command} --cache --cache-location <file>, no cache file yet`),
    summariseCli(CACHE_WARM, portfolio.projects, warmRuns, `${command} --cache --cache-location <file>, the cold run's cache`),
    summariseCli('ajv-cli', portfolio.projects, ajvRuns, ajvCliInvocations(REPO, jsonRoot).map((i) => `node ${i.args.map(rel).join(' ')}`).join(' ; ')),
  ];
  log(
    `cli ${portfolio.projects}: charter check ${results[0].summary.filesPerSecond?.toFixed(0)} files/s, cold cache ${results[1].summary.filesPerSecond?.toFixed(0)}, ` +
      `warm cache ${results[2].summary.filesPerSecond?.toFixed(0)}, ajv-cli ${results[3].summary.filesPerSecond?.toFixed(0)} files/s`,
  );
  return results;
}

/** Our server's cold start and warm restart from its findings cache. */
async function measureRestart(portfolio: PortfolioOnDisk, bundles: Bundles, reps: number): Promise<RestartResult> {
  const runs: RestartRun[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const run = await runServerRestart(bundles.server, portfolio, workspaceTimeoutMs(portfolio.projects));
    runs.push(run);
    log(`restart ${portfolio.projects}: cold ${f1(run.cold.allFindingsMs)} (missing ${run.cold.missing}), warm ${f1(run.warm.allFindingsMs)} (missing ${run.warm.missing}), same findings ${run.sameFindings}`);
  }
  const lastPhases = (pick: (r: RestartRun) => Record<string, number> | undefined) => runs.map(pick).filter(Boolean).at(-1);
  return {
    projects: portfolio.projects,
    files: portfolio.files.length,
    runs,
    summary: {
      coldMs: medianOf(runs, (r) => (r.cold.missing ? undefined : r.cold.allFindingsMs)),
      warmMs: medianOf(runs, (r) => (r.warm.missing ? undefined : r.warm.allFindingsMs)),
      coldCpuMs: medianOf(runs, (r) => r.cold.allFindingsCpuMs),
      warmCpuMs: medianOf(runs, (r) => r.warm.allFindingsCpuMs),
      peakRssBytes: medianOf(runs, (r) => r.cold.peakRssBytes),
      sameFindings: runs.every((r) => r.sameFindings),
      coldPhaseMs: lastPhases((r) => r.cold.phaseMs),
      warmPhaseMs: lastPhases((r) => r.warm.phaseMs),
    },
  };
}

async function buildWithRetry(): Promise<Bundles> {
  const out = path.join(DATA, 'dist');
  for (let attempt = 1; ; attempt++) {
    try {
      return await buildBundles(REPO, out);
    } catch (e) {
      // Another engineer's file may be half-written; their edit usually completes within a minute.
      if (attempt >= 4) throw e;
      log(`build failed (${(e as Error).message.split('\n')[0]}); retrying in 30 s`);
      await sleep(30000);
    }
  }
}

/**
 * How long to wait for findings on every file: 15 times the 10 s the issue allows for 10,000 charters
 * (and at least a minute). A server still busy then is reported with the files it had not published.
 */
function workspaceTimeoutMs(projects: number): number {
  return Math.max(60000, Math.round((projects / 10000) * 150000));
}

function freshDir(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** V8 writes the profile as the process exits; give it a moment. */
async function waitForProfile(dir: string): Promise<string | undefined> {
  for (let i = 0; i < 50; i++) {
    const file = newestProfile(dir);
    if (file) return file;
    await sleep(100);
  }
  return undefined;
}

function summariseWorkspace(server: ServerUnderTest['name'], portfolio: PortfolioOnDisk, mode: WorkspaceMode, runs: WorkspaceRun[]): WorkspaceResult {
  return {
    server,
    projects: portfolio.projects,
    files: portfolio.files.length,
    mode,
    runs,
    summary: {
      allFindingsMs: medianOf(runs, (r) => (r.missing === 0 ? r.allFindingsMs : undefined)),
      allFindingsCpuMs: medianOf(runs, (r) => (r.missing === 0 ? r.allFindingsCpuMs : undefined)),
      editMs: medianOf(runs, (r) => r.editMs),
      editSettledMs: medianOf(runs, (r) => r.editSettledMs),
      peakRssBytes: medianOf(runs, (r) => r.peakRssBytes),
      missing: Math.max(...runs.map((r) => r.missing)),
      othersRepublished: medianOf(runs, (r) => r.othersRepublished),
      crossFileFinding: runs.some((r) => r.crossFileFinding),
      schemaProblems: medianOf(runs, (r) => r.schemaProblems),
    },
  };
}

function summariseCli(tool: CliResult['tool'], projects: number, runs: CliRun[], command: string): CliResult {
  return {
    tool,
    projects,
    runs,
    command,
    summary: {
      timedOut: runs.some((r) => r.timedOut),
      wallMs: medianOf(runs, (r) => r.wallMs),
      cpuMs: medianOf(runs, (r) => r.cpuMs),
      files: runs[0]?.files ?? 0,
      filesPerSecond: medianOf(runs, (r) => (r.timedOut ? undefined : r.filesPerSecond)),
      peakRssBytes: medianOf(runs, (r) => r.peakRssBytes),
      reported: medianOf(runs, (r) => r.reported),
      phaseMs: runs.map((r) => r.phaseMs).filter(Boolean).at(-1),
    },
  };
}

function methodText(r: BenchResults): string {
  const ajv = r.cli.find((c) => c.tool === 'ajv-cli');
  const reps = r.config.workspaces.map((w) => `${w.projects.toLocaleString('en')} charters: ${w.reps} run(s)`).join(', ');
  return [
    `- **Data** (seed ${r.config.seed}, generated into \`bench/.data/\`, git-ignored): one project charter per size (${r.config.sizes.join(', ')} lines asked; the table gives the real count), written like \`examples/\`, clean and with one schema error planted about every ${r.config.linesPerError} lines (wrong enum value, malformed date, percent over 100 or not a number, a risk without \`impact\`); the two variants differ only on those lines, and each sits alone in its own folder. Portfolios of ${r.config.workspaces.map((w) => w.projects.toLocaleString('en')).join(' and ')} charters (60-110 lines each) with \`portfolio.yaml\`, \`people.yaml\` (one person per project), one programme per 50 projects, 0-2 dependencies per project on earlier projects (85 % of them in the same programme), and one schema error in every 20th charter.`,
    `- **Servers**: ours is bundled from the working tree by the bench (\`bench/.data/dist/server.js\`, esbuild settings of \`esbuild.mjs\`) and run as \`node server.js --stdio\`, documents opened with language id \`charter\`, settings \`{ "charter": { "asOf": "2027-05-15" } }\`. yaml-language-server 1.25.0 runs as \`node node_modules/yaml-language-server/bin/yaml-language-server --stdio\`, language id \`yaml\`, with \`yaml.schemas\` mapping \`schemas/<kind>.schema.json\` to the globs our server uses for each kind (plus twins that name \`.data/\`, which its picomatch \`**\` does not enter), schema store and CRD store off. Settings are answered through workspace/configuration and pushed with didChangeConfiguration. Both are driven by the same client (\`bench/lsp/session.ts\`, vscode-languageserver-protocol over stdio) announcing the same capabilities.`,
    `- **Editor figures** (server started on the charter's folder, a fresh process per run): *initialise*: spawn to the initialize result. *open to first diagnostics*: didOpen to the first publishDiagnostics for the file, sent once the server's start-up work is done (no work-done progress running, quiet for 300 ms); the opened text has one more comment line than the file on disk, so a server that indexed its folder at start does the same work on open as one that did not. *per edit*: ${r.config.edits} keystrokes, one character each typed at the end of a risk title in the middle of the file (incremental didChange), each sent once the previous one's diagnostics arrived; latency = didChange sent to the publishDiagnostics for that version. yaml-language-server debounces validation by a fixed ${r.config.ylsValidationDelayMs} ms, which is inside its figure. *server CPU per edit*: user + system CPU time of the server process (from /proc) over the ${r.config.edits} edits, divided by ${r.config.edits}: the work an edit costs, free of the debounce and barely moved by other load on the machine. *completion* (on the clean charter of each size): ${r.config.completions} requests alternating between a new empty key line inside a risk and the end of that risk's \`probability\` value. *peak RSS*: VmHWM of the server process from /proc at the end of the run. *schema problems*: diagnostics in the first publish that come from the schema (ours: code \`schema/*\`; theirs: source \`yaml-schema:*\`), to check both report the planted errors and so do the same work. Medians over ${r.config.reps} runs of each run's median / p95.`,
    `- **Floor**: in the bench process, \`parseAllDocuments\` from \`yaml\` (1.2, core schema) plus \`toJS\` plus a compiled ajv 2020 validator (allErrors, ajv-formats) of \`schemas/project.schema.json\`; ${FLOOR_RUNS} timed runs after 5 warm-up runs: median wall time, and mean CPU time of the bench process.`,
    `- **Workspace**: spawn to the last file's first diagnostics. Mode \`${r.config.workspaceMode.charter}\` for ours, \`${r.config.workspaceMode['yaml-language-server']}\` for yaml-language-server. \`index\`: the client opens nothing; the server finds the files in its workspace folder and publishes findings for each (chosen for a server that starts work-done progress or publishes for unopened files within 3 s of start). \`open\`: the client sends didOpen with the text of every file right after initialize (yaml-language-server never reads a folder by itself). Then one edit: a dependency of one charter is changed to a project id that does not exist (in \`index\` mode the file is opened first); *one edit's update* = didChange to the last publishDiagnostics for any file, counted until no file has been published for 500 ms (at most 20 s); the table notes how many other files were republished. ${reps}. The wait for findings on every file stops after ${workspaceTimeoutMs(10000) / 1000} s for 10,000 charters (${workspaceTimeoutMs(1000) / 1000} s for 1,000); a server that has not published every file by then is shown with the count it missed, and its edit is not measured. \`charter check\` is stopped at the same limit.`,
    `- **CLI**: \`charter check\` (our bundled CLI, \`--format json\`) on the portfolio folder: it reads and validates every file and runs the governance rules, cross-file ones included. ajv-cli 5.0.0 on the same documents with the same schemas: ajv-cli reads YAML with js-yaml 3 (YAML 1.1), which turns an unquoted date into a Date that fails \`type: string\`, so each document was converted once, untimed, to JSON with \`yaml\` (1.2 core); ajv-cli does no YAML parsing. One invocation per kind (it takes one schema per run; it expands the \`-d\` globs itself), times added: \`${ajv?.command ?? ''}\`. Wall time, CPU time and peak RSS from \`/usr/bin/time -v\` (else /proc polling); runs as for the workspace, medians. ajv-cli's file count is the number of JSON copies (its own \` valid\` lines are lost on a busy machine when it exits before stdout is drained).`,
    `- **Findings cache**: \`charter check --cache --cache-location <file>\` twice per run: *cold* with no cache file (the run reads everything and writes the cache), then *warm* (nothing changed: every file joins the index from the cache and keeps its cached findings). The server: started on the portfolio with \`findingsCacheDir\` (as the extension passes its workspace storage) empty, spawn to every file's findings, then stopped once it has written the cache, and started again on the same folder: *warm restart*, spawn to every file's findings; the warm start must publish, for every file, what the cold one did. Per-phase times come from \`CHARTER_TIMING=1\` (CLI) and the server's log line after indexing.`,
  ].join('\n');
}

const f1 = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(1)}ms`);
const mib = (v: number | undefined) => (v === undefined ? 'n/a' : `${(v / 2 ** 20).toFixed(0)}MiB`);

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
