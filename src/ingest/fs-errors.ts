// File-system errors in a few words; apart from the reader so that a command that only streams a
// file (`precis cluster`) does not load the whole ingest layer (zod, the date parser) to word one.

/** A file-system error in a few words. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return err instanceof Error ? err.message : String(err);
}
