import "server-only";
import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { logEvent } from "@/lib/api/logger.server";

/**
 * What one instance's change makes stale in every other instance's memory,
 * on a shared Postgres: one LISTEN connection per instance, one channel, two
 * kinds of message.
 *
 * - `crm`: cached CRM reads dropped after a write. Each instance keeps its own
 *   cache (lib/crm/response-cache.server.ts); without this, a colleague on
 *   another instance would be served the record as it was for up to the cache's
 *   lifetime.
 * - `sessions`: sessions remembered for a few seconds
 *   (lib/auth/session-cache.server.ts) dropped at a sign-out, a role change, a
 *   deactivation; without this, a session ended on one instance would still
 *   be honoured by the others until their copy expired.
 *
 * On PGlite there is one instance, and nothing to announce.
 */
const CHANNEL = "tradesdesk_crm_cache";
const RECONNECT_MS = 2_000;

/** Sessions to forget: by a hash of their token (never the token itself), by person, or all. */
export interface SessionChange {
  tokenHashes?: string[];
  userIds?: string[];
  all?: boolean;
}

type Message = { from: string; kind?: "crm"; prefixes: string[] } | { from: string; kind: "sessions"; change: SessionChange };

interface Bus {
  instance: string;
  databaseUrl: string | undefined;
  drop: ((prefixes: readonly string[]) => void) | null;
  dropSessions: ((change: SessionChange) => void) | null;
  listener: Client | null;
  /** LISTEN is in place: every announcement from now on reaches this instance. */
  listening: boolean;
  stopped: boolean;
}
const holder = globalThis as typeof globalThis & { __tradesdeskCacheBus?: Bus };
const bus = (): Bus =>
  (holder.__tradesdeskCacheBus ??= {
    instance: randomUUID(),
    databaseUrl: undefined,
    drop: null,
    dropSessions: null,
    listener: null,
    listening: false,
    stopped: false,
  });

/** Tells the other instances which cached reads a write made stale. Never fails the write. */
export async function announceInvalidation(prefixes: readonly string[], databaseUrl: string | undefined): Promise<void> {
  if (prefixes.length === 0) return;
  await announce({ from: bus().instance, kind: "crm", prefixes: [...prefixes] }, databaseUrl);
}

/** Tells the other instances which remembered sessions to forget. Never fails the change that caused it. */
export async function announceSessionChange(change: SessionChange, databaseUrl: string | undefined): Promise<void> {
  await announce({ from: bus().instance, kind: "sessions", change }, databaseUrl);
}

async function announce(message: Message, databaseUrl: string | undefined): Promise<void> {
  if (!databaseUrl) return;
  try {
    const { appDatabase } = await import("@/lib/db/app-database.server");
    const { sql } = await import("kysely");
    const { db } = await appDatabase();
    await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(message)})`.execute(db);
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

/** Where other instances' session changes go; the same connection as the CRM reads'. */
export function onSessionChanges(dropSessions: (change: SessionChange) => void): void {
  bus().dropSessions = dropSessions;
}

/**
 * True when another instance's announcements are sure to reach this one: a
 * single instance on PGlite, or LISTEN in place on Postgres. While it is false
 * nothing may be remembered that another instance could need to revoke.
 */
export function hearsOtherInstances(databaseUrl: string | undefined): boolean {
  return !databaseUrl || bus().listening;
}

async function connect(state: Bus): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: state.databaseUrl });
  const retry = () => {
    if (state.listener !== client || state.stopped) return;
    state.listener = null;
    state.listening = false;
    // Whatever was announced while disconnected is lost: drop everything rather than serve it.
    forgetEverything(state);
    setTimeout(() => void connect(state).catch(() => undefined), RECONNECT_MS).unref();
  };
  client.on("notification", (notification) => {
    if (notification.channel !== CHANNEL || !notification.payload) return;
    const message = parseMessage(notification.payload);
    if (!message || message.from === state.instance) return;
    if (message.kind === "sessions") state.dropSessions?.(message.change);
    else state.drop?.(message.prefixes);
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
    state.listening = state.listener === client;
  } catch (error) {
    logEvent("error", "cache_invalidation_listener_failed", { message: error instanceof Error ? error.message : String(error) });
    retry();
  }
}

function forgetEverything(state: Bus): void {
  state.drop?.([""]);
  state.dropSessions?.({ all: true });
}

function parseMessage(payload: string): Message | null {
  try {
    const message = JSON.parse(payload) as Partial<Message> & { from?: unknown };
    if (typeof message.from !== "string") return null;
    if (message.kind === "sessions") return "change" in message && typeof message.change === "object" && message.change ? (message as Message) : null;
    return "prefixes" in message && Array.isArray(message.prefixes) ? (message as Message) : null;
  } catch {
    return null; // Not ours.
  }
}

/** For tests and a clean stop: closes the listening connection. */
export async function stopListening(): Promise<void> {
  const state = bus();
  state.stopped = true;
  state.listening = false;
  const client = state.listener;
  state.listener = null;
  await client?.end().catch(() => undefined);
}
