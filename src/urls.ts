// Service URLs as the user gave them (a store, a queue, a feed): checked for their scheme, and
// named in messages without the secrets they may carry.
import { InputError } from './types.js';

/**
 * `url` without its password, query or fragment (either may carry a secret):
 * scheme://user@host:port/path. A URL that does not parse keeps only what follows an "@".
 */
export function urlWithoutSecrets(url: string): string {
  const trimmed = url.trim();
  try {
    const u = new URL(trimmed);
    const user = u.username ? `${u.username}@` : '';
    return `${u.protocol}//${user}${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return trimmed.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/[?#].*$/, '');
  }
}

/** Throws an InputError naming `url` unless it parses with one of `schemes` ("redis:"...). */
export function checkUrlScheme(url: string, schemes: readonly string[], what: string): void {
  let ok = false;
  try {
    ok = schemes.includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new InputError(urlWithoutSecrets(url), `not ${what}`);
}
