// How the server and the CLI read schemas for the engine: files from disk, URLs over http(s) with a
// timeout, a disk cache revalidated with ETag, and the cached copy when a download fails.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SchemaOutsideWorkspace, type SchemaRequestOptions, type SchemaRequestService, type SchemaResponse } from './engine/schema/schemaService';
import { readRegularFile, ReadRefused } from './fileReading';

export interface SchemaFetcherConfig {
  /** Where downloaded schemas are kept. Without it nothing is cached. */
  cacheDir?: string;
  /** How long a download may take, in milliseconds. */
  timeoutMs?: number;
  /** When set, no download is tried (CLI `--offline`); the words say why, for findings. */
  offline?: string;
  /** Told about cache problems (a cache folder that cannot be written); never a user-facing error. */
  log?: (message: string) => void;
}

interface CacheEntry {
  url: string;
  etag?: string;
  lastModified?: string;
  /** When the copy was downloaded or last confirmed current (ISO 8601). */
  savedAt: string;
}

const DEFAULT_TIMEOUT_MS = 5000;

export class SchemaFetcher {
  private config: SchemaFetcherConfig;
  private refreshEpoch = 0;
  private readonly refreshedIn = new Map<string, number>();

  constructor(config: SchemaFetcherConfig = {}) {
    this.config = { ...config };
  }

  configure(config: Partial<SchemaFetcherConfig>): void {
    this.config = { ...this.config, ...config };
  }

  /** The request function the engine is given. */
  readonly request: SchemaRequestService = (uri, options) => this.read(uri, options);

  /** The next download of every URL ignores ETags and fetches a full copy; a failed one still falls back to the cache. */
  refresh(): void {
    this.refreshEpoch++;
  }

  /** The cached copy of a downloaded schema, as a file, to open it. */
  cachedCopy(url: string): string | undefined {
    const file = this.cacheFiles(url)?.content;
    return file && fs.existsSync(file) ? file : undefined;
  }

  private async read(uri: string, options: SchemaRequestOptions): Promise<string | SchemaResponse> {
    if (uri.startsWith('file:')) return readSchemaFile(uri, options);
    if (/^https?:/i.test(uri)) return this.download(uri, options);
    throw new Error(`Charter reads schemas from files and http(s) URLs only, not ${uri.split(':')[0]}: URLs`);
  }

  private async download(url: string, options: SchemaRequestOptions): Promise<string | SchemaResponse> {
    const cached = this.readCache(url);
    const offline = this.config.offline ?? (options.download ? undefined : 'downloads are turned off: charter.schemaDownload.enable is false');
    if (offline) {
      if (cached) return { content: cached.content, cached: { savedAt: cached.entry.savedAt, reason: offline } };
      throw new Error(`it was not downloaded because ${offline}, and no copy of it is cached`);
    }
    const forced = (this.refreshedIn.get(url) ?? 0) < this.refreshEpoch;
    this.refreshedIn.set(url, this.refreshEpoch);
    const headers: Record<string, string> = { accept: 'application/schema+json, application/json;q=0.9, */*;q=0.5' };
    if (cached && !forced) {
      if (cached.entry.etag) headers['if-none-match'] = cached.entry.etag;
      else if (cached.entry.lastModified) headers['if-modified-since'] = cached.entry.lastModified;
    }
    const timeoutMs = this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const response = await httpGet(url, headers, Date.now() + timeoutMs);
      if (response.status === 304 && cached) {
        this.writeCache(url, cached.content, { ...cached.entry, savedAt: new Date().toISOString() });
        return cached.content;
      }
      if (response.status < 200 || response.status >= 300) {
        throw new DownloadError(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      this.writeCache(url, response.body, {
        url,
        etag: header(response.headers.etag),
        lastModified: header(response.headers['last-modified']),
        savedAt: new Date().toISOString(),
      });
      return response.body;
    } catch (e) {
      const reason = e instanceof DownloadError ? e.message : describeNetworkError(e, url, timeoutMs);
      if (cached) return { content: cached.content, cached: { savedAt: cached.entry.savedAt, reason } };
      throw new Error(`${reason}, and no copy of it is cached`);
    }
  }

  private cacheFiles(url: string): { content: string; entry: string } | undefined {
    if (!this.config.cacheDir) return undefined;
    const name = crypto.createHash('sha256').update(url).digest('hex').slice(0, 32);
    return { content: path.join(this.config.cacheDir, `${name}.schema.json`), entry: path.join(this.config.cacheDir, `${name}.meta.json`) };
  }

  private readCache(url: string): { content: string; entry: CacheEntry } | undefined {
    const files = this.cacheFiles(url);
    if (!files) return undefined;
    try {
      const entry = JSON.parse(fs.readFileSync(files.entry, 'utf8')) as CacheEntry;
      if (entry.url !== url) return undefined;
      return { content: fs.readFileSync(files.content, 'utf8'), entry };
    } catch {
      return undefined; // no copy yet, or a half-written one: download again
    }
  }

  private writeCache(url: string, content: string, entry: CacheEntry): void {
    const files = this.cacheFiles(url);
    if (!files) return;
    try {
      fs.mkdirSync(path.dirname(files.content), { recursive: true });
      writeAtomically(files.content, content);
      writeAtomically(files.entry, JSON.stringify(entry, null, 2));
    } catch (e) {
      this.config.log?.(`Cannot cache the schema ${url} in ${this.config.cacheDir}: ${(e as Error).message}`);
    }
  }
}

class DownloadError extends Error {}
class TimeoutError extends Error {
  override name = 'TimeoutError';
}

const MAX_REDIRECTS = 5;
const MAX_BYTES = 20 * 1024 * 1024;

interface HttpAnswer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One GET with node's http(s), following redirects, everything done by `deadline`. No keep-alive
 * agent: a CLI run must not wait for idle sockets to close before it can exit.
 */
function httpGet(url: string, headers: Record<string, string>, deadline: number, redirects = MAX_REDIRECTS): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const request = client.get(url, { headers, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location && redirects > 0) {
        response.resume();
        clearTimeout(timer);
        const target = new URL(location, url);
        const refused = refusedRedirect(new URL(url), target);
        if (refused) reject(new DownloadError(refused));
        else httpGet(target.href, headers, deadline, redirects - 1).then(resolve, reject);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) request.destroy(new DownloadError(`the schema is larger than ${MAX_BYTES / 1024 / 1024} MB`));
        else chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status, statusText: response.statusMessage ?? '', headers: response.headers, body: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '') });
      });
      response.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const timer = setTimeout(() => request.destroy(new TimeoutError()), Math.max(0, deadline - Date.now()));
    request.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/**
 * A redirect is followed on the same host only (and never from https to http): the address in the
 * settings or the modeline is the one the user chose to trust, not wherever its server points.
 */
function refusedRedirect(from: URL, to: URL): string | undefined {
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return `the server redirects to a ${to.protocol} address, which Charter does not follow`;
  if (from.protocol === 'https:' && to.protocol === 'http:') return `the server redirects from https to an insecure http address (${to.href}), which Charter does not follow`;
  if (to.hostname !== from.hostname) return `the server redirects to another host (${to.host}), which Charter does not follow. If you trust it, use ${to.href} as the schema's address`;
  return undefined;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads a schema file: a regular file on this computer, no larger than a download may be, and with
 * `within` (a folder URI, Restricted Mode) really inside that folder once links are resolved. The
 * error says why in words that complete "cannot be used: ...".
 */
export async function readSchemaFile(uri: string, { within }: { within?: string } = {}): Promise<string> {
  let file: string;
  try {
    const host = new URL(uri).hostname;
    if (host && host !== 'localhost') throw new Error(`${uri} names another computer (${host}); Charter reads schema files from this computer only`);
    file = fileURLToPath(uri);
  } catch (e) {
    throw e instanceof Error && e.message.includes('names another computer') ? e : new Error(`${uri} is not a file path`);
  }
  try {
    const bytes = await readRegularFile(file, { within: within === undefined ? undefined : fileURLToPath(within), maxBytes: MAX_BYTES });
    return bytes.toString('utf8');
  } catch (e) {
    if (e instanceof ReadRefused && e.outside) throw new SchemaOutsideWorkspace(e.message);
    throw e;
  }
}

function describeNetworkError(e: unknown, url: string, timeoutMs: number): string {
  const host = new URL(url).host;
  if (e instanceof DownloadError) return e.message;
  const error = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error?.name === 'AbortError' || error?.name === 'TimeoutError') return `${host} did not answer within ${formatSeconds(timeoutMs)}`;
  const code = error?.code ?? error?.cause?.code;
  if (code === 'ECONNREFUSED') return `nothing answers at ${host} (connection refused)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host ${new URL(url).hostname} cannot be found (no network, or a wrong address)`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `${host} closed the connection`;
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `the secure connection to ${host} failed (${code})`;
  return `it cannot be downloaded from ${host} (${code ?? error?.cause?.message ?? error?.message ?? String(e)})`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

/** The CLI's cache folder: `$XDG_CACHE_HOME/charter` when that is set, else `.charter-cache/` in the workspace. */
export function cliCacheDir(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.XDG_CACHE_HOME ? path.join(env.XDG_CACHE_HOME, 'charter') : path.join(workspaceRoot, '.charter-cache');
}

/** The download timeout: `CHARTER_SCHEMA_TIMEOUT_MS` when set (tests, slow networks), else 5 s. */
export function timeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.CHARTER_SCHEMA_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}
