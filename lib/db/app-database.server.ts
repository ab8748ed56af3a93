import "server-only";
import { mkdirSync } from "node:fs";
import { Kysely, PostgresDialect, sql, type Dialect } from "kysely";
import { serverEnv } from "@/lib/env.server";
import { logEvent } from "@/lib/api/logger.server";
import { NewerSchemaError } from "@/lib/db/database-problems";
import { appMigrations } from "@/lib/db/migrations.server";
import { PGliteDialect } from "@/lib/db/pglite-dialect.server";
import type { AppDatabaseSchema } from "@/lib/db/tables";

export interface AppDatabase {
  db: Kysely<AppDatabaseSchema>;
  /** The dialect, shared with Better Auth so both use one connection pool. */
  dialect: Dialect;
  kind: "pglite" | "postgres";
}

/**
 * One database per server process: embedded PGlite on disk by default (a
 * second opener of the same directory would corrupt it), or a shared Postgres
 * with DATABASE_URL so several dashboard instances see the same users,
 * sessions and audit log. Kept on globalThis so that every route bundle and
 * the dev server's reloads reuse it.
 */
const holder = globalThis as typeof globalThis & { __tradesdeskDatabase?: Promise<AppDatabase> };

export function appDatabase(): Promise<AppDatabase> {
  holder.__tradesdeskDatabase ??= openAppDatabase().catch((error: unknown) => {
    holder.__tradesdeskDatabase = undefined;
    throw error;
  });
  return holder.__tradesdeskDatabase;
}

async function openAppDatabase(): Promise<AppDatabase> {
  const env = serverEnv();
  let dialect: Dialect;
  let kind: AppDatabase["kind"];
  if (env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
    // An idle connection the server closed (a restart) is reported here; without a listener Node would exit.
    // The pool drops it and opens a new one on the next query.
    pool.on("error", (error) => logEvent("error", "database_connection_lost", { message: error.message }));
    // The pool listens only to idle connections: one the server closes while a request holds it (the query
    // already failed, the connection not yet handed back) would report with nobody listening, and end the process.
    pool.on("connect", (client) => client.on("error", (error) => logEvent("error", "database_connection_lost", { message: error.message })));
    dialect = new PostgresDialect({ pool });
    kind = "postgres";
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    // pg_trgm: the CRM mirror's substring indexes (migration 008, ADR-014).
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const memory = env.APP_DATA_DIR === "memory";
    if (!memory) mkdirSync(env.APP_DATA_DIR, { recursive: true });
    dialect = new PGliteDialect(await PGlite.create(memory ? undefined : env.APP_DATA_DIR, { extensions: { pg_trgm } }));
    kind = "pglite";
  }
  const db = new Kysely<AppDatabaseSchema>({ dialect });
  try {
    await migrate(db);
  } catch (error) {
    // A pool left open would keep a failed start alive, and retry with a second pool next time.
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return { db, dialect, kind };
}

async function migrate(db: Kysely<AppDatabaseSchema>) {
  await sql`create table if not exists app_migrations (id text primary key, applied_at timestamptz(3) not null default now())`.execute(db);
  // One instance migrates at a time when several share a Postgres.
  await db.transaction().execute(async (tx) => {
    await sql`lock table app_migrations in exclusive mode`.execute(tx);
    const applied = new Set((await sql<{ id: string }>`select id from app_migrations`.execute(tx)).rows.map((row) => row.id));
    // A newer version of the dashboard migrated this database: running on it could corrupt what that version wrote.
    const known = new Set(appMigrations.map((migration) => migration.id));
    const unknown = [...applied].filter((id) => !known.has(id)).sort();
    if (unknown.length > 0) throw new NewerSchemaError(unknown);
    for (const migration of appMigrations) {
      if (applied.has(migration.id)) continue;
      await sql.raw(migration.sql).execute(tx);
      await sql`insert into app_migrations (id) values (${migration.id})`.execute(tx);
    }
  });
}
