import "server-only";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { logEvent } from "@/lib/api/logger.server";
import type { Customer, JobListItem, Location } from "@/lib/crm/schemas.server";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { customerRow, jobRow, locationRow } from "@/lib/mirror/mirror-records.server";
import { mirrorChanged } from "@/lib/mirror/mirror-totals.server";

/**
 * Writes into the mirror. Every write is an upsert that only moves a row
 * forward: an answer read before a newer one was stored (a slow list racing a
 * save) never overwrites it. A row set provisionally from a DELETE's answer
 * only gives way to a strictly newer record.
 */

function newestByUuid<Row extends { uuid: string; updated_at: string | null }>(rows: Row[]): Row[] {
  const byUuid = new Map<string, Row>();
  for (const row of rows) {
    const seen = byUuid.get(row.uuid);
    if (!seen || Date.parse(row.updated_at ?? "") > Date.parse(seen.updated_at ?? "")) byUuid.set(row.uuid, row);
  }
  return [...byUuid.values()];
}

const recordsJson = <Row extends { record: string }>(rows: Row[]) =>
  // record is already JSON text: splice it in as an object, not a string.
  `[${rows.map(({ record, ...rest }) => `${JSON.stringify({ ...rest, record_hash: rowHash(rest, record) }).slice(0, -1)},"record":${record}}`).join(",")}]`;

/**
 * record_hash: of the row as written, the record and every column derived from it, so a record read
 * again unchanged is told apart, and a change in how a column is derived still rewrites the row once.
 */
const rowHash = (columns: object, record: string) => createHash("sha1").update(JSON.stringify(columns)).update(record).digest("base64");

export async function upsertCustomers(scope: string, customers: readonly Customer[], confirmedAt: Date): Promise<number> {
  if (customers.length === 0) return 0;
  const rows = newestByUuid(customers.map(customerRow));
  const { db } = await mirrorDatabase();
  const result = await sql`
    with r as (
      select * from jsonb_to_recordset(${recordsJson(rows)}::jsonb) as r(uuid text, record jsonb, record_hash text, first_name text, last_name text, sort_name text,
        company_name text, email text, phone text, phone_digits text, customer_type text, is_vip boolean, city text, zip text, state text,
        tags text[], lead_source text, email_opt_in boolean, sms_opt_in boolean, search_text text, physical_text text, billing_text text,
        created_at timestamptz, updated_at timestamptz, deleted_at timestamptz)
    ), ${confirmedAgain(scope, "customers", rows, confirmedAt)}, moved as (
    insert into mirror_customers as m (scope, uuid, record_hash, first_name, last_name, sort_name, company_name, email, phone, phone_digits,
      customer_type, is_vip, city, zip, state, tags, lead_source, email_opt_in, sms_opt_in, search_text, physical_text, billing_text,
      created_at, updated_at, deleted_at, confirmed_at, provisional)
    select ${scope}, r.uuid, r.record_hash, r.first_name, r.last_name, r.sort_name, r.company_name, r.email, r.phone, r.phone_digits,
      r.customer_type, r.is_vip, r.city, r.zip, r.state, r.tags, r.lead_source, r.email_opt_in, r.sms_opt_in, r.search_text, r.physical_text, r.billing_text,
      r.created_at, r.updated_at, r.deleted_at, ${confirmedAt.toISOString()}::timestamptz, false
    from r where r.uuid not in (select uuid from same)
    on conflict (scope, uuid) do update set
      first_name = excluded.first_name, last_name = excluded.last_name, sort_name = excluded.sort_name,
      company_name = excluded.company_name, email = excluded.email, phone = excluded.phone, phone_digits = excluded.phone_digits,
      customer_type = excluded.customer_type, is_vip = excluded.is_vip, city = excluded.city, zip = excluded.zip, state = excluded.state,
      tags = excluded.tags, lead_source = excluded.lead_source, email_opt_in = excluded.email_opt_in, sms_opt_in = excluded.sms_opt_in,
      search_text = excluded.search_text, physical_text = excluded.physical_text, billing_text = excluded.billing_text,
      created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at,
      confirmed_at = greatest(m.confirmed_at, excluded.confirmed_at), provisional = false, record_hash = excluded.record_hash
    where m.updated_at < excluded.updated_at or (m.updated_at = excluded.updated_at and not m.provisional)
    returning m.uuid
    )
    ${storeRecords(scope, "customers")}
  `.execute(db);
  return changedRows(scope, result.numAffectedRows);
}

/**
 * The CTEs `same` and `confirmed` for an upsert whose incoming rows are `r`:
 * rows the mirror already holds exactly as the CRM answered (same updated_at,
 * same record, not a provisional deletion) only have their confirmation moved
 * forward, which, with no index on confirmed_at (migration 013), rewrites the
 * row in place and touches no index. Reading records again is what most
 * answers do; only the rest go through the full upsert. A job's record also
 * embeds its customer and technician, which can change without the job's
 * updated_at: comparing the rows (by their hash, record_hash) catches that.
 */
function confirmedAgain(scope: string, resource: "customers" | "jobs", rows: ReadonlyArray<{ uuid: string }>, confirmedAt: Date) {
  const table = sql.table(`mirror_${resource}`);
  // The uuids again as an array: with it the planner looks each row up by key; joined to a function's rows
  // alone, it hashed every row of the scope.
  const uuids = sql.val(rows.map((row) => row.uuid));
  return sql`same as (
      select m.uuid from ${table} m join r on r.uuid = m.uuid
      where m.scope = ${scope} and m.uuid = any(${uuids}::text[])
        and m.updated_at = r.updated_at and not m.provisional and m.record_hash = r.record_hash
    ), confirmed as (
      update ${table} m set confirmed_at = ${confirmedAt.toISOString()}::timestamptz
      where m.scope = ${scope} and m.uuid = any(${uuids}::text[]) and m.uuid in (select uuid from same)
        and m.confirmed_at < ${confirmedAt.toISOString()}::timestamptz
    )`;
}

/** Rows whose content moved: only those change what the mirror's lists and totals show. */
function changedRows(scope: string, affected: bigint | undefined): number {
  const changed = Number(affected ?? 0);
  if (changed > 0) mirrorChanged(scope);
  return changed;
}

/** The records of the rows the upsert moved (RETURNING leaves out those its WHERE kept as they were). */
function storeRecords(scope: string, resource: "customers" | "jobs") {
  return sql`
    insert into mirror_records as x (scope, resource, uuid, record)
    select ${scope}, ${resource}, r.uuid, r.record from r join moved on moved.uuid = r.uuid
    on conflict (scope, resource, uuid) do update set record = excluded.record`;
}

export async function upsertJobs(scope: string, jobs: readonly JobListItem[], confirmedAt: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = newestByUuid(jobs.map(jobRow));
  const { db } = await mirrorDatabase();
  const result = await sql`
    with r as (
      select * from jsonb_to_recordset(${recordsJson(rows)}::jsonb) as r(uuid text, record jsonb, record_hash text, job_number text, title text, customer_uuid text,
        customer_name text, customer_sort text, location_uuid text, status text, priority text, priority_rank smallint, status_rank smallint, is_urgent boolean,
        is_emergency boolean, city text, zip text, scheduled_date date, scheduled_time_start text, scheduled_time_end text,
        assigned_to_user_id text, assignee_name text, estimated_amount numeric, search_text text, address_text text,
        created_at timestamptz, updated_at timestamptz, deleted_at timestamptz)
    ), ${confirmedAgain(scope, "jobs", rows, confirmedAt)}, moved as (
    insert into mirror_jobs as m (scope, uuid, record_hash, job_number, title, customer_uuid, customer_name, customer_sort, location_uuid, status, priority,
      priority_rank, status_rank, is_urgent, is_emergency, city, zip, scheduled_date, scheduled_time_start, scheduled_time_end,
      assigned_to_user_id, assignee_name, estimated_amount, search_text, address_text, created_at, updated_at, deleted_at, confirmed_at, provisional)
    select ${scope}, r.uuid, r.record_hash, r.job_number, r.title, r.customer_uuid, r.customer_name, r.customer_sort, r.location_uuid, r.status, r.priority,
      r.priority_rank, r.status_rank, r.is_urgent, r.is_emergency, r.city, r.zip, r.scheduled_date, r.scheduled_time_start, r.scheduled_time_end,
      r.assigned_to_user_id, r.assignee_name, r.estimated_amount, r.search_text, r.address_text, r.created_at, r.updated_at, r.deleted_at, ${confirmedAt.toISOString()}::timestamptz, false
    from r where r.uuid not in (select uuid from same)
    on conflict (scope, uuid) do update set
      job_number = excluded.job_number, title = excluded.title, customer_uuid = excluded.customer_uuid,
      customer_name = excluded.customer_name, customer_sort = excluded.customer_sort, location_uuid = excluded.location_uuid, status = excluded.status, priority = excluded.priority,
      priority_rank = excluded.priority_rank, status_rank = excluded.status_rank, is_urgent = excluded.is_urgent, is_emergency = excluded.is_emergency,
      city = excluded.city, zip = excluded.zip, scheduled_date = excluded.scheduled_date, scheduled_time_start = excluded.scheduled_time_start,
      scheduled_time_end = excluded.scheduled_time_end, assigned_to_user_id = excluded.assigned_to_user_id, assignee_name = excluded.assignee_name,
      estimated_amount = excluded.estimated_amount, search_text = excluded.search_text, address_text = excluded.address_text,
      created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at,
      confirmed_at = greatest(m.confirmed_at, excluded.confirmed_at), provisional = false, record_hash = excluded.record_hash
    where m.updated_at < excluded.updated_at or (m.updated_at = excluded.updated_at and not m.provisional)
    returning m.uuid
    )
    ${storeRecords(scope, "jobs")}
  `.execute(db);
  return changedRows(scope, result.numAffectedRows);
}

export async function upsertLocations(scope: string, locations: readonly Location[], confirmedAt: Date): Promise<number> {
  if (locations.length === 0) return 0;
  const rows = newestByUuid(locations.map(locationRow));
  const { db } = await mirrorDatabase();
  const result = await sql`
    insert into mirror_locations as m (scope, uuid, record, name, address_text, created_at, updated_at, deleted_at, confirmed_at)
    select ${scope}, r.uuid, r.record, r.name, r.address_text, r.created_at, r.updated_at, r.deleted_at, ${confirmedAt.toISOString()}::timestamptz
    from jsonb_to_recordset(${recordsJson(rows)}::jsonb) as r(uuid text, record jsonb, name text, address_text text,
      created_at timestamptz, updated_at timestamptz, deleted_at timestamptz)
    on conflict (scope, uuid) do update set
      record = excluded.record, name = excluded.name, address_text = excluded.address_text, created_at = excluded.created_at,
      updated_at = excluded.updated_at, deleted_at = excluded.deleted_at, confirmed_at = greatest(m.confirmed_at, excluded.confirmed_at)
    where m.updated_at is null or excluded.updated_at is null or m.updated_at <= excluded.updated_at
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * A DELETE answers only a message: the row is marked deleted at the
 * dashboard's clock, provisionally, until the CRM's record is next read.
 */
export async function markDeleted(scope: string, resource: "customers" | "jobs", uuid: string, at: Date): Promise<void> {
  const { db } = await mirrorDatabase();
  const table = resource === "customers" ? sql.table("mirror_customers") : sql.table("mirror_jobs");
  const id = uuid.toLowerCase();
  const when = at.toISOString();
  await sql`
    with marked as (
      update ${table} set deleted_at = ${when}::timestamptz, provisional = true, confirmed_at = greatest(confirmed_at, ${when}::timestamptz)
      where scope = ${scope} and uuid = ${id} and deleted_at is null
      returning uuid
    )
    update mirror_records set record = jsonb_set(record, '{deleted_at}', to_jsonb(${when}::text))
    where scope = ${scope} and resource = ${resource} and uuid in (select uuid from marked)
  `.execute(db);
  mirrorChanged(scope);
}

/**
 * After a complete pass: rows the CRM no longer returned at all. The CRM only
 * soft-deletes, so these are records removed by other means (the vendor's
 * support, a data request); the mirror drops them so it stays equal to the CRM.
 */
export async function removeUnconfirmed(scope: string, resource: "customers" | "jobs" | "locations", before: Date, keep: readonly string[]): Promise<string[]> {
  const { db } = await mirrorDatabase();
  const table = sql.table(`mirror_${resource}`);
  const result = await sql<{ uuid: string }>`
    delete from ${table} where scope = ${scope} and confirmed_at < ${before.toISOString()}::timestamptz
      and not (uuid = any(${sql.val(keep.map((uuid) => uuid.toLowerCase()))}::text[]))
    returning uuid
  `.execute(db);
  const gone = result.rows.map((row) => row.uuid);
  mirrorChanged(scope);
  if (resource !== "locations" && gone.length > 0) {
    await sql`delete from mirror_records where scope = ${scope} and resource = ${resource} and uuid = any(${sql.val(gone)}::text[])`.execute(db);
  }
  return gone;
}

/** The records of some rows, by uuid (queries fetch them for the page they answer). */
export async function recordsOf(scope: string, resource: "customers" | "jobs", uuids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (uuids.length === 0) return new Map();
  const { db } = await mirrorDatabase();
  const result = await sql<{ uuid: string; record: Record<string, unknown> | string }>`
    select uuid, record from mirror_records where scope = ${scope} and resource = ${resource} and uuid = any(${sql.val([...new Set(uuids)])}::text[])
  `.execute(db);
  return new Map(result.rows.map((row) => [row.uuid, typeof row.record === "string" ? (JSON.parse(row.record) as Record<string, unknown>) : row.record]));
}

export async function mirrorUuids(scope: string, resource: "customers" | "jobs", uuids: readonly string[]): Promise<Map<string, string>> {
  if (uuids.length === 0) return new Map();
  const { db } = await mirrorDatabase();
  const table = sql.table(`mirror_${resource}`);
  const result = await sql<{ uuid: string; updated_at: Date }>`
    select uuid, updated_at from ${table} where scope = ${scope} and uuid = any(${sql.val(uuids.map((uuid) => uuid.toLowerCase()))}::text[])
  `.execute(db);
  return new Map(result.rows.map((row) => [row.uuid, new Date(row.updated_at).toISOString()]));
}

/**
 * After a full pass: VACUUM ANALYZE, so the planner knows the tables' sizes and
 * counts can be answered from the narrow indexes alone (index-only scans need
 * the visibility map VACUUM keeps; PGlite has no autovacuum). Best effort.
 */
export async function tidyMirror(): Promise<void> {
  const { db } = await mirrorDatabase();
  try {
    await sql`vacuum (analyze) mirror_customers, mirror_jobs, mirror_records, mirror_locations`.execute(db);
  } catch (error) {
    logEvent("error", "mirror_vacuum_failed", { message: error instanceof Error ? error.message : String(error) });
  }
}
