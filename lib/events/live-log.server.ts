import "server-only";
import { sql } from "kysely";
import { appDatabase } from "@/lib/db/app-database.server";
import type { LiveChange, LiveRecordKind, LiveSource } from "@/lib/events/live-event-types";

/**
 * The live events' log (table live_events, migration 012): every change sent
 * to open tabs is written here first, so a tab that lost its stream, or an
 * instance that lost its LISTEN connection, reads what it missed by id.
 */
export const LIVE_RETENTION_MS = 24 * 60 * 60 * 1000;
/** At most one prune per this interval per process: a delete per write would be wasted work. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** A replay longer than this is not worth sending event by event: the tab refetches everything instead. */
export const MAX_REPLAY = 500;

export interface NewLiveChange {
  kind: LiveRecordKind;
  recordId: string;
  action: string;
  fields: readonly string[];
  actor: { id: string | null; name: string };
  source: LiveSource;
}

interface Row {
  id: string;
  occurred_at: Date | string;
  record_kind: LiveRecordKind;
  record_id: string;
  action: string;
  fields: string[];
  actor_user_id: string | null;
  actor_name: string;
  source: LiveSource;
}

function toChange(row: Row): LiveChange {
  return {
    id: String(row.id),
    at: new Date(row.occurred_at).toISOString(),
    kind: row.record_kind,
    recordId: row.record_id,
    action: row.action,
    fields: row.fields,
    actor: { id: row.actor_user_id, name: row.actor_name },
    source: row.source,
  };
}

export async function appendLiveChange(change: NewLiveChange): Promise<LiveChange> {
  const { db } = await appDatabase();
  const row = await db
    .insertInto("live_events")
    .values({
      record_kind: change.kind,
      record_id: change.recordId,
      action: change.action,
      fields: [...change.fields],
      actor_user_id: change.actor.id,
      actor_name: change.actor.name,
      source: change.source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  void pruneNowAndThen();
  return toChange(row as Row);
}

/** The changes after `afterId`, oldest first, up to `limit`. */
export async function liveChangesAfter(afterId: string, limit = MAX_REPLAY): Promise<LiveChange[]> {
  const { db } = await appDatabase();
  const rows = await db.selectFrom("live_events").selectAll().where("id", ">", afterId).orderBy("id").limit(limit).execute();
  return (rows as Row[]).map(toChange);
}

/** The newest id in the log ("0" when empty): where a fresh stream starts. */
export async function latestLiveId(): Promise<string> {
  const { db } = await appDatabase();
  const row = await db
    .selectFrom("live_events")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return row?.id ? String(row.id) : "0";
}

/**
 * What a tab resuming after `lastId` gets: the changes it missed, or "reset"
 * when some of them are no longer kept (pruned, or more than MAX_REPLAY), or
 * when the id is not one this log gave (a newer id than any: the database was
 * replaced). Ids are bigserial: a gap (a rolled-back insert) only costs a reset.
 */
export async function resumeAfter(lastId: string): Promise<{ kind: "replay"; changes: LiveChange[] } | { kind: "reset" }> {
  const { db } = await appDatabase();
  const bounds = await sql<{ oldest: string | null; newest: string | null }>`select min(id)::text as oldest, max(id)::text as newest from live_events`.execute(
    db,
  );
  const { oldest, newest } = bounds.rows[0] ?? { oldest: null, newest: null };
  const last = BigInt(lastId);
  if (newest === null) {
    // An empty log: nothing missed only if lastId is the last id ever given (else pruned since, or another database).
    const sequence = await sql<{ value: string }>`select (case when is_called then last_value else 0 end)::text as value from live_events_id_seq`.execute(db);
    return BigInt(sequence.rows[0]?.value ?? "0") === last ? { kind: "replay", changes: [] } : { kind: "reset" };
  }
  if (last > BigInt(newest)) return { kind: "reset" };
  if (BigInt(oldest!) > last + 1n) return { kind: "reset" };
  const changes = await liveChangesAfter(lastId, MAX_REPLAY + 1);
  return changes.length > MAX_REPLAY ? { kind: "reset" } : { kind: "replay", changes };
}

/** Deletes what is older than the retention; returns how many rows went. */
export async function pruneLiveChanges(now = new Date(), retentionMs = LIVE_RETENTION_MS): Promise<number> {
  const { db } = await appDatabase();
  const result = await db
    .deleteFrom("live_events")
    .where("occurred_at", "<", new Date(now.getTime() - retentionMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

const holder = globalThis as typeof globalThis & { __tradesdeskLivePrunedAt?: number };
async function pruneNowAndThen(): Promise<void> {
  const now = Date.now();
  if ((holder.__tradesdeskLivePrunedAt ?? 0) > now - PRUNE_EVERY_MS) return;
  holder.__tradesdeskLivePrunedAt = now;
  await pruneLiveChanges().catch(() => undefined);
}
