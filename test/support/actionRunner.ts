// Runs a composite GitHub Action (action.yml) on this machine the way a runner would: each `run:` step
// in bash with the action's env, GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY files, `if:`
// conditions and step outputs. `uses:` steps (other actions, which need the network) are recorded with
// their evaluated `with:` instead of run. Only the expression forms action.yml uses are understood.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface ActionRun {
  outputs: Record<string, string>;
  status: 'success' | 'failure';
  /** Every step's stdout and stderr, in order, as a runner's log would show them. */
  log: string;
  stepSummary: string;
  steps: Array<{ name: string; outcome: 'success' | 'failure' | 'skipped'; uses?: string; with?: Record<string, string> }>;
}

export interface ActionContext {
  actionPath: string;
  workspace: string;
  temp: string;
  inputs: Record<string, string>;
  github: Record<string, unknown>;
  /** Environment for every step, e.g. PATH with shims first. */
  env: NodeJS.ProcessEnv;
}

export function runAction(context: ActionContext): ActionRun {
  const action = parse(fs.readFileSync(path.join(context.actionPath, 'action.yml'), 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error(`only composite actions run here, not ${action.runs.using}`);
  const inputs: Record<string, string> = {};
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const scope = { inputs, github: context.github, runner: { temp: context.temp }, steps };
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = name in context.inputs ? context.inputs[name] : substitute(spec.default ?? '', scope, false);
  fs.mkdirSync(context.temp, { recursive: true });
  const summaryFile = path.join(context.temp, 'step-summary.md');
  fs.writeFileSync(summaryFile, '');
  const envFile = path.join(context.temp, 'github-env');
  fs.writeFileSync(envFile, '');
  let failed = false;
  let log = '';
  const record: ActionRun['steps'] = [];
  for (const [index, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${index}`;
    const condition = step.if ? evaluate(unwrap(step.if), { ...scope, failed }) : !failed;
    if (!truthy(condition)) {
      record.push({ name, outcome: 'skipped' });
      continue;
    }
    if (step.uses) {
      const withValues = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), scope)]));
      record.push({ name, outcome: 'success', uses: step.uses, with: withValues });
      continue;
    }
    const outputFile = path.join(context.temp, `output-${index}`);
    fs.writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), scope)]));
    const env = {
      ...context.env,
      ...parseKeyValues(fs.readFileSync(envFile, 'utf8')),
      ...stepEnv,
      GITHUB_ACTION_PATH: context.actionPath,
      GITHUB_WORKSPACE: context.workspace,
      RUNNER_TEMP: context.temp,
      GITHUB_ENV: envFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
    };
    const cwd = path.resolve(context.workspace, substitute(step['working-directory'] ?? '.', scope));
    if (step.shell !== 'bash') throw new Error(`step "${name}" needs shell: bash`);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    log += result.stdout + result.stderr;
    const outcome = result.status === 0 ? 'success' : 'failure';
    if (outcome === 'failure') failed = true;
    if (step.id) steps[step.id] = { outputs: parseKeyValues(fs.readFileSync(outputFile, 'utf8')) };
    record.push({ name, outcome });
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, spec]) => [k, substitute(spec.value, scope)]));
  return { outputs, status: failed ? 'failure' : 'success', log, stepSummary: fs.readFileSync(summaryFile, 'utf8'), steps: record };
}

/** `name=value` lines and `name<<DELIMITER` blocks, as runners read GITHUB_OUTPUT and GITHUB_ENV. */
function parseKeyValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      values[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return values;
}

type Scope = Record<string, unknown>;

function unwrap(expression: string): string {
  const match = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(expression);
  return match ? match[1] : expression;
}

function substitute(text: string, scope: Scope, strict = true): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => {
    const value = evaluate(expression, scope);
    if (value === undefined && strict) return '';
    return value === undefined || value === null ? '' : String(value);
  });
}

function truthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 0;
}

/** `a || b`, `a && b`, `x == 'lit'`, `x != ''`, `always()`, and dotted property paths. */
function evaluate(expression: string, scope: Scope): unknown {
  const text = expression.trim();
  const or = text.split('||');
  if (or.length > 1) {
    for (const part of or) {
      const value = evaluate(part, scope);
      if (truthy(value)) return value;
    }
    return evaluate(or[or.length - 1], scope);
  }
  const and = text.split('&&');
  if (and.length > 1) return and.every((part) => truthy(evaluate(part, scope)));
  const comparison = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(text);
  if (comparison) {
    const left = evaluate(comparison[1], scope);
    const equal = String(left ?? '') === comparison[3];
    return comparison[2] === '==' ? equal : !equal;
  }
  if (text === 'always()') return true;
  if (text === 'success()') return !scope.failed;
  if (/^'[^']*'$/.test(text)) return text.slice(1, -1);
  if (!/^[A-Za-z_][\w.-]*$/.test(text)) throw new Error(`expression not understood: ${text}`);
  let value: unknown = scope;
  for (const key of text.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
