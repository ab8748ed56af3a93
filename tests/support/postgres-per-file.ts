import { afterAll } from "vitest";

/**
 * When `npm test` runs the integration suites on Postgres (TEST_POSTGRES_URL),
 * each test file gets a database of its own, as it gets a fresh in-memory
 * PGlite otherwise, and drops it when done. Without the variable this does
 * nothing.
 */
const serverUrl = process.env.TEST_POSTGRES_URL;

if (serverUrl) {
  const { default: pg } = await import("pg");
  const name = `tradesdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();

  afterAll(async () => {
    // The app's pool first, so dropping the database does not break connections it still holds.
    const holder = globalThis as typeof globalThis & { __tradesdeskDatabase?: Promise<{ db: { destroy(): Promise<void> } }> };
    const database = await holder.__tradesdeskDatabase?.catch(() => undefined);
    await database?.db.destroy();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
}
