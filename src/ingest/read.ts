// The one bounded reader every input goes through: files, devices, FIFOs and standard input.
// It reads at most `limit` bytes and one more to tell "exactly at the cap" from "over it", so a
// device that never ends (/dev/zero) or a FIFO fed without end costs at most the cap.
// A FIFO is read like standard input: opening waits for its writer, reading stops at the
// writer's end of file or at the cap, whichever comes first.
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../types.js';

const CHUNK = 1 << 20;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The problem line for an input over the cap. */
export function overLimit(name: string, limit: number): InputError {
  return new InputError(name, `over the ${limit / 1048576} MB input size limit`);
}

/**
 * All bytes of a path or of standard input ("-"), or an InputError naming `name` when there are
 * more than `limit`. File-system errors (ENOENT, EISDIR...) are thrown as they come.
 */
export function readBounded(input: string, limit: number, name = input): Buffer {
  const fd = input === '-' ? 0 : openSync(input, 'r');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - size));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          sleep(5);
          continue;
        }
        if (code === 'EOF') break;
        throw err;
      }
      if (n === 0) break;
      size += n;
      if (size > limit) throw overLimit(name, limit);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  return Buffer.concat(chunks, size);
}
