import "server-only";
import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { sql } from "kysely";
import { logEvent } from "@/lib/api/logger.server";
import { appDatabase } from "@/lib/db/app-database.server";
import { serverEnv } from "@/lib/env.server";
import type { LiveChange } from "@/lib/events/live-event-types";
import { appendLiveChange, latestLiveId, liveChangesAfter, MAX_REPLAY, type NewLiveChange } from "@/lib/events/live-log.server";

/**
 * Changes to the open tabs of every instance (ADR-022). A change is written
 * to the log, handed at once to this process's streams, and, on a shared
 * Postgres, announced with NOTIFY on a channel of its own; every other
 * instance LISTENs on a connection of its own and hands it to its streams.
 * On PGlite there is one process, and nothing to announce.
 *
 * A lost LISTEN connection is reopened every RECONNECT_MS; once it is back,
 * what the log gained meanwhile is read and handed on, so no change is lost
 * (as in lib/crm/cache-invalidation.server.ts, which drops its cache instead).
 * The connection opens with the first stream, not with the server.
 */
export const LIVE_CHANNEL = "tradesdesk_live";
const RECONNECT_MS = 2_000;
/** Ids already handed on, to skip a change heard twice (its NOTIFY and a replay). */
const REMEMBERED = 2_000;

type Listener = (change: LiveChange) => void;
interface Bus {
  instance: string;
  listeners: Set<Listener>;
  /** Each stream's way to end itself: called when the server is asked to stop. */
  closers: Set<() => void>;
  shutdownHooked: boolean;
  /** The server was asked to stop: no new stream is opened (a browser's reconnect on a kept-alive socket would hold the stop open). */
  shuttingDown: boolean;
  connection: Client | null;
  connecting: boolean;
  stopped: boolean;
  /** The highest id handed on; a replay after a lost connection starts from what it was when the connection went. */
  highest: bigint;
  delivered: Set<string>;
}
const holder = globalThis as typeof globalThis & { __tradesdeskLiveBus?: Bus };
const bus = (): Bus =>
  (holder.__tradesdeskLiveBus ??= {
    instance: randomUUID(),
    listeners: new Set(),
    closers: new Set(),
    shutdownHooked: false,
    shuttingDown: false,
    connection: null,
    connecting: false,
    stopped: false,
    highest: 0n,
    delivered: new Set(),
  });

/**
 * Hands `listener` every change from now on; returns the unsubscribe. Starts
 * listening across instances on first use. `close` ends the stream when the
 * server is asked to stop: an open stream would otherwise hold the graceful
 * shutdown open for ever, and the browser reconnects (to another instance,
 * or to this one restarted) with its Last-Event-ID.
 */
export function subscribeLive(listener: Listener, close?: () => void): () => void {
  const state = bus();
  state.listeners.add(listener);
  if (close) state.closers.add(close);
  hookShutdown(state);
  void ensureListening(state);
  return () => {
    state.listeners.delete(listener);
    if (close) state.closers.delete(close);
  };
}

/** How long a stopping server with open streams may take to end by itself before it exits anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000;

function hookShutdown(state: Bus): void {
  if (state.shutdownHooked) return;
  state.shutdownHooked = true;
  const closeAll = () => {
    state.shuttingDown = true;
    for (const close of [...state.closers]) close();
    // `next start` then waits for every connection to end, and a tab's kept-alive socket can come back on it
    // (its reconnect, a refetch) for as long as the tab lives: the stop is bounded instead. process.exit runs
    // the before-stop work first (lib/runtime/before-stop.server.ts) when any is registered.
    setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
  };
  process.once("SIGTERM", closeAll);
  process.once("SIGINT", closeAll);
}

/** True once the server was asked to stop: the route refuses new streams with a 503, and the browser reopens elsewhere or later. */
export function liveShuttingDown(): boolean {
  return bus().shuttingDown;
}

/** How many streams this process is feeding (the bench and tests check none leak). */
export function liveListenerCount(): number {
  return bus().listeners.size;
}

/**
 * Records a change and sends it to every open tab. Never fails the write that
 * caused it (that already happened in the CRM): a failure is logged, and the
 * tabs see the change on their next refetch.
 */
export async function publishLiveChange(change: NewLiveChange): Promise<void> {
  try {
    const saved = await appendLiveChange(change);
    deliver(bus(), saved);
    if (serverEnv().DATABASE_URL) {
      const { db } = await appDatabase();
      await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ from: bus().instance, change: saved })})`.execute(db);
    }
  } catch (error) {
    logEvent("error", "live_change_not_published", {
      kind: change.kind,
      record_id: change.recordId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

function deliver(state: Bus, change: LiveChange): void {
  if (state.delivered.has(change.id)) return;
  state.delivered.add(change.id);
  if (state.delivered.size > REMEMBERED) state.delivered.delete(state.delivered.values().next().value!);
  const id = BigInt(change.id);
  if (id > state.highest) state.highest = id;
  for (const listener of state.listeners) {
    try {
      listener(change);
    } catch (error) {
      logEvent("error", "live_listener_failed", { message: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function ensureListening(state: Bus): Promise<void> {
  const databaseUrl = serverEnv().DATABASE_URL;
  if (!databaseUrl || state.connection || state.connecting || state.stopped) return;
  await connect(state, databaseUrl, null);
}

async function connect(state: Bus, databaseUrl: string, replayAfter: bigint | null): Promise<void> {
  state.connecting = true;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  let lost = false;
  let connected = false;
  const retry = () => {
    if (lost || state.stopped) return;
    lost = true;
    if (state.connection === client) state.connection = null;
    state.connecting = false;
    // Replay from where this connection left off; a connection that never came up keeps the earlier mark.
    const after = connected || replayAfter === null ? state.highest : replayAfter;
    client.end().catch(() => undefined);
    setTimeout(() => void connect(state, databaseUrl, after).catch(() => undefined), RECONNECT_MS).unref();
  };
  client.on("notification", (message) => {
    if (message.channel !== LIVE_CHANNEL || !message.payload) return;
    try {
      const { from, change } = JSON.parse(message.payload) as { from: string; change: LiveChange };
      if (from !== state.instance && change?.id) deliver(state, change);
    } catch {
      // Not ours.
    }
  });
  client.on("error", (error) => {
    logEvent("error", "live_listener_lost", { message: error.message });
    retry();
  });
  client.on("end", retry);
  try {
    await client.connect();
    await client.query(`listen ${LIVE_CHANNEL}`);
    state.connection = client;
    state.connecting = false;
    connected = true;
    // The first connection: a later replay starts from here, not from the log's beginning.
    if (state.highest === 0n) state.highest = BigInt(await latestLiveId());
    // Listening again: what was announced while the connection was down is in the log.
    if (replayAfter !== null) await replayFrom(state, replayAfter);
  } catch (error) {
    logEvent("error", "live_listener_failed", { message: error instanceof Error ? error.message : String(error) });
    retry();
  }
}

async function replayFrom(state: Bus, after: bigint): Promise<void> {
  for (let from = after; ;) {
    const changes = await liveChangesAfter(from.toString());
    for (const change of changes) deliver(state, change);
    if (changes.length < MAX_REPLAY) return;
    from = BigInt(changes.at(-1)!.id);
  }
}

/** For tests and a clean stop: closes the listening connection. */
export async function stopLiveBus(): Promise<void> {
  const state = bus();
  state.stopped = true;
  const client = state.connection;
  state.connection = null;
  await client?.end().catch(() => undefined);
}
