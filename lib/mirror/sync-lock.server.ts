import "server-only";
import { sql } from "kysely";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";

/**
 * One sync runner at a time per scope. On a shared Postgres (several
 * dashboard instances) a session advisory lock, held on one pooled
 * connection for the run; on PGlite, which only this process can open, a
 * flag in the process (PGlite has one connection: holding it for the run
 * would stall every other query).
 */
const holder = globalThis as typeof globalThis & { __tradesdeskSyncLocks?: Set<string> };

export async function withSyncLock<T>(scope: string, work: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const { db, kind } = await mirrorDatabase();
  if (kind === "pglite") {
    const held = (holder.__tradesdeskSyncLocks ??= new Set());
    if (held.has(scope)) return { acquired: false };
    held.add(scope);
    try {
      return { acquired: true, value: await work() };
    } finally {
      held.delete(scope);
    }
  }
  return db.connection().execute(async (connection) => {
    const key = sql`hashtextextended(${`tradesdesk-mirror-sync:${scope}`}, 0)`;
    const locked = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(connection);
    if (!locked.rows[0]?.locked) return { acquired: false as const };
    try {
      return { acquired: true as const, value: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
