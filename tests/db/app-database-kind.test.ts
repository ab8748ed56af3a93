import { expect, it } from "vitest";

/**
 * Proves which database the integration suites ran on: PGlite in the first
 * run of `npm test`, the real Postgres server in the second (TEST_POSTGRES_URL,
 * a database per file). Without this, a slip in the set-up would quietly run
 * both on PGlite.
 */
process.env.APP_DATA_DIR = "memory";
process.env.LOG_LEVEL = "silent";
const { appDatabase } = await import("@/lib/db/app-database.server");
const { sql } = await import("kysely");

it("runs on the database npm test meant", async () => {
  const { db, kind } = await appDatabase();
  const expected = process.env.TEST_POSTGRES_URL ? "postgres" : "pglite";
  expect(kind).toBe(expected);
  const { rows } = await sql<{ version: string; database: string }>`select version() as version, current_database() as database`.execute(db);
  if (expected === "postgres") {
    expect(rows[0]?.database).toMatch(/^tradesdesk_test_/);
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
  }
});
