// What the serve command needs before a server exists: kept apart from the server module so
// that every other command starts without loading the server, the store and their dependencies.

/** Request body limit (bytes): larger bodies get 413. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** True for names and addresses of this machine only (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
