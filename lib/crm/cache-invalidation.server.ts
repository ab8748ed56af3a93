import "server-only";
import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { logEvent } from "@/lib/api/logger.server";

/**
 * Cached CRM reads dropped after a write, in every instance: each instance
 * keeps its own cache (lib/crm/response-cache.server.ts), so on a shared
 * Postgres a write through one instance is announced with NOTIFY and every
 * other instance, LISTENing on a connection of its own, drops the same
 * entries. Without it, a colleague on another instance would be served the
 * record as it was for up to the cache's lifetime. On PGlite there is one
 * instance, and nothing to announce.
 */
const CHANNEL = "tradesdesk_crm_cache";
const RECONNECT_MS = 2_000;

interface Bus {
  instance: string;
  databaseUrl: string | undefined;
  drop: ((prefixes: readonly string[]) => void) | null;
  listener: Client | null;
  stopped: boolean;
}
const holder = globalThis as typeof globalThis & { __tradesdeskCacheBus?: Bus };
const bus = (): Bus => (holder.__tradesdeskCacheBus ??= { instance: randomUUID(), databaseUrl: undefined, drop: null, listener: null, stopped: false });

/** Tells the other instances which cached reads a write made stale. Never fails the write. */
export async function announceInvalidation(prefixes: readonly string[], databaseUrl: string | undefined): Promise<void> {
  if (!databaseUrl || prefixes.length === 0) return;
  try {
    const { appDatabase } = await import("@/lib/db/app-database.server");
    const { sql } = await import("kysely");
    const { db } = await appDatabase();
    await sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ from: bus().instance, prefixes })})`.execute(db);
  } catch (error) {
    logEvent("error", "cache_invalidation_not_announced", { message: error instanceof Error ? error.message : String(error) });
  }
}

/** Starts listening for other instances' writes (once per process); `drop` removes the entries. */
export async function listenForInvalidations(databaseUrl: string | undefined, drop: (prefixes: readonly string[]) => void): Promise<void> {
  const state = bus();
  state.drop = drop;
  if (!databaseUrl || state.listener || state.stopped) return;
  state.databaseUrl = databaseUrl;
  await connect(state);
}

async function connect(state: Bus): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: state.databaseUrl });
  const retry = () => {
    if (state.listener !== client || state.stopped) return;
    state.listener = null;
    // Whatever was announced while disconnected is lost: drop the whole cache rather than serve it.
    state.drop?.([""]);
    setTimeout(() => void connect(state).catch(() => undefined), RECONNECT_MS).unref();
  };
  client.on("notification", (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      const { from, prefixes } = JSON.parse(message.payload) as { from: string; prefixes: string[] };
      if (from !== state.instance && Array.isArray(prefixes)) state.drop?.(prefixes);
    } catch {
      // Not ours.
    }
  });
  client.on("error", (error) => {
    logEvent("error", "cache_invalidation_listener_lost", { message: error.message });
    retry();
  });
  client.on("end", retry);
  state.listener = client;
  try {
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
  } catch (error) {
    logEvent("error", "cache_invalidation_listener_failed", { message: error instanceof Error ? error.message : String(error) });
    retry();
  }
}

/** For tests and a clean stop: closes the listening connection. */
export async function stopListening(): Promise<void> {
  const state = bus();
  state.stopped = true;
  const client = state.listener;
  state.listener = null;
  await client?.end().catch(() => undefined);
}
