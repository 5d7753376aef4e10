// Findings about the workspace rather than a charter: the folder's `.vscode/settings.json` (settings
// that have no effect) and YAML files that say `apiVersion: charter/v1` but that the include globs
// miss. Published (through the FindingsPublisher, with any other findings of the same URI) after each
// indexing, when the schemas the settings may name are loaded.
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { CharterLanguageService } from '../engine/languageService';
import { notIncludedFinding } from '../engine/notIncluded';
import { ruleIds } from '../engine/ruleIds';
import type { CharterSettings } from '../engine/settings';
import { checkSettingsFile } from '../engine/settingsCheck';
import { applyRuleSettings } from '../engine/severities';
import type { Finding } from '../engine/types';
import { readRegularFile } from '../fileReading';
import type { FindingsPublisher } from './findingsPublisher';

/** Larger YAML files are not read to look for `apiVersion`: charters are small. */
const MAX_PROBE_BYTES = 1_000_000;
const MAX_PROBED_FILES = 5_000;

export interface IndexedFolder {
  uri: string;
  path: string;
  settings: CharterSettings;
}

export class WorkspaceNotices {
  constructor(
    private readonly publisher: FindingsPublisher,
    private readonly service: CharterLanguageService,
  ) {}

  /** Re-checks every folder's settings file and its YAML files outside the globs; `isCharter` tells the files the globs take. */
  async refresh(folders: IndexedFolder[], isCharter: (uri: string) => boolean): Promise<void> {
    const next = new Map<string, Finding[]>();
    for (const folder of folders) {
      const settingsUri = `${folder.uri}/.vscode/settings.json`;
      const text = await readIfSmall(URI.parse(settingsUri).fsPath);
      if (text !== undefined) {
        const findings = checkSettingsFile(settingsUri, text, { rules: ruleIds(this.service.schemas, this.service.rulesets.knownRuleIds()), registry: this.service.schemas });
        next.set(settingsUri, applyRuleSettings(findings, folder.settings.rules));
      }
      const yamlFiles = await glob(['**/*.yaml', '**/*.yml'], { cwd: folder.path, ignore: folder.settings.files.exclude, absolute: true, dot: false, followSymbolicLinks: false });
      for (const file of yamlFiles.slice(0, MAX_PROBED_FILES)) {
        const uri = URI.file(file).toString();
        if (isCharter(uri)) continue;
        const yaml = await readIfSmall(file);
        const finding = yaml === undefined ? undefined : notIncludedFinding(uri, yaml, decodeURIComponent(uri.slice(folder.uri.length + 1)));
        if (finding) next.set(uri, applyRuleSettings([finding], folder.settings.rules));
      }
    }
    await this.publisher.setNotices(next);
  }
}

/** Only a small regular file: a settings file or YAML file that links to `/dev/zero` or is a pipe must not hang or exhaust the server. */
async function readIfSmall(file: string): Promise<string | undefined> {
  try {
    return (await readRegularFile(file, { maxBytes: MAX_PROBE_BYTES })).toString('utf8');
  } catch {
    return undefined;
  }
}
