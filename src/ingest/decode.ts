import { InputError } from '../types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to text. A byte-order mark picks UTF-8 or UTF-16; otherwise the bytes must be valid
 * UTF-8. Binary data (NUL bytes, or many control characters) and invalid UTF-8 are refused,
 * never decoded into replacement characters.
 */
export function decodeText(bytes: Uint8Array, input: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const sample = body.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new InputError(input, 'binary file, not text');
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) throw new InputError(input, 'binary file, not text');
  try {
    return utf8.decode(body).replace(/\r\n?/g, '\n');
  } catch {
    throw new InputError(input, `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(body)})`);
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : (c & 0xe0) === 0xc0 && c >= 0xc2 ? 1 : (c & 0xf0) === 0xe0 ? 2 : (c & 0xf8) === 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
