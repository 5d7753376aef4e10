// What `charter check` says on stderr besides its findings: settings that have no effect, charter
// files the globs leave out, and a workspace with no charter file at all. Nothing is ignored silently.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import type { CharterLanguageService } from '../engine/languageService';
import { declaresCharter, notIncludedMessage } from '../engine/notIncluded';
import { ruleIds } from '../engine/ruleIds';
import type { CharterSettings } from '../engine/settings';
import { checkSettingsFile } from '../engine/settingsCheck';
import { applyRuleSettings } from '../engine/severities';
import { terminalText } from '../engine/utils/escape';
import { readSettingsText, type CliWorkspace } from './workspace';
import { readRegularFileSync } from '../fileReading';

/** Larger YAML files are not read to look for `apiVersion`: charters are small. */
const MAX_PROBE_BYTES = 1_000_000;
const MAX_PROBED_FILES = 5_000;

/**
 * What is wrong in the settings file. Rule ids declared by schemas and rulesets count as known once they
 * are loaded, so call this after the check (a cached run passes the lines it kept, see `workspaceWarnings`).
 */
export function settingsFileWarnings(workspace: CliWorkspace, service: CharterLanguageService, cwd: string): string[] {
  if (!workspace.settingsFile) return [];
  const text = readSettingsText(workspace.settingsFile);
  const findings = applyRuleSettings(checkSettingsFile(pathToFileURL(workspace.settingsFile).href, text, { rules: ruleIds(service.schemas, service.rulesets.knownRuleIds()), registry: service.schemas }), workspace.settings.rules);
  return findings.map((f) => `${shown(cwd, workspace.settingsFile!)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message} (${f.rule})`);
}

export function workspaceWarnings(workspace: CliWorkspace, checkedFiles: string[], service: CharterLanguageService, cwd: string, settingsLines = settingsFileWarnings(workspace, service, cwd)): string[] {
  const warnings: string[] = [...settingsLines];
  const included = new Set(checkedFiles.map((f) => path.normalize(f)));
  for (const file of outsideGlobs(workspace.root, workspace.settings, included)) warnings.push(`${shown(cwd, file)}: ${notIncludedMessage(path.relative(workspace.root, file).split(path.sep).join('/'))}`);
  return warnings.map((w) => `charter: warning: ${terminalText(w)}\n`);
}

/** YAML files of the workspace that declare `apiVersion: charter/v1` but that the include globs miss (excluded ones are meant to be left out). */
function outsideGlobs(root: string, settings: CharterSettings, included: Set<string>): string[] {
  const candidates = globSync(['**/*.yaml', '**/*.yml'], { cwd: root, ignore: settings.files.exclude, absolute: true, dot: false, followSymbolicLinks: false }).slice(0, MAX_PROBED_FILES);
  const out: string[] = [];
  for (const candidate of candidates) {
    const file = path.normalize(candidate);
    if (included.has(file)) continue;
    try {
      if (declaresCharter(readRegularFileSync(file, { maxBytes: MAX_PROBE_BYTES }).toString('utf8'))) out.push(file);
    } catch {
      // unreadable: not ours to report
    }
  }
  return out.sort();
}

/** What `charter check` says instead of "0 files checked" when no file matches. */
export function noChartersMessage(workspace: CliWorkspace, cwd: string): string {
  const where = path.relative(cwd, workspace.root) || '.';
  return `No charter files found in ${where}: charter check looks for ${workspace.settings.files.include.join(', ')}${
    workspace.settingsFile ? ` (charter.files.include in ${path.relative(cwd, workspace.settingsFile)})` : ''
  }. Name your charters like invoice-automation.charter.yaml, run charter new <id> to start one, or set charter.files.include in .vscode/settings.json.\n`;
}

function shown(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || file;
}
