// `npm run fuzz -- --cases N [--server-cases M] [--seed S]`: N mutated charters through the engine and
// the CLI (in batches, each a workspace), and M (default min(N, 2000)) against one long-lived server.
// Prints the figures; exits 1 with the failing seeds when any case failed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { getLanguageService } from '../../server/src/engine/languageService';
import { REPO } from '../support/engine';
import { startServer } from '../support/lspClient';
import { assertInside, editorLines, FUZZ_SETTINGS, runEngineCase } from './engineCase';
import { loadCorpus, makeCase, type FuzzCase } from './mutator';
import { runServerCase, SERVER_ROOT } from './serverCase';

const CLI_BATCH = 100;
const CLI_TIMEOUT_MS = 300_000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { cases: { type: 'string' }, 'server-cases': { type: 'string' }, seed: { type: 'string' } } });
  const cases = Number(values.cases ?? 1000);
  const serverCases = Number(values['server-cases'] ?? Math.min(cases, 2000));
  const first = Number(values.seed ?? 1);
  const corpus = loadCorpus();
  const failures: string[] = [];
  const fail = (message: string) => {
    failures.push(message);
    if (failures.length <= 20) console.error(`FAIL ${message}`);
  };
  console.log(`fuzz: ${corpus.files.length} corpus files, seeds ${first}..${first + cases - 1}`);

  let started = Date.now();
  const service = getLanguageService();
  for (let seed = first; seed < first + cases; seed++) {
    await runEngineCase(service, makeCase(corpus, seed)).catch((e: Error) => fail(e.message));
    if ((seed - first + 1) % 1000 === 0) console.log(`  engine: ${seed - first + 1} cases`);
  }
  console.log(`engine: ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  started = Date.now();
  for (let batch = first; batch < first + cases; batch += CLI_BATCH) {
    const list: FuzzCase[] = [];
    for (let seed = batch; seed < Math.min(batch + CLI_BATCH, first + cases); seed++) list.push(makeCase(corpus, seed));
    runCliBatch(list, fail);
    if ((batch - first + CLI_BATCH) % 1000 === 0) console.log(`  cli: ${batch - first + CLI_BATCH} cases`);
  }
  console.log(`cli: ${cases} cases in ${Math.ceil(cases / CLI_BATCH)} runs, ${((Date.now() - started) / 1000).toFixed(1)} s`);

  started = Date.now();
  const server = await startServer({ rootUri: SERVER_ROOT, settings: FUZZ_SETTINGS });
  try {
    for (let seed = first; seed < first + serverCases; seed++) {
      await runServerCase(server, makeCase(corpus, seed)).catch((e: Error) => fail(e.message));
      if ((seed - first + 1) % 500 === 0) console.log(`  server: ${seed - first + 1} cases`);
    }
  } finally {
    await server.stop();
  }
  console.log(`server: ${serverCases} cases against one process in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(failures.length === 0 ? 'fuzz: no failures' : `fuzz: ${failures.length} failures`);
  return failures.length === 0 ? 0 : 1;
}

/** One CLI run over a workspace of many cases, each in its own folder: exit 0 or 1, no stderr, valid ranges. */
function runCliBatch(list: FuzzCase[], fail: (message: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-fuzz-'));
  const texts = new Map<string, FuzzCase>();
  try {
    for (const fuzz of list) {
      const file = path.join(dir, `case-${fuzz.seed}`, fuzz.fileName);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, fuzz.text);
      texts.set(`case-${fuzz.seed}/${fuzz.fileName}`, fuzz);
    }
    const seeds = `seeds ${list[0].seed}..${list[list.length - 1].seed}`;
    const result = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', '--format', 'json', '--offline', '--as-of', FUZZ_SETTINGS.asOf], {
      cwd: dir,
      encoding: 'utf8',
      timeout: CLI_TIMEOUT_MS,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.error) return fail(`cli ${seeds}: ${result.error.message}`);
    if (result.status !== 0 && result.status !== 1) return fail(`cli ${seeds}: exit ${result.status}: ${result.stderr.split('\n')[0]}`);
    if (result.stderr) return fail(`cli ${seeds}: wrote to stderr: ${result.stderr.split('\n')[0]}`);
    const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; rule: string; message: string; range: never }> };
    for (const f of report.findings) {
      const fuzz = texts.get(f.file);
      if (!fuzz) continue;
      if (f.rule === 'internal/rule-failed') fail(`cli case seed ${fuzz.seed}: ${f.message}`);
      try {
        assertInside(editorLines(fuzz.text), f.range, `cli finding ${f.rule}`);
      } catch (e) {
        fail(`cli case seed ${fuzz.seed}: ${(e as Error).message}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
