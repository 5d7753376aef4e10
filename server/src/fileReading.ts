// Reading a file that a workspace names (a schema, a charter) without trusting the name: links are
// resolved before deciding whether the file is inside a folder, and only regular files are read, so
// a link to `/dev/zero`, a pipe or a folder cannot hang or exhaust the server or the CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReadLimits {
  /** A folder the file must really be in, after every link is resolved (Restricted Mode). */
  within?: string;
  /** Refuse larger files. */
  maxBytes?: number;
}

/** The file cannot be read; the message completes "cannot be used: ...". */
export class ReadRefused extends Error {
  constructor(
    message: string,
    /** True when the file is outside the folder it must be in. */
    readonly outside = false,
    /** True when there is no such file (any more): nothing to report about it. */
    readonly missing = false,
  ) {
    super(message);
  }
}

// O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export async function readRegularFile(file: string, limits: ReadLimits = {}): Promise<Buffer> {
  const real = await settle(() => fs.promises.realpath(file));
  if (limits.within !== undefined) checkInside(real, await settle(() => fs.promises.realpath(limits.within!)), file);
  checkStat(await settle(() => fs.promises.stat(real)), limits);
  const handle = await settle(() => fs.promises.open(real, OPEN_FLAGS));
  try {
    checkStat(await handle.stat(), limits); // the file may have been swapped since the check above
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function readRegularFileSync(file: string, limits: ReadLimits = {}): Buffer {
  const real = settleSync(() => fs.realpathSync(file));
  if (limits.within !== undefined) checkInside(real, settleSync(() => fs.realpathSync(limits.within!)), file);
  checkStat(settleSync(() => fs.statSync(real)), limits);
  const fd = settleSync(() => fs.openSync(real, OPEN_FLAGS));
  try {
    checkStat(fs.fstatSync(fd), limits);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function checkInside(real: string, folder: string, file: string): void {
  if (real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) return;
  throw new ReadRefused(`${path.basename(file)} is a link to a file outside the workspace`, true);
}

function checkStat(stat: fs.Stats, limits: ReadLimits): void {
  if (stat.isDirectory()) throw new ReadRefused('it is a folder, not a file');
  if (!stat.isFile()) throw new ReadRefused('it is not a regular file (a device, a pipe or a socket), so it is not read');
  if (limits.maxBytes !== undefined && stat.size > limits.maxBytes) {
    throw new ReadRefused(`the file is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`);
  }
}

async function settle<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw explain(e);
  }
}

function settleSync<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw explain(e);
  }
}

function explain(e: unknown): Error {
  if (e instanceof ReadRefused) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ReadRefused('the file does not exist', false, true);
  if (code === 'ELOOP') return new ReadRefused('the file is a link that leads back to itself');
  if (code === 'EISDIR') return new ReadRefused('it is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM') return new ReadRefused('the file cannot be read (permission denied)');
  return new ReadRefused(`the file cannot be read (${code ?? (e as Error).message})`);
}
