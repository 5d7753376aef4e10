// How `charter check --fix` reads a file and writes it back: every byte it did not fix survives (a
// UTF-8 BOM, the rest of the file), a file that changed since it was read is left alone, the write
// is atomic (a temporary file in the same folder, then a rename, keeping the file's mode), and a file
// that cannot be written becomes a finding for that file rather than the end of the run.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../engine/types';
import { unreadableFileFinding } from '../engine/parser/charterParser';
import { readRegularFileSync, ReadRefused } from '../fileReading';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A file as read for checking: its exact bytes, and the text the engine sees. */
export interface SourceFile {
  file: string;
  bytes: Buffer;
  /** The bytes as UTF-8, without a BOM; a binary file keeps its NUL bytes so the engine reports it as not text. */
  text: string;
  bom: boolean;
  /** Why the file was not read (a device, a pipe, a link to nothing): it is checked as empty, with this finding. */
  unreadable?: Finding;
}

/** Reads a file to check; only a regular file is read, so a link to `/dev/zero` or a pipe cannot hang the run. */
export function readSource(file: string): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file);
  } catch (e) {
    if (!(e instanceof ReadRefused)) throw e;
    return { file, bytes: Buffer.alloc(0), text: '', bom: false, unreadable: unreadableFileFinding(pathToFileURL(file).href, e.message) };
  }
  const bom = bytes.subarray(0, 3).equals(BOM);
  return { file, bytes, text: (bom ? bytes.subarray(3) : bytes).toString('utf8'), bom };
}

/** The bytes of the fixed text, written the way the file was (with its BOM when it had one). */
function encode(source: SourceFile, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return source.bom ? Buffer.concat([BOM, body]) : body;
}

/**
 * Writes the fixed text, or says why not in words that complete "The fixes were not written: ...".
 * Nothing is written when the file holds bytes that are not UTF-8 (rewriting them from text would
 * replace them), when the file changed since it was read, or when it is read-only.
 */
export function writeFixed(source: SourceFile, text: string): string | undefined {
  if (source.unreadable) return 'the file could not be read';
  if (!encode(source, source.text).equals(source.bytes)) {
    return 'the file contains bytes that are not UTF-8 text, and rewriting it would replace them. Save it as UTF-8, or make the changes by hand';
  }
  let stat: fs.Stats;
  let current: Buffer;
  let target: string;
  try {
    target = fs.realpathSync(source.file); // a linked charter is written where it lives; the link stays
    stat = fs.statSync(target);
    current = fs.readFileSync(target);
  } catch (e) {
    return `the file can no longer be read (${describeError(e)})`;
  }
  if (!current.equals(source.bytes)) return 'the file changed while charter check ran. Run charter check --fix again';
  if ((stat.mode & 0o222) === 0) return 'the file is read-only. Make it writable, or make the changes by hand';
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, encode(source, text), { mode: stat.mode & 0o7777, flag: 'wx' });
    fs.chmodSync(temp, stat.mode & 0o7777); // the umask may have narrowed the mode given above
    fs.renameSync(temp, target);
    return undefined;
  } catch (e) {
    fs.rmSync(temp, { force: true });
    return `the file cannot be written (${describeError(e)})`;
  }
}

/** The finding for a file whose fixes were not written. */
export function notWrittenFinding(file: string, reason: string): Finding {
  return {
    rule: 'fix/not-written',
    severity: 'error',
    message: `The fixes were not written: ${reason}.`,
    uri: pathToFileURL(file).href,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    docs: 'docs/rules/fix/not-written.md',
  };
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOENT') return 'it was deleted';
  return code ?? (e as Error).message;
}
