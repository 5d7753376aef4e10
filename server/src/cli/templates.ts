// `charter new --template <name>` and `charter templates list|check`: the PMO's charter templates on
// the command line, on the same engine and settings as the editor's New Charter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, type CharterLanguageService } from '../engine/languageService';
import { isPlaceholderFinding, type TemplateChoice } from '../engine/rulesets/templates';
import type { CharterSettings } from '../engine/settings';
import type { Finding } from '../engine/types';
import { todayIso } from '../engine/utils/dates';
import { terminalText } from '../engine/utils/escape';
import { cliCacheDir, SchemaFetcher, timeoutFromEnv } from '../schemaRequest';
import { portfolioFiles, toPosix } from './check';
import { readSource } from './fixWrite';
import { resolveWorkspace, UsageError } from './workspace';

export interface TemplateWorkspace {
  root: string;
  folderUri: string;
  settings: CharterSettings;
  service: CharterLanguageService;
}

/** The workspace around `cwd` with its settings and every charter indexed (rulesets in portfolio.yaml, references). */
export function openTemplateWorkspace(options: { cwd: string; config?: string; offline?: boolean; asOf?: string }): TemplateWorkspace {
  const workspace = resolveWorkspace(options.cwd, [], options.config);
  if (options.asOf) workspace.settings.asOf = options.asOf;
  const fetcher = new SchemaFetcher({ cacheDir: cliCacheDir(workspace.root), timeoutMs: timeoutFromEnv(), offline: options.offline ? 'charter runs with --offline' : undefined });
  const service = getLanguageService({ schemaRequest: fetcher.request });
  for (const file of portfolioFiles(workspace.root, workspace.settings.files)) {
    const source = readSource(file);
    if (source.unreadable) continue; // charter check reports it
    service.workspace.setFile(service.parse(pathToFileURL(file).href, source.text), toPosix(path.relative(workspace.root, file)));
  }
  return { root: workspace.root, folderUri: pathToFileURL(workspace.root).href, settings: workspace.settings, service };
}

/** Which template `charter new` uses: the one named, else the one for the tier asked for. */
export async function chooseTemplate(ws: TemplateWorkspace, name: string | undefined, tier: string | undefined): Promise<string | undefined> {
  if (name !== undefined) return name;
  if (tier === undefined) return undefined;
  const choices = await ws.service.templates({ settings: ws.settings, folderUri: ws.folderUri });
  const match = choices.find((c) => c.tiers.includes(tier));
  if (!match) throw new UsageError(`No template is meant for tier "${tier}"${choices.length > 0 ? `; the templates are ${describe(choices)}` : ''}.`);
  return match.name;
}

export async function listTemplates(ws: TemplateWorkspace): Promise<string> {
  const choices = await ws.service.templates({ settings: ws.settings, folderUri: ws.folderUri });
  const lines = ['skeleton (built-in, the default)', ...choices.map((c) => `${c.name}${c.tiers.length ? ` [${c.tiers.join(', ')}]` : ''}${c.description ? `: ${c.description}` : ''} (from ${c.from})`)];
  return `${lines.map((l) => terminalText(l)).join('\n')}\n`;
}

/**
 * Renders each template with every variable left as a `<placeholder>` (today as a real date) and checks
 * the result as a new charter in the workspace: any finding that is not on a placeholder is a problem.
 */
export async function checkTemplates(ws: TemplateWorkspace, names: string[]): Promise<{ output: string; exitCode: number }> {
  const choices = await ws.service.templates({ settings: ws.settings, folderUri: ws.folderUri });
  for (const name of names) if (!choices.some((c) => c.name === name)) throw new UsageError(`There is no template "${name}"; the templates are ${describe(choices) || 'none'}.`);
  const chosen = names.length > 0 ? choices.filter((c) => names.includes(c.name)) : choices;
  if (chosen.length === 0) return { output: 'No templates: neither charter.templates nor a ruleset names one.\n', exitCode: 0 };
  const dir = fs.existsSync(path.join(ws.root, 'projects')) ? 'projects/' : '';
  const lines: string[] = [];
  let failed = 0;
  for (const choice of chosen) {
    const problems = await templateProblems(ws, choice, `${dir}new-from-${choice.name}.charter.yaml`);
    if (problems.length === 0) {
      lines.push(`✔ ${choice.name}: only placeholders left to fill in`);
      continue;
    }
    failed++;
    lines.push(`✖ ${choice.name} (${choice.uri.startsWith('file:') ? toPosix(path.relative(ws.root, new URL(choice.uri).pathname)) : choice.uri}):`);
    for (const f of problems) lines.push(`  ${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.message}  ${f.rule}`);
  }
  return { output: `${lines.map((l) => terminalText(l)).join('\n')}\n`, exitCode: failed > 0 ? 1 : 0 };
}

/** The findings on a template's output that are not about one of its placeholders. */
async function templateProblems(ws: TemplateWorkspace, choice: TemplateChoice, relativePath: string): Promise<Finding[]> {
  const today = ws.settings.asOf ?? todayIso();
  let text: string;
  try {
    text = await ws.service.renderTemplate(choice.name, { id: '<id>', title: '<title>', today }, { settings: ws.settings, folderUri: ws.folderUri });
  } catch (e) {
    return [{ rule: 'template/unavailable', severity: 'error', message: (e as Error).message, uri: choice.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, docs: 'docs/rulesets.md' }];
  }
  const uri = pathToFileURL(path.join(ws.root, relativePath)).href;
  const parsed = ws.service.parse(uri, text);
  const findings = await ws.service.validate(parsed, { relativePath, settings: ws.settings, folderUri: ws.folderUri });
  ws.service.forget(uri);
  return findings.filter((f) => f.severity !== 'hint' && !isPlaceholderFinding(f, text, (line, character) => parsed.lines.offsetAt({ line, character })));
}

function describe(choices: TemplateChoice[]): string {
  return choices.map((c) => c.name).join(', ');
}
