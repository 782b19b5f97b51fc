// The store back ends tests run on: SQLite always; PostgreSQL on the server PRECIS_TEST_PG names
// (a postgres:// URL whose user may create databases). Each test gets a store of its own, removed
// after it: a file in a temp folder, or a database created for it and dropped after it.
import { test, type TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface StoreEngine {
  name: 'SQLite' | 'PostgreSQL';
  /** Where a new, empty store is: a file path or a postgres:// URL; removed when the test ends. */
  fresh(t: TestContext): Promise<string>;
}

const sqlite: StoreEngine = {
  name: 'SQLite',
  fresh: async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'precis-store-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return path.join(dir, 'stories.db');
  },
};

/** Runs `sql` on the server's own database (the one PRECIS_TEST_PG names). */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function postgres(url: string): StoreEngine {
  return {
    name: 'PostgreSQL',
    fresh: async (t) => {
      const name = `precis_test_${process.pid}_${randomBytes(6).toString('hex')}`;
      await onServer(url, (c) => c.query(`CREATE DATABASE ${name}`));
      t.after(() => onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
      const at = new URL(url);
      at.pathname = `/${name}`;
      return at.toString();
    },
  };
}

/**
 * The engines to run a file's store tests on. Without PRECIS_TEST_PG, PostgreSQL is left out and
 * one test says so in one line: skipped, or failed when PRECIS_REQUIRE_SERVICES=1 (as CI sets:
 * a service that should be there and is not must not pass as a skip).
 */
let announced = false;
export function storeEngines(): StoreEngine[] {
  const url = process.env.PRECIS_TEST_PG;
  if (url) return [sqlite, postgres(url)];
  if (announced) return [sqlite];
  announced = true;
  test('PostgreSQL store tests', (t) => {
    if (process.env.PRECIS_REQUIRE_SERVICES === '1') throw new Error('PostgreSQL tests need PRECIS_TEST_PG (PRECIS_REQUIRE_SERVICES=1)');
    t.skip('PostgreSQL tests skipped: set PRECIS_TEST_PG');
  });
  return [sqlite];
}
