import "server-only";
import { sql } from "kysely";
import { usageMonth } from "@/lib/crm/usage-meter.server";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import type { SyncProblem, SyncResource } from "@/lib/mirror/mirror-types";

/**
 * The sync's memory in the app database (table mirror_sync, one row per
 * scope): settings, the full pass in progress, its clocks; what it spent per
 * month; the problems it met. Kept in the database, not in the process, so a
 * restart resumes where it stopped and every instance sees the same state.
 */
export interface PassState {
  id: string;
  startedAt: string;
  reason: "initial" | "scheduled" | "manual";
  resources: Array<{ resource: SyncResource; total: number | null; totalPages: number | null; donePages: number[] }>;
  /** Records refused by validation in this pass: not removed as gone, listed as problems. */
  skipped: Array<{ resource: SyncResource; uuid: string }>;
  /** Time spent working on this pass (not counting time stopped), for the time-left estimate. */
  workedMs: number;
}

export interface SyncRow {
  scope: string;
  budgetShare: number;
  paused: boolean;
  haltedReason: string | null;
  haltedAt: Date | null;
  pass: PassState | null;
  lastPassStartedAt: Date | null;
  lastPassCompletedAt: Date | null;
  lastChangesAt: Date | null;
  lastOpenJobsAt: Date | null;
  lastRunAt: Date | null;
  lastError: string | null;
}

export const DEFAULT_BUDGET_SHARE = 0.2;
const KEPT_PROBLEMS = 200;

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

export async function loadSyncRow(scope: string): Promise<SyncRow> {
  const { db } = await mirrorDatabase();
  await db
    .insertInto("mirror_sync")
    .values({
      scope,
      pass: null,
      halted_reason: null,
      halted_at: null,
      last_pass_started_at: null,
      last_pass_completed_at: null,
      last_changes_at: null,
      last_open_jobs_at: null,
      last_run_at: null,
      last_error: null,
    })
    .onConflict((conflict) => conflict.column("scope").doNothing())
    .execute();
  const row = await db.selectFrom("mirror_sync").selectAll().where("scope", "=", scope).executeTakeFirstOrThrow();
  return {
    scope,
    budgetShare: Number(row.budget_share),
    paused: row.paused,
    haltedReason: row.halted_reason,
    haltedAt: date(row.halted_at),
    pass: (typeof row.pass === "string" ? JSON.parse(row.pass) : row.pass) as PassState | null,
    lastPassStartedAt: date(row.last_pass_started_at),
    lastPassCompletedAt: date(row.last_pass_completed_at),
    lastChangesAt: date(row.last_changes_at),
    lastOpenJobsAt: date(row.last_open_jobs_at),
    lastRunAt: date(row.last_run_at),
    lastError: row.last_error,
  };
}

/** The clocks of a scope's sync without creating its row (queries read this on every answer). */
export async function peekSyncRow(scope: string): Promise<{ lastPassCompletedAt: Date | null; lastChangesAt: Date | null } | null> {
  const { db } = await mirrorDatabase();
  const row = await db.selectFrom("mirror_sync").select(["last_pass_completed_at", "last_changes_at"]).where("scope", "=", scope).executeTakeFirst();
  return row ? { lastPassCompletedAt: date(row.last_pass_completed_at), lastChangesAt: date(row.last_changes_at) } : null;
}

export interface SyncRowPatch {
  budgetShare?: number;
  paused?: boolean;
  haltedReason?: string | null;
  haltedAt?: Date | null;
  pass?: PassState | null;
  lastPassStartedAt?: Date | null;
  lastPassCompletedAt?: Date | null;
  lastChangesAt?: Date | null;
  lastOpenJobsAt?: Date | null;
  lastRunAt?: Date | null;
  lastError?: string | null;
}

export async function updateSyncRow(scope: string, patch: SyncRowPatch): Promise<void> {
  await loadSyncRow(scope);
  const { db } = await mirrorDatabase();
  const values: Record<string, unknown> = { updated_at: sql`now()` };
  if (patch.budgetShare !== undefined) values.budget_share = patch.budgetShare;
  if (patch.paused !== undefined) values.paused = patch.paused;
  if (patch.haltedReason !== undefined) values.halted_reason = patch.haltedReason;
  if (patch.haltedAt !== undefined) values.halted_at = patch.haltedAt;
  if (patch.pass !== undefined) values.pass = patch.pass === null ? null : JSON.stringify(patch.pass);
  if (patch.lastPassStartedAt !== undefined) values.last_pass_started_at = patch.lastPassStartedAt;
  if (patch.lastPassCompletedAt !== undefined) values.last_pass_completed_at = patch.lastPassCompletedAt;
  if (patch.lastChangesAt !== undefined) values.last_changes_at = patch.lastChangesAt;
  if (patch.lastOpenJobsAt !== undefined) values.last_open_jobs_at = patch.lastOpenJobsAt;
  if (patch.lastRunAt !== undefined) values.last_run_at = patch.lastRunAt;
  if (patch.lastError !== undefined) values.last_error = patch.lastError;
  await db.updateTable("mirror_sync").set(values).where("scope", "=", scope).execute();
}

export async function addSyncSpend(scope: string, requests: number, at: Date): Promise<void> {
  if (requests <= 0) return;
  const { db } = await mirrorDatabase();
  await db
    .insertInto("mirror_sync_usage")
    .values({ scope, month: usageMonth(at), request_count: requests })
    .onConflict((conflict) => conflict.columns(["scope", "month"]).doUpdateSet({ request_count: sql`mirror_sync_usage.request_count + ${requests}` }))
    .execute();
}

export async function syncSpend(scope: string, at: Date): Promise<number> {
  const { db } = await mirrorDatabase();
  const row = await db
    .selectFrom("mirror_sync_usage")
    .select("request_count")
    .where("scope", "=", scope)
    .where("month", "=", usageMonth(at))
    .executeTakeFirst();
  return row?.request_count ?? 0;
}

export async function recordProblem(scope: string, problem: Omit<SyncProblem, "id" | "occurredAt">): Promise<void> {
  const { db } = await mirrorDatabase();
  // The same problem met again (the same bad record on every pass) is one entry, moved to the top.
  const again = await db
    .updateTable("mirror_sync_problems")
    .set({ occurred_at: sql`now()` })
    .where("scope", "=", scope)
    .where("kind", "=", problem.kind)
    .where("message", "=", problem.message)
    .where((eb) => (problem.uuid === null ? eb("uuid", "is", null) : eb("uuid", "=", problem.uuid)))
    .executeTakeFirst();
  if (Number(again.numUpdatedRows) > 0) return;
  await db
    .insertInto("mirror_sync_problems")
    .values({ scope, kind: problem.kind, resource: problem.resource, uuid: problem.uuid, message: problem.message })
    .execute();
  // Bounded: the newest problems are the ones anyone acts on.
  await sql`
    delete from mirror_sync_problems where scope = ${scope} and id not in (
      select id from mirror_sync_problems where scope = ${scope} order by occurred_at desc, id desc limit ${KEPT_PROBLEMS}
    )
  `.execute(db);
}

export async function listProblems(scope: string, limit = 50): Promise<SyncProblem[]> {
  const { db } = await mirrorDatabase();
  const rows = await db
    .selectFrom("mirror_sync_problems")
    .selectAll()
    .where("scope", "=", scope)
    .orderBy("occurred_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    occurredAt: new Date(row.occurred_at).toISOString(),
    kind: row.kind as SyncProblem["kind"],
    resource: row.resource,
    uuid: row.uuid,
    message: row.message,
  }));
}

export async function clearProblems(scope: string): Promise<void> {
  const { db } = await mirrorDatabase();
  await db.deleteFrom("mirror_sync_problems").where("scope", "=", scope).execute();
}
