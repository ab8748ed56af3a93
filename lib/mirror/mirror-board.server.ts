import "server-only";
import { sql, type RawBuilder } from "kysely";
import type { JobListItem } from "@/lib/crm/schemas.server";
import { JOB_STATUSES, type JobPriority, type JobStatus } from "@/lib/jobs/job-enums";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { parseMirrorJob } from "@/lib/mirror/mirror-records.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { recordsOf } from "@/lib/mirror/mirror-store.server";
import { cachedTotal } from "@/lib/mirror/mirror-totals.server";
import { peekSyncRow } from "@/lib/mirror/sync-state.server";
import type { MirrorAsOf } from "@/lib/mirror/mirror-types";

/**
 * The job board's part of the mirror (ADR-018): each status's count for the
 * board's filters (the CRM has no count endpoint, and one list per status
 * only to read its total was most of the board's cost), and, when the CRM
 * cannot answer, each column's first cards in the CRM's own order.
 */
export interface BoardMirrorFilters {
  priority?: JobPriority | undefined;
  location_uuid?: string | undefined;
  assigned_to_user_id?: string | undefined;
  customer_uuid?: string | undefined;
  search?: string | undefined;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`);

function boardWhere(scope: string, filters: BoardMirrorFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`scope = ${scope}`, sql`deleted_at is null`];
  if (filters.priority) parts.push(sql`priority = ${filters.priority}`);
  if (filters.location_uuid) parts.push(sql`location_uuid = ${filters.location_uuid.toLowerCase()}`);
  if (filters.assigned_to_user_id) parts.push(sql`assigned_to_user_id = ${filters.assigned_to_user_id}`);
  if (filters.customer_uuid) parts.push(sql`customer_uuid = ${filters.customer_uuid.toLowerCase()}`);
  // The CRM's job search (CRM-API decision 5): a substring of title, description or job number.
  if (filters.search) parts.push(sql`search_text like ${`%${escapeLike(filters.search.toLowerCase())}%`}`);
  return sql.join(parts, sql` and `);
}

async function asOf(scope: string, confirmed: ReadonlyArray<Date | string>): Promise<MirrorAsOf> {
  const row = await peekSyncRow(scope);
  const times = confirmed.map((at) => new Date(at).getTime());
  return {
    oldestConfirmedAt: times.length ? new Date(Math.min(...times)).toISOString() : null,
    lastFullPassAt: row?.lastPassCompletedAt?.toISOString() ?? null,
    lastChangesAt: row?.lastChangesAt?.toISOString() ?? null,
  };
}

/** Jobs of each status for these filters, kept until the mirror is next written (mirror-totals). */
export async function boardCountsFromMirror(filters: BoardMirrorFilters): Promise<{ counts: Record<JobStatus, number>; asOf: MirrorAsOf }> {
  const scope = currentMirrorScope();
  const { db } = await mirrorDatabase();
  const where = boardWhere(scope, filters);
  const rows = await cachedTotal(scope, `board counts ${JSON.stringify(filters)}`, async () => {
    const result = await sql<{ status: string; count: string }>`select status, count(*)::text as count from mirror_jobs where ${where} group by status`.execute(
      db,
    );
    return result.rows;
  });
  const byStatus = new Map(rows.map((row) => [row.status, Number(row.count)]));
  const counts = Object.fromEntries(JOB_STATUSES.map((status) => [status, byStatus.get(status) ?? 0])) as Record<JobStatus, number>;
  return { counts, asOf: await asOf(scope, []) };
}

/** Each column's first `limit` cards as the CRM would list them (newest created first, uuid descending), for when it cannot. */
export async function boardColumnsFromMirror(
  filters: BoardMirrorFilters,
  limit: number,
): Promise<{ columns: Record<JobStatus, JobListItem[]>; counts: Record<JobStatus, number>; asOf: MirrorAsOf }> {
  const scope = currentMirrorScope();
  const { db } = await mirrorDatabase();
  const where = boardWhere(scope, filters);
  const result = await sql<{ uuid: string; status: string; confirmed_at: Date | string }>`
    select uuid, status, confirmed_at from (
      select uuid, status, confirmed_at, row_number() over (partition by status order by created_at desc, uuid desc) as place
      from mirror_jobs where ${where}
    ) ranked where place <= ${limit} order by status, place`.execute(db);
  const records = await recordsOf(
    scope,
    "jobs",
    result.rows.map((row) => row.uuid),
  );
  const columns = Object.fromEntries(JOB_STATUSES.map((status) => [status, [] as JobListItem[]])) as Record<JobStatus, JobListItem[]>;
  for (const row of result.rows) {
    const parsed = parseMirrorJob(records.get(row.uuid));
    if (parsed.ok) columns[row.status as JobStatus]?.push(parsed.value);
  }
  const { counts } = await boardCountsFromMirror(filters);
  return {
    columns,
    counts,
    asOf: await asOf(
      scope,
      result.rows.map((row) => row.confirmed_at),
    ),
  };
}
