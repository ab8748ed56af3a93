import "server-only";
import type { Pool, PoolClient } from "pg";
import { ApiError } from "@/lib/api/api-error";
import { logEvent } from "@/lib/api/logger.server";
import { KeyedLock } from "@/lib/concurrency/keyed-lock";
import { serverEnv } from "@/lib/env.server";

/**
 * One save of a record at a time, across every dashboard instance: two
 * people saving the same customer through two instances must not both pass
 * the "is it still the version you opened?" check before either writes (the
 * CRM has no conditional update). Within a process, saves of a record queue
 * on a KeyedLock; on a shared Postgres each save then holds a session
 * advisory lock on the record's key for its read, check and write.
 *
 * The advisory locks live on a small pool of their own: a save holding a lock
 * also writes the audit log and the mirror through the main pool, and if both
 * came from one pool, ten saves at once could hold every connection and wait
 * forever for an eleventh. A connection that dies releases its locks in
 * Postgres by itself. On PGlite only this process can open the database, so
 * the process lock is the whole lock.
 */
const LOCK_WAIT = "20s";

const holder = globalThis as typeof globalThis & { __tradesdeskRecordLock?: KeyedLock; __tradesdeskLockPool?: Promise<Pool> };
const processLock: KeyedLock = (holder.__tradesdeskRecordLock ??= new KeyedLock());

function lockPool(databaseUrl: string): Promise<Pool> {
  holder.__tradesdeskLockPool ??= import("pg").then(({ default: pg }) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    pool.on("error", (error) => logEvent("error", "record_lock_connection_lost", { message: error.message }));
    // A connection held while its lock is taken has no pool listener: without its own, its loss would end the process.
    pool.on("connect", (client) => client.on("error", (error) => logEvent("error", "record_lock_connection_lost", { message: error.message })));
    return pool;
  });
  return holder.__tradesdeskLockPool;
}

/** Runs the task holding the record's advisory lock on a shared Postgres (any instance's save of it waits). */
export async function withDatabaseRecordLock<T>(key: string, task: () => Promise<T>, databaseUrl = serverEnv().DATABASE_URL): Promise<T> {
  if (!databaseUrl) return task();
  const client: PoolClient = await (await lockPool(databaseUrl)).connect();
  const lockKey = `tradesdesk-record:${key}`;
  try {
    await client.query(`set lock_timeout = '${LOCK_WAIT}'`);
    await client.query("select pg_advisory_lock(hashtextextended($1, 0))", [lockKey]);
  } catch (error) {
    client.release(true);
    // 55P03 lock_not_available: another save of this record has held it for LOCK_WAIT.
    if ((error as { code?: string }).code === "55P03")
      throw new ApiError(503, "conflict_busy", "Someone else is saving this record right now. Try again in a moment.", undefined, { "Retry-After": "5" });
    throw error;
  }
  let broken = false;
  try {
    return await task();
  } finally {
    await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [lockKey]).catch(() => {
      // Closing the connection releases every lock it held.
      broken = true;
    });
    client.release(broken);
  }
}

/** The lock every save and restore of one record takes (keys like "customer:<uuid>"). */
export const recordLock = {
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return processLock.run(key, () => withDatabaseRecordLock(key, task));
  },
};
