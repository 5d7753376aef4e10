// The persistent findings cache on disk, for the CLI (`charter check --cache`) and the server (in the
// extension's storage): read with a size bound, hashed with SHA-256, written atomically (a temporary
// file renamed over the old one), so a crash or a second writer never leaves half a cache behind.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFileSync, ReadRefused } from './fileReading';
import { readFindingsCache, writeFindingsCache, type FindingsCacheData } from './engine/workspace/findingsCache';

/** A cache of a 10,000-charter portfolio is some tens of MB; anything much larger is not ours. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The cache at `file`, or why it could not be used (undefined problem and data: there is none yet). */
export function loadCacheFile(file: string): { data?: FindingsCacheData; problem?: string } {
  if (!fs.existsSync(file)) return {};
  let text: string;
  try {
    text = readRegularFileSync(file, { maxBytes: MAX_CACHE_BYTES }).toString('utf8');
  } catch (e) {
    if (e instanceof ReadRefused) return { problem: e.message };
    throw e;
  }
  return readFindingsCache(text, sha256);
}

/** Writes the cache atomically; returns why it could not be written, or undefined. */
export function saveCacheFile(file: string, data: FindingsCacheData): string | undefined {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, writeFindingsCache(data, sha256));
    fs.renameSync(temporary, file);
    return undefined;
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    return (e as Error).message;
  }
}

export async function saveCacheFileAsync(file: string, data: FindingsCacheData): Promise<string | undefined> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(temporary, writeFindingsCache(data, sha256));
    await fs.promises.rename(temporary, file);
    return undefined;
  } catch (e) {
    await fs.promises.rm(temporary, { force: true });
    return (e as Error).message;
  }
}
