// Command line throughput: `charter check` on a generated portfolio, and ajv-cli validating the same
// documents against the same schemas. Wall time and peak RSS come from /usr/bin/time -v when the
// machine has it, else from polling /proc while the process runs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { AS_OF } from '../data/charters';
import type { PortfolioOnDisk } from '../data/portfolio';
import { peakRssBytes, rssBytes } from './procStats';

const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  /** True when it ran past its time limit and was killed. */
  timedOut: boolean;
  wallMs: number;
  /** User + system CPU time, when /usr/bin/time reported it. */
  cpuMs?: number;
  peakRssBytes?: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  /** Killed at its time limit: the figures are lower bounds. */
  timedOut?: boolean;
  wallMs: number;
  cpuMs?: number;
  files: number;
  filesPerSecond: number;
  peakRssBytes?: number;
  /** Problems reported: findings for charter, invalid files for ajv-cli. */
  reported: number;
  /** Milliseconds per phase (read, parse, index, validate, rules, publish), as `CHARTER_TIMING=1` reports them. */
  phaseMs?: Record<string, number>;
}

/** Runs `node <args>`, timing it and taking its peak RSS; past `timeoutMs` its process group is killed. */
export async function timeNode(args: string[], cwd: string, timeoutMs = 600000, env: Record<string, string> = {}): Promise<ProcessRun> {
  const useTime = fs.existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : args;
  const start = performance.now();
  // Its own process group, so a kill reaches node under /usr/bin/time too.
  const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } });
  let timedOut = false;
  const killer = setTimeout(() => {
    timedOut = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, timeoutMs);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let polled = 0;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        polled = Math.max(polled, peakRssBytes(child.pid!) ?? rssBytes(child.pid!) ?? 0);
      }, 10);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - start;
  clearTimeout(killer);
  if (poll) clearInterval(poll);
  let peak: number | undefined = polled || undefined;
  let cpuMs: number | undefined;
  if (useTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    peak = match ? Number(match[1]) * 1024 : undefined;
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
  }
  return { timedOut, wallMs, cpuMs, peakRssBytes: peak, exitCode, stdout, stderr };
}

/** `charter check` on the portfolio; `extraArgs` e.g. `--cache --cache-location <file>`. */
export async function runCharterCheck(cliBundle: string, portfolio: PortfolioOnDisk, timeoutMs?: number, extraArgs: string[] = []): Promise<CliRun> {
  const run = await timeNode([cliBundle, 'check', '.', '--format', 'json', '--as-of', AS_OF, ...extraArgs], portfolio.root, timeoutMs, { CHARTER_TIMING: '1' });
  if (run.timedOut) {
    return { timedOut: true, wallMs: run.wallMs, files: portfolio.files.length, filesPerSecond: 0, peakRssBytes: run.peakRssBytes, reported: 0 };
  }
  if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`charter check failed (exit ${run.exitCode}):\n${run.stderr.slice(-2000)}`);
  const output = JSON.parse(run.stdout) as { summary: { files: number }; findings: unknown[] };
  return {
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    files: output.summary.files,
    filesPerSecond: output.summary.files / (run.wallMs / 1000),
    peakRssBytes: run.peakRssBytes,
    reported: output.findings.length,
    phaseMs: parsePhaseTimes(run.stderr),
  };
}

/** The phases of `read 12 ms, parse 340 ms, ...` (the CLI's `charter: timing:` line, the server's log line after indexing). */
export function parsePhaseTimes(text: string): Record<string, number> | undefined {
  const line = /(?:charter: timing: |\()((?:[a-z]+ \d+ ms(?:, )?)+)/.exec(text)?.[1];
  if (!line) return undefined;
  return Object.fromEntries(line.split(', ').map((part) => {
    const [phase, value] = part.split(' ');
    return [phase, Number(value)];
  }));
}

/** The ajv-cli invocations that cover a portfolio: one per kind, each with that kind's schema. */
export function ajvCliInvocations(repoRoot: string, jsonRoot: string): Array<{ kind: string; args: string[] }> {
  const ajvCli = path.join(repoRoot, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const kinds: Array<[string, string]> = [
    ['project', 'projects/**/*.json'],
    ['programme', 'programmes/*.json'],
    ['portfolio', 'portfolio.json'],
    ['people', 'people.json'],
  ];
  return kinds.map(([kind, data]) => ({
    kind,
    args: [
      ajvCli,
      'validate',
      '--spec=draft2020',
      '--all-errors',
      '--strict=false',
      '-c',
      'ajv-formats',
      '--errors=json',
      '-s',
      path.join(repoRoot, 'schemas', `${kind}.schema.json`),
      '-d',
      path.join(jsonRoot, data),
    ],
  }));
}

/** ajv-cli over the whole portfolio: its invocations one after the other, times added, peak = largest. */
export async function runAjvCli(repoRoot: string, jsonRoot: string): Promise<CliRun> {
  let wallMs = 0;
  let cpuMs: number | undefined = 0;
  let peak = 0;
  let files = 0;
  let invalid = 0;
  for (const { args } of ajvCliInvocations(repoRoot, jsonRoot)) {
    const run = await timeNode(args, jsonRoot);
    if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`ajv-cli failed (exit ${run.exitCode}):\n${run.stderr.slice(-2000)}`);
    wallMs += run.wallMs;
    cpuMs = cpuMs === undefined || run.cpuMs === undefined ? undefined : cpuMs + run.cpuMs;
    peak = Math.max(peak, run.peakRssBytes ?? 0);
    const output = run.stdout + run.stderr;
    invalid += (output.match(/ invalid$/gm) ?? []).length;
  }
  // Every JSON copy is validated. Counting ajv-cli's " valid" lines undercounts: it exits before a busy
  // pipe has taken all of its stdout (seen on a loaded machine: 350 of 1,022 lines).
  files = fs.readdirSync(jsonRoot, { recursive: true }).filter((f) => String(f).endsWith('.json')).length;
  return { wallMs, cpuMs, files, filesPerSecond: files / (wallMs / 1000), peakRssBytes: peak || undefined, reported: invalid };
}

/**
 * ajv-cli reads YAML with js-yaml 3 (YAML 1.1), which turns an unquoted 2027-03-31 into a Date, and
 * a Date fails `type: string`. So it is given the same documents as JSON, converted once, untimed,
 * with the YAML 1.2 core schema our engine uses. This spares ajv-cli the YAML parse.
 */
export function writeJsonCopies(portfolio: PortfolioOnDisk, jsonRoot: string): void {
  fs.rmSync(jsonRoot, { recursive: true, force: true });
  for (const file of portfolio.files) {
    const text = fs.readFileSync(path.join(portfolio.root, file), 'utf8');
    const [doc] = parseAllDocuments(text, { version: '1.2', schema: 'core' });
    const target = path.join(jsonRoot, file.replace(/\.(charter|programme)\.yaml$/, '.$1.json').replace(/\.yaml$/, '.json'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, JSON.stringify('toJS' in doc ? doc.toJS() : null, null, 2));
  }
}
