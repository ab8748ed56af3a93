import "server-only";
import { sql } from "kysely";
import type { Customer, JobDetail, Location } from "@/lib/crm/schemas.server";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { parseMirrorCustomer, parseMirrorJob, parseMirrorLocation } from "@/lib/mirror/mirror-records.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";

/**
 * One record as the mirror holds it, for a record page the CRM cannot answer
 * right now (ADR-018), with when the CRM last confirmed it. Only the current
 * key's scope is read: a record of another company is simply not found.
 */
export interface MirroredRecord<T> {
  record: T;
  /** When the CRM last confirmed it (for a job: the oldest of the job, its customer and its location). */
  confirmedAt: string;
}

type Row = { record: unknown; confirmed_at: Date | string };

const json = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);
const iso = (value: Date | string) => new Date(value).toISOString();

async function customerRow(scope: string, uuid: string): Promise<Row | undefined> {
  const { db } = await mirrorDatabase();
  const result = await sql<Row>`
    select r.record, c.confirmed_at from mirror_customers c
    join mirror_records r on r.scope = c.scope and r.resource = 'customers' and r.uuid = c.uuid
    where c.scope = ${scope} and c.uuid = ${uuid.toLowerCase()}`.execute(db);
  return result.rows[0];
}

/** A deleted record counts only when asked for with includeDeleted, as the CRM answers (CRM-API decision 6). */
export async function mirroredCustomer(uuid: string, options: { includeDeleted?: boolean } = {}): Promise<MirroredRecord<Customer> | null> {
  const row = await customerRow(currentMirrorScope(), uuid);
  if (!row) return null;
  const parsed = parseMirrorCustomer(json(row.record));
  if (!parsed.ok || (parsed.value.deleted_at && !options.includeDeleted)) return null;
  return { record: parsed.value, confirmedAt: iso(row.confirmed_at) };
}

/** A job in the shape of GET /jobs/{uuid}: its list record with its customer and location as the mirror has them. */
export async function mirroredJob(uuid: string, options: { includeDeleted?: boolean } = {}): Promise<MirroredRecord<JobDetail> | null> {
  const scope = currentMirrorScope();
  const { db } = await mirrorDatabase();
  const result = await sql<Row>`
    select r.record, j.confirmed_at from mirror_jobs j
    join mirror_records r on r.scope = j.scope and r.resource = 'jobs' and r.uuid = j.uuid
    where j.scope = ${scope} and j.uuid = ${uuid.toLowerCase()}`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  const parsed = parseMirrorJob(json(row.record));
  if (!parsed.ok || (parsed.value.deleted_at && !options.includeDeleted)) return null;
  const job = parsed.value;
  const confirmed = [iso(row.confirmed_at)];

  let customer: Customer | null = null;
  if (job.customer_uuid) {
    const found = await customerRow(scope, job.customer_uuid);
    const parsedCustomer = found ? parseMirrorCustomer(json(found.record)) : null;
    if (found && parsedCustomer?.ok) {
      customer = parsedCustomer.value;
      confirmed.push(iso(found.confirmed_at));
    }
  }
  let location: Location | null = null;
  if (job.location_uuid) {
    const found = (
      await sql<Row>`select record, confirmed_at from mirror_locations where scope = ${scope} and uuid = ${job.location_uuid.toLowerCase()}`.execute(db)
    ).rows[0];
    const parsedLocation = found ? parseMirrorLocation(json(found.record)) : null;
    if (found && parsedLocation?.ok) {
      location = parsedLocation.value;
      confirmed.push(iso(found.confirmed_at));
    }
  }
  // Without the customer's own record, the list's {uuid, first_name, last_name} still names them.
  return {
    record: { ...job, customer: customer ?? (job.customer as unknown as Customer | null), location } as JobDetail,
    confirmedAt: confirmed.sort()[0] ?? iso(row.confirmed_at),
  };
}
