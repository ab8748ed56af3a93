import "server-only";
import { sql } from "kysely";
import type { Assignee } from "@/lib/jobs/job-types";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";

/**
 * Everyone the mirror has seen assigned to a job that is not deleted: the
 * CRM has no users endpoint, so this is the whole crew it can tell us about.
 * The distinct ids are read by a skip scan of the assignee index (one index
 * probe per person, not a pass over every job), each with the name on one of
 * their jobs.
 */
export async function mirrorAssignees(options: { scope?: string } = {}): Promise<Assignee[]> {
  const scope = options.scope ?? currentMirrorScope();
  const { db } = await mirrorDatabase();
  const result = await sql<{ id: string; person: { first_name?: unknown; last_name?: unknown } | null; assignee_name: string | null }>`
    with recursive ids(id) as (
      (select assigned_to_user_id from mirror_jobs
        where scope = ${scope} and deleted_at is null and assigned_to_user_id is not null
        order by assigned_to_user_id limit 1)
      union all
      select (select assigned_to_user_id from mirror_jobs
        where scope = ${scope} and deleted_at is null and assigned_to_user_id > ids.id
        order by assigned_to_user_id limit 1)
      from ids where ids.id is not null
    )
    select ids.id, records.record -> 'assigned_user' as person, job.assignee_name
    from ids
    cross join lateral (
      select uuid, assignee_name from mirror_jobs
      where scope = ${scope} and deleted_at is null and assigned_to_user_id = ids.id limit 1
    ) job
    left join mirror_records records on records.scope = ${scope} and records.resource = 'jobs' and records.uuid = job.uuid
    where ids.id is not null`.execute(db);
  return result.rows.map((row) => {
    const first = typeof row.person?.first_name === "string" ? row.person.first_name : null;
    const last = typeof row.person?.last_name === "string" ? row.person.last_name : null;
    // The row keeps the name lower-cased for sorting; the record has it as written.
    return first !== null || last !== null
      ? { id: row.id, first_name: first ?? "", last_name: last ?? "" }
      : { id: row.id, first_name: row.assignee_name ?? "", last_name: "" };
  });
}
