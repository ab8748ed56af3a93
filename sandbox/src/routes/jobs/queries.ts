import type { Queryable } from "../../db/database";
import type { CountQuery } from "../../db/list-totals";
import { assignmentsSql, insertSql, likeContains, SqlParams } from "../../db/sql";
import { CUSTOMER_COLUMNS, type CustomerRow } from "../customers/serialize";
import { findLocation } from "../locations/queries";
import type { JobInput } from "./schemas";
import { JOB_COLUMNS, type JobListRow, type JobRelations, type JobRow, type UserRow } from "./serialize";

export interface JobListFilter {
  includeDeleted: boolean;
  statuses: string[] | undefined;
  priority: string | undefined;
  locationUuid: string | undefined;
  customerUuid: string | undefined;
  assignedToUserId: string | undefined;
  search: string | undefined;
}

/** Shared by count and page; company_uuid leads so the jobs_* indexes apply. */
function whereClause(companyUuid: string, filter: JobListFilter, params: SqlParams): string {
  const conditions = [`j.company_uuid = ${params.add(companyUuid)}`];
  if (!filter.includeDeleted) conditions.push("j.deleted_at is null");
  if (filter.statuses) conditions.push(`j.status in (${filter.statuses.map((status) => params.add(status)).join(", ")})`);
  if (filter.priority) conditions.push(`j.priority = ${params.add(filter.priority)}`);
  if (filter.locationUuid) conditions.push(`j.location_uuid = ${params.add(filter.locationUuid)}`);
  if (filter.customerUuid) conditions.push(`j.customer_uuid = ${params.add(filter.customerUuid)}`);
  if (filter.assignedToUserId) conditions.push(`j.assigned_to_user_id = ${params.add(filter.assignedToUserId)}`);
  if (filter.search !== undefined) conditions.push(`j.search_text like lower(${params.add(likeContains(filter.search))})`);
  return conditions.join(" and ");
}

/**
 * The list's total; run through the handlers' ListTotalCache, which also keys
 * on it. It reads jobs only: no customer, location or user column decides
 * whether a job is listed (the page joins customers only for their names), so
 * writes to customers never change a job total and do not invalidate it.
 */
export function jobCountQuery(companyUuid: string, filter: JobListFilter): CountQuery {
  const params = new SqlParams();
  const where = whereClause(companyUuid, filter, params);
  return { sql: `select count(*)::int as total from jobs j where ${where}`, params: params.values };
}

export async function listJobs(db: Queryable, companyUuid: string, filter: JobListFilter, limit: number, offset: number): Promise<JobListRow[]> {
  const params = new SqlParams();
  const where = whereClause(companyUuid, filter, params);
  // Page the jobs' ids first (a deferred join), then read the page's rows and
  // join their customers and assignees. The ids of active jobs come from a
  // partial index alone (jobs_list_active, migration 004), so a deep OFFSET
  // skips index entries, not whole rows; joining before the OFFSET would join
  // every skipped row.
  const { rows } = await db.query<JobListRow>(
    `with page_ids as (
       select j.uuid from jobs j where ${where}
       order by j.created_at desc, j.uuid desc limit ${params.add(limit)} offset ${params.add(offset)}
     ),
     page as (
       select ${JOB_COLUMNS} from jobs where uuid in (select uuid from page_ids)
     )
     select page.*, c.first_name as customer_first_name, c.last_name as customer_last_name,
            u.first_name as user_first_name, u.last_name as user_last_name
     from page
     join customers c on c.uuid = page.customer_uuid
     left join users u on u.id = page.assigned_to_user_id
     order by page.created_at desc, page.uuid desc`,
    params.values,
  );
  return rows;
}

export async function findJob(
  db: Queryable,
  companyUuid: string,
  uuid: string,
  options: { includeDeleted: boolean; forUpdate?: boolean },
): Promise<JobRow | null> {
  const { rows } = await db.query<JobRow>(
    `select ${JOB_COLUMNS} from jobs where company_uuid = $1 and uuid = $2
     ${options.includeDeleted ? "" : "and deleted_at is null"} ${options.forUpdate ? "for update" : ""}`,
    [companyUuid, uuid],
  );
  return rows[0] ?? null;
}

/** The related records a single job is shown with; deleted ones too, since the job still points at them. */
export async function loadJobRelations(db: Queryable, companyUuid: string, job: JobRow): Promise<JobRelations> {
  const customers = await db.query<CustomerRow>(`select ${CUSTOMER_COLUMNS} from customers where company_uuid = $1 and uuid = $2`, [
    companyUuid,
    job.customer_uuid,
  ]);
  const customer = customers.rows[0];
  if (!customer) throw new Error(`job ${job.uuid} points at a missing customer`);
  const location = job.location_uuid ? await findLocation(db, companyUuid, job.location_uuid, true) : null;
  const user = job.assigned_to_user_id ? await findUser(db, companyUuid, job.assigned_to_user_id) : null;
  return { customer, location, user };
}

export async function findUser(db: Queryable, companyUuid: string, id: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>("select id, first_name, last_name from users where company_uuid = $1 and id = $2", [companyUuid, id]);
  return rows[0] ?? null;
}

export async function isActiveCustomer(db: Queryable, companyUuid: string, uuid: string): Promise<boolean> {
  const { rows } = await db.query("select 1 from customers where company_uuid = $1 and uuid = $2 and deleted_at is null", [companyUuid, uuid]);
  return rows.length > 0;
}

// Every write below also bumps the company's jobs generation in
// list_generations (a trigger, migration 003), which invalidates cached list totals.

type JobColumns = JobInput & Partial<Record<"started_at" | "completed_at" | "invoiced_at", Date | null>>;

export async function insertJob(db: Queryable, companyUuid: string, uuid: string, values: JobColumns, now: Date): Promise<JobRow> {
  const { sql, params } = insertSql("jobs", { uuid, company_uuid: companyUuid, ...values, created_at: now, updated_at: now }, JOB_COLUMNS);
  const { rows } = await db.query<JobRow>(sql, params);
  const row = rows[0];
  if (!row) throw new Error("insert into jobs returned no row");
  return row;
}

export async function updateJob(db: Queryable, companyUuid: string, uuid: string, values: JobColumns, now: Date): Promise<JobRow | null> {
  const params = new SqlParams();
  const assignments = assignmentsSql({ ...values, updated_at: now }, params);
  const { rows } = await db.query<JobRow>(
    `update jobs set ${assignments}
     where company_uuid = ${params.add(companyUuid)} and uuid = ${params.add(uuid)} and deleted_at is null
     returning ${JOB_COLUMNS}`,
    params.values,
  );
  return rows[0] ?? null;
}

export async function softDeleteJob(db: Queryable, companyUuid: string, uuid: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    "update jobs set deleted_at = $3, updated_at = $3 where company_uuid = $1 and uuid = $2 and deleted_at is null returning uuid",
    [companyUuid, uuid, now],
  );
  return rows.length > 0;
}

export async function restoreJob(db: Queryable, companyUuid: string, uuid: string, now: Date): Promise<JobRow | null> {
  const { rows } = await db.query<JobRow>(`update jobs set deleted_at = null, updated_at = $3 where company_uuid = $1 and uuid = $2 returning ${JOB_COLUMNS}`, [
    companyUuid,
    uuid,
    now,
  ]);
  return rows[0] ?? null;
}
