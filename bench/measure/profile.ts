// Where our server's time goes on the 5,000-line edit case: a V8 CPU profile (`node --cpu-prof`),
// cut to the window of the edits and summarised as the functions with the most self time, named by
// their source file through the bundle's source map.
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** `source/file.ts:line` (from the source map) or the bundle location. */
  location: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  file: string;
  /** Sampled time inside the window, idle excluded. */
  busyMs: number;
  /** Whether the summary covers only the edits (else the whole session, start-up included). */
  editWindowOnly: boolean;
  top: HotFunction[];
  /** Self time by where the code comes from: a package, our engine, our server, V8/GC. */
  byOrigin: Array<{ origin: string; selfMs: number; percent: number }>;
}

export function newestProfile(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  files.sort((a, b) => fs.statSync(path.join(dir, b)).mtimeMs - fs.statSync(path.join(dir, a)).mtimeMs);
  return files[0] ? path.join(dir, files[0]) : undefined;
}

/**
 * `window` is [start, end] in process.hrtime nanoseconds of the client; V8 stamps samples with the
 * same monotonic clock in microseconds, so the edits can be cut out of a session-long profile.
 */
export function summariseProfile(file: string, bundle: string, repoRoot: string, window?: [bigint, bigint], topN = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const map = loadSourceMap(bundle);

  const inWindow = (t: number) => !window || (t >= Number(window[0] / 1000n) && t <= Number(window[1] / 1000n));
  let windowed = window !== undefined;
  const selfByNode = new Map<number, number>();
  const accumulate = (useWindow: boolean) => {
    selfByNode.clear();
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      if (useWindow && !inWindow(t)) continue;
      // A sample's delta is the time since the previous one: charge it to this sample's function.
      selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
    }
  };
  accumulate(windowed);
  if (windowed && [...selfByNode.values()].reduce((a, b) => a + b, 0) === 0) {
    windowed = false;
    accumulate(false);
  }

  const byFunction = new Map<string, HotFunction>();
  const byOrigin = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfByNode) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += micros;
    const source = map && url.endsWith(path.basename(bundle)) ? map.findEntry(lineNumber, columnNumber) : undefined;
    const originalFile = source && 'originalSource' in source ? relativeSource(source.originalSource as string, path.dirname(bundle), repoRoot) : undefined;
    const location = originalFile
      ? `${originalFile}:${((source as { originalLine: number }).originalLine ?? 0) + 1}`
      : url
        ? `${path.basename(url)}:${lineNumber + 1}`
        : '(native)';
    const name = functionName || '(anonymous)';
    const key = `${name}@${location}`;
    const entry = byFunction.get(key) ?? { name, location, selfMs: 0, percent: 0 };
    entry.selfMs += micros / 1000;
    byFunction.set(key, entry);
    const origin = originOf(originalFile, url, functionName);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + micros / 1000);
  }
  const busyMs = busy / 1000;
  const top = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, topN);
  for (const f of top) f.percent = (100 * f.selfMs) / busyMs;
  return {
    file,
    busyMs,
    editWindowOnly: windowed,
    top,
    byOrigin: [...byOrigin].map(([origin, selfMs]) => ({ origin, selfMs, percent: (100 * selfMs) / busyMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

function loadSourceMap(bundle: string): SourceMap | undefined {
  const mapFile = `${bundle}.map`;
  if (!fs.existsSync(mapFile)) return undefined;
  return new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')));
}

/** Source map paths are relative to the bundle's folder. */
function relativeSource(source: string, bundleDir: string, repoRoot: string): string {
  const p = source.startsWith('file://') ? new URL(source).pathname : source;
  const abs = path.resolve(bundleDir, p);
  return path.relative(repoRoot, abs).split(path.sep).join('/');
}

function originOf(source: string | undefined, url: string, functionName: string): string {
  if (source) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    if (pkg) return pkg[1];
    if (source.startsWith('server/src/engine/')) return `engine: ${source.slice('server/src/engine/'.length).split('/')[0]}`;
    if (source.startsWith('server/src/')) return 'server (LSP wiring)';
    return source;
  }
  if (functionName.startsWith('(')) return functionName;
  if (url.startsWith('node:')) return 'node internals';
  return url ? path.basename(url) : 'V8 / native';
}
