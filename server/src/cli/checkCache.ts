// `charter check --cache`: the findings cache of one CLI run, in a file (default
// `.charter-cache/check-cache` in the current folder, like ESLint's `.eslintcache`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configurationKey, inputHasher, settingsPart } from '../cacheHost';
import type { CharterLanguageService } from '../engine/languageService';
import type { Finding } from '../engine/types';
import { FindingsCacheSession } from '../engine/workspace/findingsCache';
import { loadCacheFile, saveCacheFile, sha256 } from '../findingsCacheFile';
import type { CliWorkspace } from './workspace';

const DEFAULT_CACHE_FILE = path.join('.charter-cache', 'check-cache');
const FILE_IN_FOLDER = 'check-cache';

export interface CheckCacheOptions {
  /** `--cache-location`: the cache file, or a folder to keep it in. */
  location?: string;
}

export class CheckCache {
  private constructor(
    readonly file: string,
    readonly session: FindingsCacheSession,
    private readonly key: string,
    private readonly inputHash: (uri: string) => string,
    /** Said on stderr: the cache file could not be used (it is rebuilt). */
    readonly problem: string | undefined,
  ) {}

  static open(options: CheckCacheOptions, cwd: string, workspace: CliWorkspace, cachedCopy: (url: string) => string | undefined): CheckCache {
    const file = cacheFilePath(cwd, options.location);
    const key = configurationKey([settingsPart(workspace.settings), workspace.root, workspace.settingsFile ? settingsText(workspace.settingsFile) : '']);
    const inputHash = inputHasher(cachedCopy);
    const { data, problem } = loadCacheFile(file);
    const usable = data && FindingsCacheSession.matches(data, key, inputHash) ? data : undefined;
    const shownProblem = problem && `charter: warning: the cache ${path.relative(cwd, file) || file} was not used and is rebuilt: ${problem}.\n`;
    return new CheckCache(file, new FindingsCacheSession(usable, sha256), key, inputHash, shownProblem);
  }

  /** Writes what this run learnt; returns a warning line when the file could not be written. */
  save(service: CharterLanguageService, settings: CliWorkspace['settings'], checked: ReadonlyMap<string, Finding[]>, settingsWarnings: { checkedPrint: string; lines: string[] }, cwd: string): string {
    const uris = new Set([...this.session.previousInputs.map((i) => i.uri), ...service.loadedSchemaLocations()]);
    const inputs = [...uris].sort().map((uri) => ({ uri, hash: this.inputHash(uri) }));
    const wholePortfolio = this.session.rulesetsWereInForce || settings.rulesets.length > 0 || service.rulesets.loadedLocations().length > 0;
    const data = this.session.next(service.workspace, this.key, checked, { inputs, wholePortfolio, settingPolicy: settings.policy, settingsWarnings });
    const refused = saveCacheFile(this.file, data);
    return refused ? `charter: warning: the cache ${path.relative(cwd, this.file) || this.file} could not be written: ${refused}.\n` : '';
  }
}

/** `--cache-location`: a folder (existing, or written with a trailing slash) holds the file; anything else is the file. */
function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, FILE_IN_FOLDER) : resolved;
}

export function checkedPrint(files: string[]): string {
  return sha256(files.join('\n'));
}

function settingsText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
