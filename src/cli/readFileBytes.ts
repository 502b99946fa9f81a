/**
 * Reads a file for the command line the way the app reads a picked file: the size is known and
 * checked before a byte is read. A path that is not a regular file (a named pipe, /dev/zero, a
 * directory) is refused without waiting on it, and a file that grows past the limit while it is
 * read stops being read there.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { describeError } from '../domain/result';
import { checkFileSize, MAX_FILE_BYTES } from '../io/importFile';
import type { ImportProblem } from '../io/problems';

export type FileBytes =
  | { readonly status: 'read'; readonly bytes: Uint8Array }
  /** Over the size limit: a verdict on the file, like any other problem in it. */
  | { readonly status: 'too-big'; readonly problem: ImportProblem }
  /** Missing, not a regular file, or unreadable: why, in a few words. */
  | { readonly status: 'unreadable'; readonly reason: string };

const CHUNK = 1024 * 1024;

/** What a path that is not a regular file is, for the message. */
function notAFile(stats: Stats): string {
  const kind = stats.isDirectory()
    ? 'a directory'
    : stats.isFIFO()
      ? 'a named pipe'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return `${kind === 'not a regular file' ? kind : `this is ${kind}, not a regular file`}; expected a map file`;
}

export async function readFileBytes(path: string, limit = MAX_FILE_BYTES): Promise<FileBytes> {
  let handle;
  try {
    // Non-blocking, so opening a named pipe with no writer returns at once instead of hanging.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { status: 'unreadable', reason: describeError(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { status: 'unreadable', reason: notAFile(stats) };
    const tooBig = checkFileSize(stats.size, limit);
    if (tooBig) return { status: 'too-big', problem: tooBig };
    return await readUpTo(handle, limit);
  } catch (error) {
    return { status: 'unreadable', reason: describeError(error) };
  } finally {
    await handle.close();
  }
}

/** Reads to the end in chunks, and stops as soon as the file proves bigger than the limit. */
async function readUpTo(handle: FileHandle, limit: number): Promise<FileBytes> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buffer = new Uint8Array(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    const tooBig = checkFileSize(total, limit);
    if (tooBig) return { status: 'too-big', problem: tooBig };
    chunks.push(buffer.subarray(0, bytesRead));
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { status: 'read', bytes };
}
