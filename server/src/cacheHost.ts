// What the CLI and the server give the findings cache from the outside world: which engine build wrote
// it, the key of a configuration, and the hash of each schema or ruleset file the findings came from.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CharterSettings } from './engine/settings';
import { todayFor } from './engine/rules/governance';
import { CACHE_FORMAT_VERSION } from './engine/workspace/findingsCache';
import { sha256 } from './findingsCacheFile';
import { readRegularFileSync } from './fileReading';

declare const CHARTER_VERSION: string | undefined;

let engineBuild: string | undefined;

/** The version and a hash of the running bundle: any change to the engine's code invalidates every cache. */
function engineBuildId(): string {
  if (engineBuild === undefined) {
    const version = typeof CHARTER_VERSION === 'string' ? CHARTER_VERSION : 'dev';
    let code = '';
    try {
      code = sha256(fs.readFileSync(require.main?.filename ?? __filename, 'utf8'));
    } catch {
      code = 'unknown';
    }
    engineBuild = `${version}|${code}`;
  }
  return engineBuild;
}

/**
 * Everything every finding depends on besides the files: engine build, cache format, and what the host
 * names (the folders, their settings, the day date rules use, trust, the change-control base).
 */
export function configurationKey(parts: unknown[]): string {
  return sha256(JSON.stringify([CACHE_FORMAT_VERSION, engineBuildId(), ...parts]));
}

/** The settings as they decide findings: with the day date rules use (today unless `asOf` is set). */
export function settingsPart(settings: CharterSettings): unknown {
  return [settings, todayFor(settings)];
}

/** The content hash of a schema or ruleset the findings came from: a file, or the downloaded copy of a URL. */
export function inputHasher(cachedCopy: (url: string) => string | undefined): (uri: string) => string {
  return (uri) => {
    try {
      const file = uri.startsWith('file:') ? fileURLToPath(uri) : /^https?:/i.test(uri) ? cachedCopy(uri) : undefined;
      if (!file) return '-';
      return sha256(readRegularFileSync(file, { maxBytes: 64 * 1024 * 1024 }).toString('utf8'));
    } catch {
      return 'unreadable';
    }
  };
}
