import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { removeUnconfirmed, tidyMirror } from "@/lib/mirror/mirror-store.server";
import { SYNC_RESOURCES, type SyncResource } from "@/lib/mirror/mirror-types";
import { syncPage } from "@/lib/mirror/sync-reads.server";
import { loadSyncRow, recordProblem, updateSyncRow, type PassState } from "@/lib/mirror/sync-state.server";
import { CrmError } from "@/lib/crm/errors.server";

/**
 * The full pass: every location, customer and job of the company, deleted
 * ones included, 100 a page, at most `concurrency` requests in flight. The
 * pages done are saved after each one, so a pass stopped by a restart (or an
 * abort) resumes from there; a page read twice is harmless (upserts).
 *
 * Pages are newest first. A record created during the pass pushes older ones
 * one place down the list, so pages still to read never lose a record, and a
 * record pushed across into a page already read is caught by the count check
 * at the end (see removeGone) and by the next pass.
 */
export const PAGE_SIZE = 100;
export const PASS_PAGE_ATTEMPTS = 4;

export interface PassDeps {
  scope: string;
  now: () => Date;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal | undefined;
  concurrency?: number | undefined;
}

export type PassOutcome =
  { state: "complete"; removed: number } | { state: "halted"; reason: "usage_limit" | "crm_error"; message: string } | { state: "aborted" };

/** Page-level failures the pass waits out and tries again; anything else stops it with a problem. */
function transient(error: unknown): boolean {
  return (
    error instanceof CrmError &&
    (error.kind === "unavailable" || error.kind === "rate_limited" || error.kind === "conflict" || error.kind === "invalid_response")
  );
}

class Halt extends Error {
  constructor(
    readonly reason: "usage_limit" | "crm_error",
    message: string,
  ) {
    super(message);
  }
}

export function newPass(now: Date, reason: PassState["reason"]): PassState {
  return {
    id: randomUUID(),
    startedAt: now.toISOString(),
    reason,
    resources: SYNC_RESOURCES.map((resource) => ({ resource, total: null, totalPages: null, donePages: [] })),
    skipped: [],
    workedMs: 0,
  };
}

export async function runFullPass(deps: PassDeps, reason: PassState["reason"] = "scheduled"): Promise<PassOutcome> {
  const { scope, now } = deps;
  const row = await loadSyncRow(scope);
  const pass: PassState = row.pass ?? newPass(now(), reason);
  if (!row.pass) await updateSyncRow(scope, { pass, lastPassStartedAt: new Date(pass.startedAt) });

  // Saves are chained so two pages finishing together never write an older state over a newer one.
  let saving = Promise.resolve();
  let checkpoint = Date.now();
  const save = () => {
    const worked = Date.now() - checkpoint;
    checkpoint = Date.now();
    pass.workedMs += worked;
    const snapshot = structuredClone(pass);
    saving = saving.then(() => updateSyncRow(scope, { pass: snapshot }));
    return saving;
  };

  try {
    for (const progress of pass.resources) {
      await passResource(deps, pass, progress, save);
    }
  } catch (error) {
    await save();
    if (deps.signal?.aborted) return { state: "aborted" };
    if (error instanceof Halt) return { state: "halted", reason: error.reason, message: error.message };
    throw error;
  }
  await saving;

  const removed = await removeGone(deps, pass);
  await updateSyncRow(scope, { pass: null, lastPassCompletedAt: now(), lastError: null });
  await tidyMirror();
  return { state: "complete", removed };
}

async function passResource(deps: PassDeps, pass: PassState, progress: PassState["resources"][number], save: () => Promise<void>) {
  const done = new Set(progress.donePages);
  const readPage = async (page: number) => {
    const result = await readWithRetries(deps, progress.resource, page);
    progress.total = result.total;
    // The list may grow during the pass: follow it to its current end.
    progress.totalPages = Math.max(progress.totalPages ?? 0, result.totalPages);
    for (const uuid of result.skipped) pass.skipped.push({ resource: progress.resource, uuid });
    done.add(page);
    progress.donePages = [...done].sort((a, b) => a - b);
    await save();
  };

  if (progress.totalPages === null) await readPage(1);
  let next = 1;
  const take = () => {
    while (next <= (progress.totalPages ?? 0) && done.has(next)) next += 1;
    if (next > (progress.totalPages ?? 0)) return null;
    const page = next;
    next += 1;
    return page;
  };
  const inFlight = new Set<number>();
  const worker = async () => {
    for (let page = take(); page !== null; page = take()) {
      if (deps.signal?.aborted) throw deps.signal.reason ?? new Error("aborted");
      inFlight.add(page);
      try {
        await readPage(page);
      } finally {
        inFlight.delete(page);
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, deps.concurrency ?? 2) }, worker);
  // allSettled, then rethrow: the other worker finishes its page (and saves it) before the pass stops.
  const results = await Promise.allSettled(workers);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

async function readWithRetries(deps: PassDeps, resource: SyncResource, page: number) {
  for (let attempt = 1; ; attempt += 1) {
    if (deps.signal?.aborted) throw deps.signal.reason ?? new Error("aborted");
    try {
      return await syncPage(deps.scope, resource, { page, limit: PAGE_SIZE, includeDeleted: true }, deps.now, "changed");
    } catch (error) {
      if (error instanceof CrmError && error.kind === "usage_limit") {
        throw new Halt("usage_limit", "The CRM's monthly request limit is reached: sync stopped until it resets or someone resumes it.");
      }
      if (!transient(error) || attempt >= PASS_PAGE_ATTEMPTS) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Halt("crm_error", `Page ${page} of ${resource} could not be read: ${message}`);
      }
      // The CRM's own retries (lib/crm) already failed: wait longer before the pass tries the page again.
      await deps.sleep(1_000 * 2 ** (attempt - 1), deps.signal);
    }
  }
}

/**
 * Rows the finished pass never saw. The CRM only soft-deletes, so they were
 * removed some other way; they are dropped, but only when the pass saw as many
 * records as the CRM says there are (a record skipped by a shift of pages is
 * not "gone": the next pass will see it).
 */
async function removeGone(deps: PassDeps, pass: PassState): Promise<number> {
  const { db } = await mirrorDatabase();
  const startedAt = new Date(pass.startedAt);
  let removed = 0;
  for (const progress of pass.resources) {
    const table = sql.table(`mirror_${progress.resource}`);
    const seen = await sql<{
      count: string;
    }>`select count(*)::text as count from ${table} where scope = ${deps.scope} and confirmed_at >= ${startedAt.toISOString()}::timestamptz`.execute(db);
    const skipped = pass.skipped.filter((entry) => entry.resource === progress.resource).map((entry) => entry.uuid);
    const seenCount = Number(seen.rows[0]?.count ?? 0) + new Set(skipped).size;
    if (progress.total !== null && seenCount < progress.total) {
      await recordProblem(deps.scope, {
        kind: "incomplete_pass",
        resource: progress.resource,
        uuid: null,
        message: `The pass saw ${seenCount} of ${progress.total} ${progress.resource} (records moved between pages while it ran); the next pass catches up.`,
      });
      continue;
    }
    const gone = await removeUnconfirmed(deps.scope, progress.resource, startedAt, skipped);
    if (gone.length > 0) {
      removed += gone.length;
      await recordProblem(deps.scope, {
        kind: "removed",
        resource: progress.resource,
        uuid: gone.length === 1 ? (gone[0] ?? null) : null,
        message: `${gone.length} ${progress.resource} no longer in the CRM at all (not even deleted) were removed from the mirror.`,
      });
    }
  }
  return removed;
}
