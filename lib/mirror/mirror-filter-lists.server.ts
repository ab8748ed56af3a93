import "server-only";
import { sql } from "kysely";
import type { Location } from "@/lib/crm/schemas.server";
import type { Assignee } from "@/lib/jobs/job-types";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { parseMirrorLocation } from "@/lib/mirror/mirror-records.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import type { MirrorAsOf } from "@/lib/mirror/mirror-types";
import { peekSyncRow } from "@/lib/mirror/sync-state.server";

/**
 * The lists the job filters and the job form choose from (locations, the
 * people jobs are assigned to), from the mirror at no CRM request (ADR-018).
 * Only once the mirror has finished a full pass: before that it may hold a
 * few of them only, and the caller asks the CRM as before (null here).
 */
export type MirrorList<Row> = { rows: Row[]; asOf: MirrorAsOf } | null;

const json = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);

async function wholeMirrorAsOf(scope: string): Promise<MirrorAsOf | null> {
  const row = await peekSyncRow(scope);
  if (!row?.lastPassCompletedAt) return null;
  return { oldestConfirmedAt: null, lastFullPassAt: row.lastPassCompletedAt.toISOString(), lastChangesAt: row.lastChangesAt?.toISOString() ?? null };
}

/** The company's locations not deleted, in the CRM's order (newest first). */
export async function mirroredLocations(): Promise<MirrorList<Location>> {
  const scope = currentMirrorScope();
  const asOf = await wholeMirrorAsOf(scope);
  if (!asOf) return null;
  const { db } = await mirrorDatabase();
  const result = await sql<{ record: unknown; confirmed_at: Date | string }>`
    select record, confirmed_at from mirror_locations
    where scope = ${scope} and deleted_at is null
    order by created_at desc nulls last, uuid desc`.execute(db);
  const rows = result.rows.flatMap((row) => {
    const parsed = parseMirrorLocation(json(row.record));
    return parsed.ok && !parsed.value.deleted_at ? [parsed.value] : [];
  });
  return { rows, asOf: { ...asOf, oldestConfirmedAt: oldest(result.rows.map((row) => row.confirmed_at)) } };
}

/**
 * Everyone seen as `assigned_user` on a job the mirror holds (deleted jobs
 * left out), each under the name on their most recently updated job. The
 * CRM has no users endpoint; the newest 100 jobs it was asked for before
 * missed technicians with no recent work.
 */
export async function mirroredAssignees(): Promise<MirrorList<Assignee>> {
  const scope = currentMirrorScope();
  const asOf = await wholeMirrorAsOf(scope);
  if (!asOf) return null;
  const { db } = await mirrorDatabase();
  const result = await sql<{ person: unknown }>`
    with latest as (
      select distinct on (assigned_to_user_id) uuid from mirror_jobs
      where scope = ${scope} and deleted_at is null and assigned_to_user_id is not null
      order by assigned_to_user_id, updated_at desc
    )
    select r.record -> 'assigned_user' as person from latest
    join mirror_records r on r.scope = ${scope} and r.resource = 'jobs' and r.uuid = latest.uuid`.execute(db);
  const rows = result.rows.flatMap((row) => {
    const person = json(row.person) as Partial<Assignee> | null;
    return person && typeof person.id === "string"
      ? [
          {
            id: person.id,
            first_name: typeof person.first_name === "string" ? person.first_name : "",
            last_name: typeof person.last_name === "string" ? person.last_name : "",
          },
        ]
      : [];
  });
  return { rows, asOf };
}

function oldest(times: ReadonlyArray<Date | string>): string | null {
  const values = times.map((at) => new Date(at).getTime());
  return values.length ? new Date(Math.min(...values)).toISOString() : null;
}
