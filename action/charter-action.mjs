// The steps of the GitHub Action (action.yml at the repository root), one subcommand each: run the
// installed Charter CLI, write the step outputs and the job summary, post the one sticky comment.
// Plain Node 20 with no dependencies: the action runs it straight from its checkout.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Starts the comment Charter owns on a pull request; the next run updates that comment instead of adding one. */
export const COMMENT_MARKER = '<!-- charter-action:summary -->';
/** GitHub refuses comments over 65,536 characters. */
const MAX_COMMENT = 60_000;
const MAX_ROWS = 50;

const env = process.env;

/** The installed CLI: the bin of @charter-dev/cli under $CHARTER_HOME, run with this Node (also on Windows runners). */
function cliPath() {
  const dir = path.join(env.CHARTER_HOME ?? '', 'node_modules', '@charter-dev', 'cli');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return path.join(dir, manifest.bin.charter);
}

function charter(args) {
  const result = spawnSync(process.execPath, [cliPath(), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return { code: result.status ?? 2, stdout: result.stdout, stderr: result.stderr };
}

function paths() {
  return (env.CHARTER_PATHS ?? '').split(/\s+/).filter(Boolean);
}

/** What the installed CLI can do: `--base` and `charter diff` arrived after the first release. */
function capabilities() {
  const help = charter(['--help']).stdout;
  return { base: /--base\b/.test(help), diff: /^\s*charter diff\b/m.test(help) };
}

function baseArgs(can) {
  return can.base && env.CHARTER_BASE ? ['--base', env.CHARTER_BASE] : [];
}

function appendFile(variable, text) {
  if (env[variable]) fs.appendFileSync(env[variable], text);
}

function setOutput(name, value) {
  appendFile('GITHUB_OUTPUT', `${name}=${value}\n`);
}

function check() {
  const can = capabilities();
  const maxWarnings = env.CHARTER_MAX_WARNINGS ? ['--max-warnings', env.CHARTER_MAX_WARNINGS] : [];
  // Workflow commands on stdout become annotations on the pull request's changed lines.
  const annotated = charter(['check', ...paths(), '--format', 'github', ...maxWarnings, ...baseArgs(can)]);
  process.stdout.write(annotated.stdout);
  process.stderr.write(annotated.stderr);
  setOutput('exit-code', annotated.code);
  if (annotated.code === 2) return;
  const json = charter(['check', ...paths(), '--format', 'json', ...baseArgs(can)]);
  fs.mkdirSync(path.dirname(env.CHARTER_RESULTS), { recursive: true });
  fs.writeFileSync(env.CHARTER_RESULTS, json.stdout);
  const { summary } = JSON.parse(json.stdout);
  setOutput('errors', summary.errors);
  setOutput('warnings', summary.warnings);
  appendFile('GITHUB_STEP_SUMMARY', `### Charter\n\n${headline(summary)}\n`);
}

function sarif() {
  const result = charter(['check', ...paths(), '--format', 'sarif', ...baseArgs(capabilities())]);
  if (result.code === 2) {
    process.stderr.write(result.stderr);
    return;
  }
  fs.mkdirSync(path.dirname(env.CHARTER_SARIF), { recursive: true });
  fs.writeFileSync(env.CHARTER_SARIF, result.stdout);
  setOutput('file', env.CHARTER_SARIF);
}

/** The comment: `charter diff`'s change summary when the CLI has it, else the findings of this run. */
export function commentBody(can) {
  let body;
  if (can.diff && env.CHARTER_BASE) {
    const diff = charter(['diff', '--base', env.CHARTER_BASE, '--format', 'md', ...paths()]);
    if (diff.code === 2) throw new Error(`charter diff failed: ${diff.stderr}`);
    body = diff.stdout;
  } else {
    body = findingsMarkdown(JSON.parse(fs.readFileSync(env.CHARTER_RESULTS, 'utf8')));
  }
  if (body.length > MAX_COMMENT) body = `${body.slice(0, MAX_COMMENT)}\n\n… (cut: the full list is in the job's annotations)\n`;
  return `${COMMENT_MARKER}\n${body}`;
}

export function findingsMarkdown({ findings, summary }) {
  const lines = ['### Charter', '', headline(summary)];
  if (findings.length > 0) {
    lines.push('', '| Severity | Where | Rule | Message |', '| --- | --- | --- | --- |');
    for (const f of findings.slice(0, MAX_ROWS)) {
      lines.push(`| ${escapeMarkdown(f.severity)} | ${escapeMarkdown(`${f.file}:${f.range.start.line + 1}`)} | ${escapeMarkdown(f.rule)} | ${escapeMarkdown(f.message)} |`);
    }
    if (findings.length > MAX_ROWS) lines.push('', `… and ${findings.length - MAX_ROWS} more in the job's annotations.`);
  }
  return lines.join('\n') + '\n';
}

function headline(summary) {
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (summary.errors + summary.warnings === 0) return `✔ ${plural(summary.files, 'file')} checked: no errors or warnings.`;
  return `✖ ${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')} checked.`;
}

/** Every value from a charter reaches the comment as plain text: no markup, HTML, mention or table break. */
export function escapeMarkdown(text) {
  return String(text)
    .replace(/\s+/g, ' ')
    .slice(0, 500)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`);
}

function gh(args, input) {
  const result = spawnSync('gh', args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`gh ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function comment() {
  const body = commentBody(capabilities());
  appendFile('GITHUB_STEP_SUMMARY', `\n${body}`);
  const issue = `repos/${env.CHARTER_REPOSITORY}/issues`;
  const pages = JSON.parse(gh(['api', '--paginate', '--slurp', `${issue}/${env.CHARTER_PULL_REQUEST}/comments`]));
  const mine = pages.flat().find((c) => typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER));
  const payload = JSON.stringify({ body });
  if (mine) gh(['api', '--method', 'PATCH', `${issue}/comments/${mine.id}`, '--input', '-'], payload);
  else gh(['api', '--method', 'POST', `${issue}/${env.CHARTER_PULL_REQUEST}/comments`, '--input', '-'], payload);
}

const steps = { check, sarif, comment };
const step = process.argv[2];
if (process.argv[1]?.endsWith('charter-action.mjs')) {
  if (!steps[step]) {
    console.error(`charter-action: unknown step "${step}" (one of ${Object.keys(steps).join(', ')})`);
    process.exit(2);
  }
  steps[step]();
}
