import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * The app database going wrong: at start-up, one plain line saying which of
 * "nothing answers", "wrong password", "no such database" or "a newer schema"
 * it is; while serving, a restart of Postgres is a 503 for its duration and
 * the next request after it works, with no restart of the dashboard.
 */
process.env.LOG_LEVEL = "silent";
const postgresUrl = process.env.TEST_POSTGRES_URL;
const holder = globalThis as typeof globalThis & { __tradesdeskDatabase?: Promise<{ db: { destroy(): Promise<void> } }> };

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });
}

/** A fresh copy of the modules (the configuration and the database are per process), on this configuration. */
async function openWith(env: Record<string, string | undefined>) {
  const database = await holder.__tradesdeskDatabase?.catch(() => undefined);
  await database?.db.destroy();
  holder.__tradesdeskDatabase = undefined;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  const { appDatabase } = await import("@/lib/db/app-database.server");
  const { describeStartupFailure } = await import("@/lib/db/database-problems");
  return { appDatabase, describe: (error: unknown) => describeStartupFailure(error, env.DATABASE_URL) };
}

const saved = { DATABASE_URL: process.env.DATABASE_URL, APP_DATA_DIR: process.env.APP_DATA_DIR };
afterEach(async () => {
  const database = await holder.__tradesdeskDatabase?.catch(() => undefined);
  await database?.db.destroy();
  holder.__tradesdeskDatabase = undefined;
  Object.assign(process.env, saved);
  if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
});

describe("starting on a database that cannot be used", () => {
  it("says no Postgres answered when DATABASE_URL points at nothing", async () => {
    const port = await closedPort();
    const { appDatabase, describe: line } = await openWith({ DATABASE_URL: `postgres://tradesdesk:secret@127.0.0.1:${port}/tradesdesk` });
    const error = await appDatabase().catch((caught: unknown) => caught);
    expect(line(error)).toBe(`Tradesdesk cannot start: no Postgres answered at 127.0.0.1:${port}/tradesdesk (DATABASE_URL): ECONNREFUSED.`);
    expect(line(error)).not.toContain("secret");
  });

  it("refuses a database a newer version of the dashboard migrated, naming its migrations", async () => {
    const directory = mkdtempSync(join(tmpdir(), "tradesdesk-newer-"));
    try {
      const first = await openWith({ DATABASE_URL: undefined, APP_DATA_DIR: directory });
      const { db } = await first.appDatabase();
      await sql`insert into app_migrations (id) values ('999_from_the_future')`.execute(db);
      const second = await openWith({ DATABASE_URL: undefined, APP_DATA_DIR: directory });
      const error = await second.appDatabase().catch((caught: unknown) => caught);
      expect(second.describe(error)).toMatch(
        /^Tradesdesk cannot start: The app database has a newer schema than this version of the dashboard \(migrations 999_from_the_future\)/,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    // Two starts of an on-disk database, each applying every migration.
  }, 180_000);

  it.runIf(postgresUrl)(
    "says the password was refused, and that a database does not exist",
    async () => {
      const wrong = new URL(postgresUrl!);
      wrong.username = "tradesdesk_nobody";
      wrong.password = "not-the-password";
      const refused = await openWith({ DATABASE_URL: wrong.toString() });
      expect(refused.describe(await refused.appDatabase().catch((caught: unknown) => caught))).toMatch(
        /^Tradesdesk cannot start: Postgres at .+ refused the user "tradesdesk_nobody" and password in DATABASE_URL\.$/,
      );
      const missing = new URL(postgresUrl!);
      missing.pathname = "/tradesdesk_no_such_database";
      const absent = await openWith({ DATABASE_URL: missing.toString() });
      expect(absent.describe(await absent.appDatabase().catch((caught: unknown) => caught))).toMatch(/the database in DATABASE_URL does not exist/);
    },
    60_000,
  );
});

describe("Postgres restarting while the dashboard serves", () => {
  it.runIf(postgresUrl)(
    "answers 503 while the connections are cut, and works again after, without a restart",
    async () => {
      const { appDatabase } = await openWith({ DATABASE_URL: saved.DATABASE_URL });
      const { db } = await appDatabase();
      const { definePublicRoute, json } = await import("@/lib/api/define-route.server");
      const route = definePublicRoute(async ({ request }) => {
        const seconds = Number(new URL(request.url).searchParams.get("sleep") ?? 0);
        return json((await sql<{ one: number }>`select 1 as one, pg_sleep(${seconds})`.execute(db)).rows[0]);
      });
      const call = (sleep = 0) => route(new Request(`http://localhost/api/probe?sleep=${sleep}`), { params: Promise.resolve({}) });
      expect((await call()).status).toBe(200);
      // What a restart does to the dashboard: the server ends every connection, the one busy with a request included.
      const { default: pg } = await import("pg");
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      const database = new URL(saved.DATABASE_URL!).pathname.slice(1);
      const busy = call(5);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [database]);
      await admin.end();
      const during = await busy;
      expect(during.status).toBe(503);
      expect(during.headers.get("retry-after")).toBe("5");
      expect(await during.json()).toMatchObject({ success: false, code: "database_unavailable", error: expect.stringContaining("not answering") });
      // A connection the pool still held as idle may not have reported its end yet: a request at that instant can
      // get one more 503. Within seconds, with no restart, requests are answered again.
      await expect.poll(async () => (await call()).status, { timeout: 10_000 }).toBe(200);
    },
    60_000,
  );
});
