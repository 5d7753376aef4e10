// Remote schemas for the web server, through the browser's fetch: bounded in time and size like the
// desktop's downloads. The browser's HTTP cache stands in for the desktop's schema cache.
import type { SchemaRequestOptions } from '../engine/schema/schemaService';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024 };

/** Reads an http(s) schema; rejects with words that complete "cannot be used: ...". */
export async function fetchSchema(url: string, options: SchemaRequestOptions, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<string> {
  if (!options.download) throw new Error('it was not downloaded because downloads are turned off: charter.schemaDownload.enable is false');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await fetch(url, { redirect: 'follow', signal: controller.signal });
    if (!response.ok) throw new Error(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.maxBytes) throw new Error(`the schema is larger than ${limits.maxBytes / 1024 / 1024} MB`);
    const reader = response.body?.getReader();
    if (!reader) return await response.text();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel();
        throw new Error(`the schema is larger than ${limits.maxBytes / 1024 / 1024} MB`);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return new TextDecoder().decode(bytes);
  } catch (e) {
    if (controller.signal.aborted) throw new Error(`the download took longer than ${limits.timeoutMs / 1000} s`);
    if (e instanceof TypeError) throw new Error(`it could not be downloaded (${e.message})`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
