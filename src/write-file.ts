// Writing an output file whole or not at all, with a user's mistake (a missing or read-only
// folder, a folder named as the file, a full disk) told in one line naming the output path.
import { closeSync, constants, accessSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError } from './types.js';

/** What an errno means for someone writing `file`, in a few words. */
export function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk full';
    case 'EFBIG':
      return 'file too large for this file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such folder';
    case 'EIO':
      return 'input/output error';
    default:
      return `cannot write (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Read-only by its mode (so also for the superuser, whom access() would let through) or by access(). */
function readOnly(p: string, st: Stats): boolean {
  if ((st.mode & 0o222) === 0) return true;
  try {
    accessSync(p, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

/**
 * Writes `content` to `file` whole or not at all: a hidden temp file beside it, flushed, then
 * renamed over it. A device or FIFO (/dev/null, a pipe) is written directly. A read-only file is
 * refused, not replaced. Every failure is an InputError naming `file`, never the temp file.
 */
export function writeFileWhole(file: string, content: string | Buffer): void {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const target = statOrNull(file);
  if (target?.isDirectory()) throw new InputError(file, 'is a folder');
  if (target && !target.isFile()) {
    // A device or a pipe: there is nothing to replace, only something to write to.
    let fd: number;
    try {
      fd = openSync(file, 'w');
    } catch (err) {
      throw new InputError(file, describeWriteError(err));
    }
    try {
      writeAll(fd, data);
    } catch (err) {
      throw new InputError(file, describeWriteError(err));
    } finally {
      closeSync(fd);
    }
    return;
  }
  if (target && readOnly(file, target)) throw new InputError(file, 'read-only file: not replaced');
  const dir = path.dirname(path.resolve(file));
  const folder = statOrNull(dir);
  if (!folder) throw new InputError(file, 'no such folder');
  if (!folder.isDirectory()) throw new InputError(file, 'no such folder');
  if (readOnly(dir, folder)) throw new InputError(file, 'the folder is read-only');
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', target ? target.mode & 0o777 : 0o666);
    try {
      writeAll(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError(file, describeWriteError(err));
  }
}
