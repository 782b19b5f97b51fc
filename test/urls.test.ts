import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkUrlScheme, urlWithoutSecrets } from '../src/urls.js';
import { InputError } from '../src/types.js';

test('a service URL is named without its password, query or fragment', () => {
  assert.equal(urlWithoutSecrets('postgres://ann:s3cret@db.example:5432/precis?sslpassword=x'), 'postgres://ann@db.example:5432/precis');
  assert.equal(urlWithoutSecrets('redis://:s3cret@127.0.0.1:6379'), 'redis://127.0.0.1:6379');
  assert.equal(urlWithoutSecrets('https://feeds.example/rss.xml'), 'https://feeds.example/rss.xml');
  // Not parseable: what precedes an "@" goes all the same.
  assert.equal(urlWithoutSecrets('postgres://ann:s3cret@[bad/precis'), 'postgres://[bad/precis');
});

test('a URL of the wrong kind is one error naming it without its secrets', () => {
  assert.throws(() => checkUrlScheme('http://ann:s3cret@cache.example:6379', ['redis:'], 'a redis:// URL'), (err: InputError) => err.line === 'http://ann@cache.example:6379: not a redis:// URL');
  assert.throws(() => checkUrlScheme('not a url', ['http:', 'https:'], 'an http(s) URL'), InputError);
  assert.doesNotThrow(() => checkUrlScheme('https://feeds.example/rss.xml', ['http:', 'https:'], 'an http(s) URL'));
});
