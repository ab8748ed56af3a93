import "server-only";
import { getJob } from "@/lib/crm/jobs.server";
import { CrmError } from "@/lib/crm/errors.server";
import { OPEN_JOB_STATUSES } from "@/lib/jobs/job-enums";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { markDeleted, mirrorUuids } from "@/lib/mirror/mirror-store.server";
import { PAGE_SIZE } from "@/lib/mirror/full-pass.server";
import { syncPage } from "@/lib/mirror/sync-reads.server";
import { addSyncSpend } from "@/lib/mirror/sync-state.server";

/**
 * Changes made elsewhere, between full passes, within the budget:
 *
 * - The heads: lists are newest-created first, so records created elsewhere
 *   (and recent ones edited or deleted) are on the first page(s). Pages are
 *   read until one holds a record the mirror already has with the same
 *   updated_at: everything after it was created earlier and is known.
 * - The open jobs: every job not Complete, re-read whole on its own
 *   interval, since those are the ones that move (status, schedule,
 *   assignee). A job the mirror holds as open that the list no longer
 *   returns was completed (or removed) elsewhere: it is read on its own.
 *
 * Edits to older customers and to completed jobs are seen by the next full pass.
 */
export const MAX_HEAD_PAGES = 5;
/** Individual reads for open jobs that left the open list, per run; the rest wait for the full pass. */
export const MAX_LEFT_OPEN_READS = 20;

export async function pollHeads(scope: string, resource: "customers" | "jobs", now: () => Date): Promise<{ pages: number; changed: number }> {
  let changed = 0;
  for (let page = 1; page <= MAX_HEAD_PAGES; page += 1) {
    // What the mirror knew before this page was written: that is what "unchanged" is judged against.
    const peek = await syncPeek(scope, resource, page, now);
    changed += peek.changed;
    if (peek.reachedKnown || page >= peek.totalPages) return { pages: page, changed };
  }
  return { pages: MAX_HEAD_PAGES, changed };
}

async function syncPeek(scope: string, resource: "customers" | "jobs", page: number, now: () => Date) {
  const before = await knownSnapshot(scope, resource);
  const result = await syncPage(scope, resource, { page, limit: PAGE_SIZE, includeDeleted: true }, now);
  const known = await before(result.uuids);
  let changed = 0;
  let reachedKnown = false;
  for (const [uuid, updatedAt] of result.updatedAt) {
    const previous = known.get(uuid);
    if (previous !== undefined && Date.parse(previous) === Date.parse(updatedAt)) reachedKnown = true;
    else changed += 1;
  }
  return { changed, reachedKnown, totalPages: result.totalPages };
}

/**
 * The mirror's updated_at of the rows a page will carry, read before the page
 * is written. The page's uuids are not known before it is read, so this takes
 * a snapshot of the recent rows (the page covers the newest) and answers from it.
 */
async function knownSnapshot(scope: string, resource: "customers" | "jobs") {
  const { db } = await mirrorDatabase();
  const table = resource === "customers" ? "mirror_customers" : "mirror_jobs";
  const recent = await db
    .selectFrom(table)
    .select(["uuid", "updated_at"])
    .where("scope", "=", scope)
    .orderBy("created_at", "desc")
    .limit(PAGE_SIZE * (MAX_HEAD_PAGES + 1))
    .execute();
  const map = new Map(recent.map((row) => [row.uuid, new Date(row.updated_at).toISOString()]));
  return async (uuids: string[]) => {
    const missing = uuids.filter((uuid) => !map.has(uuid));
    // Older rows edited into the page's range (not among the newest): ask for them too.
    if (missing.length > 0) for (const [uuid, at] of await mirrorUuids(scope, resource, missing)) map.set(uuid, at);
    return map;
  };
}

export async function refreshOpenJobs(scope: string, now: () => Date): Promise<{ pages: number; leftOpen: number }> {
  const startedAt = now();
  const seen = new Set<string>();
  let pages = 0;
  for (let page = 1; ; page += 1) {
    const result = await syncPage(scope, "jobs", { page, limit: PAGE_SIZE, includeDeleted: true, statuses: OPEN_JOB_STATUSES }, now);
    pages += 1;
    for (const uuid of result.uuids) seen.add(uuid);
    if (page >= result.totalPages) break;
  }
  // Open in the mirror, not in the CRM's open list, not confirmed since: completed or removed elsewhere.
  const { db } = await mirrorDatabase();
  const stillOpen = await db
    .selectFrom("mirror_jobs")
    .select("uuid")
    .where("scope", "=", scope)
    .where("status", "in", OPEN_JOB_STATUSES as string[])
    .where("confirmed_at", "<", startedAt)
    .orderBy("updated_at", "desc")
    .limit(MAX_LEFT_OPEN_READS + 1000)
    .execute();
  const left = stillOpen.map((row) => row.uuid).filter((uuid) => !seen.has(uuid));
  for (const uuid of left.slice(0, MAX_LEFT_OPEN_READS)) {
    try {
      // getJob writes the answer through to the mirror (lib/crm's read-through).
      const result = await getJob(uuid, { includeDeleted: true, cache: false });
      await addSyncSpend(scope, result.meta.upstreamCalls, now());
    } catch (error) {
      await addSyncSpend(scope, 1, now());
      if (error instanceof CrmError && error.kind === "not_found") await markDeleted(scope, "jobs", uuid, now());
      else throw error;
    }
  }
  return { pages, leftOpen: left.length };
}
