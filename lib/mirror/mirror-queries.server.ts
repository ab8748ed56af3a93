import "server-only";
import { sql, type RawBuilder } from "kysely";
import type { JobStatus } from "@/lib/jobs/job-enums";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { MirrorQueryError } from "@/lib/mirror/mirror-query-error";
import { customerInput, dayIn, day as checkDay, jobInput, paging, type CustomerFilters, type JobFilters } from "@/lib/mirror/mirror-query-input";
import { addressText, digitsOf } from "@/lib/mirror/mirror-records.server";
import { recordsOf } from "@/lib/mirror/mirror-store.server";
import { customerTotal, jobTotal, readTallies } from "@/lib/mirror/mirror-tallies.server";
import { cachedTotal } from "@/lib/mirror/mirror-totals.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { peekSyncRow } from "@/lib/mirror/sync-state.server";
import type {
  AddressMatch,
  CustomerQuery,
  CustomerSortKey,
  JobQuery,
  JobSortKey,
  MirrorAsOf,
  MirrorCustomerRow,
  MirrorJobRow,
  MirrorPage,
  OverviewCountsFromMirror,
} from "@/lib/mirror/mirror-types";

/**
 * The queries the CRM cannot answer, answered from the mirror: sorted and
 * filtered lists, address lookup, the trash, the overview's counts and days.
 * Every answer is for one scope (the current CRM key unless a caller passes
 * one) and carries its age (asOf).
 *
 * Over 300 lines on purpose for now: one section per screen (customers, jobs,
 * trash, address lookup, overview) sharing the scope, LIKE escaping and age
 * helpers at the top. Those screens are moving onto the mirror one by one;
 * once they have, each section becomes its own module beside these helpers.
 */

type Scope = { scope?: string | undefined };
const scopeOf = (options: Scope) => options.scope ?? currentMirrorScope();

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`);

async function asOfFor(scope: string, confirmed: ReadonlyArray<Date | string>): Promise<MirrorAsOf> {
  const row = await peekSyncRow(scope);
  const oldest = confirmed.reduce<number | null>((min, at) => {
    const time = new Date(at).getTime();
    return min === null || time < min ? time : min;
  }, null);
  return {
    oldestConfirmedAt: oldest === null ? null : new Date(oldest).toISOString(),
    lastFullPassAt: row?.lastPassCompletedAt?.toISOString() ?? null,
    lastChangesAt: row?.lastChangesAt?.toISOString() ?? null,
  };
}

/** count(*) of a query's rows, shared until the scope's mirror is next written (mirror-totals). */
async function countOf(scope: string, from: RawBuilder<unknown>): Promise<number> {
  const { db } = await mirrorDatabase();
  const compiled = from.compile(db);
  return cachedTotal(
    scope,
    `${compiled.sql}
${JSON.stringify(compiled.parameters)}`,
    async () => {
      const result = await sql<{ total: string }>`select count(*)::text as total from ${from}`.execute(db);
      return Number(result.rows[0]?.total ?? 0);
    },
  );
}

const unset = (filters: object) => Object.values(filters).every((value) => value === undefined);

/** A customer list's total: from the tallies when it filters by type and VIP at most, else counted. */
async function customersTotal(scope: string, filters: CustomerFilters, deleted: Deleted, where: RawBuilder<unknown>): Promise<number> {
  const { type, vip, ...others } = filters;
  if (!unset(others) || deleted === "any") return countOf(scope, sql`mirror_customers where ${where}`);
  return customerTotal(await readTallies(scope), { deleted, type: type === undefined ? undefined : type === "commercial" ? "Commercial" : "Residential", vip });
}

/** A job list's total: from the tallies when it filters by status at most, else counted. */
async function jobsTotal(scope: string, filters: JobFilters, deleted: Deleted, where: RawBuilder<unknown>): Promise<number> {
  const { statuses, ...others } = filters;
  if (!unset(others) || deleted === "any") return countOf(scope, sql`mirror_jobs where ${where}`);
  return jobTotal(await readTallies(scope), { deleted, statuses });
}

/** Up to this many matching rows are gathered and sorted; more are read in the sort's index order. */
const GATHER_AT_MOST = 5_000;

/**
 * The rows a page is cut from. The planner estimates a substring search's
 * matches as spread evenly over the sort's index, so for "kowalski" sorted by
 * name it walks the index from "a" and discards tens of thousands of rows
 * before the first match. When the total (counted already) is small, the
 * matches are gathered first (the trigram index finds them directly) and only
 * they are sorted; when it is large, walking the index is the fast way. Named
 * as the table, so sort expressions that name its columns read the same.
 */
function matching(table: "mirror_customers" | "mirror_jobs", where: RawBuilder<unknown>, total: number): RawBuilder<unknown> {
  if (total > GATHER_AT_MOST) return sql`${sql.raw(table)} where ${where}`;
  return sql`(select * from ${sql.raw(table)} where ${where} offset 0) as ${sql.raw(table)}`;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

// ── Customers ────────────────────────────────────────────────────────────────

/**
 * Sort expressions, and whether they can be null (those sort last either way).
 * Ties break on uuid in the same direction, so one index on (scope, column,
 * uuid) serves both directions of a column that is never null.
 */
const CUSTOMER_ORDER: Record<CustomerSortKey, [string, boolean]> = {
  last_name: ["sort_name", false],
  company_name: ["company_name", true],
  email: ["email", true],
  phone: ["nullif(phone_digits, '')", true],
  customer_type: [`customer_type collate "C"`, false],
  is_vip: ["is_vip", false],
  city: ["city", true],
  zip: ["zip", true],
  lead_source: ["lead_source", true],
  // The address as words (street, city, state, ZIP), lower case; no address sorts last.
  physical_address: [`nullif(physical_text, '') collate "C"`, true],
  // The tags as one text in the customer's order; none sorts last.
  tags: [`nullif(array_to_string(tags, ' '), '') collate "C"`, true],
  created_at: ["created_at", false],
  updated_at: ["updated_at", false],
};

function orderBy([expression, nullable]: [string, boolean], direction: "asc" | "desc"): RawBuilder<unknown> {
  return sql.raw(`${expression} ${direction}${nullable ? " nulls last" : ""}, uuid ${direction}`);
}

/** The CRM's search (CRM-API decision 5): a substring of the names, company, email, phone digits or uuid. */
function customerSearch(term: string): RawBuilder<unknown> {
  const lowered = term.toLowerCase();
  const digits = digitsOf(term);
  const phoneLike = /^[\d\s()+\-.]+$/.test(term) && digits.length >= 3;
  const phoneDigits = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  const text = sql`search_text like ${`%${escapeLike(lowered)}%`}`;
  return phoneLike ? sql`(${text} or phone_digits like ${`%${escapeLike(phoneDigits)}%`})` : text;
}

/** Deleted rows only (the trash), live rows only, or both (a list with "Show deleted"). */
type Deleted = boolean | "any";
const deletedCondition = (deleted: Deleted) => (deleted === "any" ? sql`true` : deleted ? sql`deleted_at is not null` : sql`deleted_at is null`);

function customerWhere(scope: string, filters: CustomerFilters, deleted: Deleted): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`scope = ${scope}`, deletedCondition(deleted)];
  if (filters.search) parts.push(customerSearch(filters.search));
  if (filters.type) parts.push(sql`customer_type = ${filters.type === "commercial" ? "Commercial" : "Residential"}`);
  if (filters.vip !== undefined) parts.push(sql`is_vip = ${filters.vip}`);
  if (filters.tag) parts.push(sql`tags @> array[${filters.tag}]::text[]`);
  if (filters.lead_source) parts.push(sql`lead_source = ${filters.lead_source}`);
  if (filters.email_opt_in !== undefined) parts.push(sql`email_opt_in = ${filters.email_opt_in}`);
  if (filters.sms_opt_in !== undefined) parts.push(sql`sms_opt_in = ${filters.sms_opt_in}`);
  if (filters.city) parts.push(sql`city = ${filters.city}`);
  if (filters.zip) parts.push(sql`zip like ${`${escapeLike(filters.zip)}%`}`);
  return sql.join(parts, sql` and `);
}

interface CustomerDbRow {
  uuid: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  customer_type: string;
  is_vip: boolean;
  tags: string[];
  lead_source: string | null;
  email_opt_in: boolean;
  sms_opt_in: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  deleted_at: Date | string | null;
  confirmed_at: Date | string;
}

const CUSTOMER_COLUMNS = sql.raw(
  "uuid, first_name, last_name, phone, customer_type, is_vip, tags, lead_source, email_opt_in, sms_opt_in, created_at, updated_at, deleted_at, confirmed_at",
);

/** The page's rows with what only their records hold (original case of email, company, city). */
async function customerRows(scope: string, rows: CustomerDbRow[]): Promise<MirrorCustomerRow[]> {
  const records = await recordsOf(
    scope,
    "customers",
    rows.map((row) => row.uuid),
  );
  return rows.map((row) => toCustomerRow(row, (records.get(row.uuid) ?? {}) as Record<string, string | null>));
}

function toCustomerRow(row: CustomerDbRow, record: Record<string, string | null>): MirrorCustomerRow {
  return {
    uuid: row.uuid,
    first_name: row.first_name,
    last_name: row.last_name,
    company_name: record.company_name ?? null,
    email: record.email ?? null,
    phone: row.phone,
    customer_type: row.customer_type,
    is_vip: row.is_vip,
    city: record.physical_city ?? null,
    state: record.physical_state ?? null,
    zip: record.physical_zip ?? null,
    tags: row.tags,
    lead_source: row.lead_source,
    email_opt_in: row.email_opt_in,
    sms_opt_in: row.sms_opt_in,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    deleted_at: iso(row.deleted_at),
    confirmed_at: new Date(row.confirmed_at).toISOString(),
  };
}

export async function queryCustomers(query: CustomerQuery = {}, options: Scope = {}): Promise<MirrorPage<MirrorCustomerRow>> {
  const input = customerInput(query);
  const scope = scopeOf(options);
  const { db } = await mirrorDatabase();
  const deleted: Deleted = input.filters.include_deleted ? "any" : false;
  const where = customerWhere(scope, input.filters, deleted);
  const count = await customersTotal(scope, input.filters, deleted, where);
  const rows = await sql<CustomerDbRow>`select ${CUSTOMER_COLUMNS} from ${matching("mirror_customers", where, count)}
      order by ${orderBy(CUSTOMER_ORDER[input.sort], input.direction)} limit ${input.limit} offset ${input.offset}`.execute(db);
  const mapped = await customerRows(scope, rows.rows);
  return {
    rows: mapped,
    total: count,
    asOf: await asOfFor(
      scope,
      rows.rows.map((row) => row.confirmed_at),
    ),
  };
}

// ── Jobs ─────────────────────────────────────────────────────────────────────

const JOB_ORDER: Record<JobSortKey, [string, boolean]> = {
  job_number: ["job_number", true],
  title: ["lower(title)", false],
  customer_name: ["customer_name", false],
  status: ["status_rank", false],
  priority: ["priority_rank", false],
  // Qualified: the select list has text columns of these names, which a bare ORDER BY name would sort.
  scheduled_date: ["mirror_jobs.scheduled_date", true],
  assignee_name: ["assignee_name", true],
  // Neither has a column of its own: read per row (slower on large mirrors; ADR-017).
  location_name: [`(select lower(l.name) collate "C" from mirror_locations l where l.scope = mirror_jobs.scope and l.uuid = mirror_jobs.location_uuid)`, true],
  city: ["city", true],
  estimated_amount: ["mirror_jobs.estimated_amount", true],
  actual_amount: [
    `(select nullif(r.record->>'actual_amount', '')::numeric from mirror_records r where r.scope = mirror_jobs.scope and r.resource = 'jobs' and r.uuid = mirror_jobs.uuid)`,
    true,
  ],
  created_at: ["created_at", false],
  updated_at: ["updated_at", false],
};

function jobWhere(scope: string, filters: JobFilters, deleted: Deleted): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`scope = ${scope}`, deletedCondition(deleted)];
  if (filters.search) parts.push(sql`search_text like ${`%${escapeLike(filters.search.toLowerCase())}%`}`);
  if (filters.statuses) parts.push(sql`status = any(${sql.val(filters.statuses)}::text[])`);
  if (filters.priority) parts.push(sql`priority = ${filters.priority}`);
  if (filters.assigned_to_user_id) parts.push(sql`assigned_to_user_id = ${filters.assigned_to_user_id}`);
  if (filters.unassigned) parts.push(sql`assigned_to_user_id is null`);
  if (filters.unassigned === false) parts.push(sql`assigned_to_user_id is not null`);
  if (filters.unscheduled) parts.push(sql`scheduled_date is null`);
  if (filters.unscheduled === false) parts.push(sql`scheduled_date is not null`);
  if (filters.customer_uuid) parts.push(sql`customer_uuid = ${filters.customer_uuid}`);
  if (filters.location_uuid) parts.push(sql`location_uuid = ${filters.location_uuid}`);
  if (filters.from) parts.push(sql`scheduled_date >= ${filters.from}::date`);
  if (filters.to) parts.push(sql`scheduled_date <= ${filters.to}::date`);
  return sql.join(parts, sql` and `);
}

interface JobDbRow {
  uuid: string;
  job_number: string | null;
  title: string;
  customer_uuid: string | null;
  location_uuid: string | null;
  status: string;
  priority: string;
  is_urgent: boolean;
  is_emergency: boolean;
  scheduled_date: string | null;
  scheduled_time_start: string | null;
  scheduled_time_end: string | null;
  assigned_to_user_id: string | null;
  estimated_amount: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  deleted_at: Date | string | null;
  confirmed_at: Date | string;
}

const JOB_COLUMNS = sql.raw(
  "uuid, job_number, title, customer_uuid, location_uuid, status, priority, is_urgent, is_emergency, to_char(scheduled_date, 'YYYY-MM-DD') as scheduled_date, scheduled_time_start, scheduled_time_end, assigned_to_user_id, estimated_amount::text as estimated_amount, created_at, updated_at, deleted_at, confirmed_at",
);

const personName = (value: unknown) => {
  if (typeof value !== "object" || value === null) return "";
  const person = value as { first_name?: unknown; last_name?: unknown };
  return `${typeof person.first_name === "string" ? person.first_name : ""} ${typeof person.last_name === "string" ? person.last_name : ""}`.trim();
};

async function jobRows(scope: string, rows: JobDbRow[]): Promise<MirrorJobRow[]> {
  const records = await recordsOf(
    scope,
    "jobs",
    rows.map((row) => row.uuid),
  );
  return rows.map((row) => toJobRow(row, records.get(row.uuid) ?? {}));
}

function toJobRow(row: JobDbRow, record: Record<string, unknown>): MirrorJobRow {
  const assignee = personName(record.assigned_user);
  return {
    uuid: row.uuid,
    job_number: row.job_number,
    title: row.title,
    customer_uuid: row.customer_uuid,
    customer_name: personName(record.customer),
    location_uuid: row.location_uuid,
    status: row.status,
    priority: row.priority,
    is_urgent: row.is_urgent,
    is_emergency: row.is_emergency,
    city: typeof record.service_city === "string" ? record.service_city : null,
    zip: typeof record.service_zip === "string" ? record.service_zip : null,
    scheduled_date: row.scheduled_date,
    scheduled_time_start: row.scheduled_time_start,
    scheduled_time_end: row.scheduled_time_end,
    assigned_to_user_id: row.assigned_to_user_id,
    assignee_name: assignee === "" ? null : assignee,
    estimated_amount: row.estimated_amount === null ? null : Number(row.estimated_amount),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    deleted_at: iso(row.deleted_at),
    confirmed_at: new Date(row.confirmed_at).toISOString(),
  };
}

async function selectJobs(
  scope: string,
  filters: JobFilters,
  deleted: Deleted,
  order: RawBuilder<unknown>,
  limit: number,
  offset: number,
  where: RawBuilder<unknown> = jobWhere(scope, filters, deleted),
): Promise<MirrorPage<MirrorJobRow>> {
  const { db } = await mirrorDatabase();
  const count = await jobsTotal(scope, filters, deleted, where);
  const rows =
    await sql<JobDbRow>`select ${JOB_COLUMNS} from ${matching("mirror_jobs", where, count)} order by ${order} limit ${limit} offset ${offset}`.execute(db);
  return {
    rows: await jobRows(scope, rows.rows),
    total: count,
    asOf: await asOfFor(
      scope,
      rows.rows.map((row) => row.confirmed_at),
    ),
  };
}

export async function queryJobs(query: JobQuery = {}, options: Scope = {}): Promise<MirrorPage<MirrorJobRow>> {
  const input = jobInput(query);
  const scope = scopeOf(options);
  const order = orderBy(JOB_ORDER[input.sort], input.direction);
  return selectJobs(scope, input.filters, input.filters.include_deleted ? "any" : false, order, input.limit, input.offset);
}

/**
 * Jobs scheduled between two days (both included), by day and start time,
 * for one technician, the unassigned, or everyone: a schedule's data.
 */
export async function scheduleJobs(
  query: { from: string; to: string; assigned_to_user_id?: string; unassigned?: boolean; page?: number; limit?: number },
  options: Scope = {},
): Promise<MirrorPage<MirrorJobRow>> {
  if (query.from === undefined || query.to === undefined)
    throw new MirrorQueryError({ field: query.from === undefined ? "from" : "to", message: "A schedule needs both from and to." });
  const input = jobInput({
    filters: {
      from: query.from,
      to: query.to,
      ...(query.assigned_to_user_id !== undefined ? { assigned_to_user_id: query.assigned_to_user_id } : {}),
      ...(query.unassigned !== undefined ? { unassigned: query.unassigned } : {}),
    },
    page: query.page,
    limit: query.limit ?? 200,
  });
  const scope = scopeOf(options);
  const order = sql`mirror_jobs.scheduled_date asc, scheduled_time_start asc nulls last, uuid asc`;
  return selectJobs(scope, input.filters, false, order, input.limit, input.offset);
}

// ── Trash ────────────────────────────────────────────────────────────────────

/** Deleted records, most recently deleted first (the CRM has no "deleted only" filter). */
export async function queryDeleted(
  resource: "customers" | "jobs",
  query: { search?: string; page?: number; limit?: number } = {},
  options: Scope = {},
): Promise<MirrorPage<MirrorCustomerRow | MirrorJobRow>> {
  const scope = scopeOf(options);
  const { limit, offset } = paging(query.page, query.limit);
  const order = sql`deleted_at desc, uuid desc`;
  if (resource === "jobs") {
    const input = jobInput({ filters: query.search ? { search: query.search } : {} });
    const { search, ...filters } = input.filters;
    // The trash also finds a deleted job by its customer's name.
    const pattern = search ? `%${escapeLike(search.toLowerCase())}%` : null;
    const where = pattern
      ? sql`${jobWhere(scope, filters, true)} and (search_text like ${pattern} or customer_name like ${pattern})`
      : jobWhere(scope, filters, true);
    return selectJobs(scope, input.filters, true, order, limit, offset, where);
  }
  const input = customerInput({ filters: query.search ? { search: query.search } : {} });
  const where = customerWhere(scope, input.filters, true);
  const { db } = await mirrorDatabase();
  const [rows, count] = await Promise.all([
    sql<CustomerDbRow>`select ${CUSTOMER_COLUMNS} from mirror_customers where ${where} order by ${order} limit ${limit} offset ${offset}`.execute(db),
    customersTotal(scope, input.filters, true, where),
  ]);
  return {
    rows: await customerRows(scope, rows.rows),
    total: count,
    asOf: await asOfFor(
      scope,
      rows.rows.map((row) => row.confirmed_at),
    ),
  };
}

// ── Address lookup ───────────────────────────────────────────────────────────

const MAX_ADDRESS_WORDS = 8;
/** Matches counted exactly up to this many per kind of address; past it the total says "at least". */
export const ADDRESS_COUNT_CAP = 500;

type AddressHit = {
  matched: AddressMatch["matched"];
  customer_uuid: string;
  job_uuid: string | null;
  job_title: string | null;
  sort_name: string;
  confirmed_at: Date | string;
};

/**
 * Customers by address: every word typed must start a word of one address
 * (house number, street, city, ZIP), physical, billing, or the service
 * address of one of their jobs. "14 map" finds "1423 Maple St"; "981" a ZIP.
 *
 * Each kind of address is read on its own, in name order and no further than
 * the page needs, then merged: a ZIP or a city matches tens of thousands of
 * rows, and one query over all three would sort every one of them for a page
 * of 25. Totals are exact up to ADDRESS_COUNT_CAP per kind, then "at least".
 */
export async function lookupAddress(query: { q: string; page?: number; limit?: number }, options: Scope = {}): Promise<MirrorPage<AddressMatch>> {
  const words = addressText([typeof query.q === "string" ? query.q : ""])
    .split(" ")
    .filter(Boolean);
  if (words.length === 0) throw new MirrorQueryError({ field: "q", message: "Type part of an address: a house number and street, a city or a ZIP." });
  if (words.length > MAX_ADDRESS_WORDS) throw new MirrorQueryError({ field: "q", message: `Use at most ${MAX_ADDRESS_WORDS} words.` });
  const { limit, offset } = paging(query.page, query.limit, 25);
  const scope = scopeOf(options);
  const matchAll = (column: string) =>
    sql.join(
      words.map((word) => sql`${sql.ref(column)} like ${`% ${escapeLike(word)}%`}`),
      sql` and `,
    );
  const { db } = await mirrorDatabase();
  const branches: Array<{ from: RawBuilder<unknown>; select: RawBuilder<unknown>; order: RawBuilder<unknown> }> = [
    {
      from: sql`mirror_customers c where c.scope = ${scope} and c.deleted_at is null and ${matchAll("c.physical_text")}`,
      select: sql`'physical' as matched, c.uuid as customer_uuid, null::text as job_uuid, null::text as job_title, c.sort_name, c.confirmed_at`,
      order: sql`c.sort_name, c.uuid`,
    },
    {
      from: sql`mirror_customers c where c.scope = ${scope} and c.deleted_at is null and c.billing_text <> c.physical_text and ${matchAll("c.billing_text")}`,
      select: sql`'billing' as matched, c.uuid as customer_uuid, null::text as job_uuid, null::text as job_title, c.sort_name, c.confirmed_at`,
      order: sql`c.sort_name, c.uuid`,
    },
    {
      from: sql`mirror_jobs j where j.scope = ${scope} and j.deleted_at is null and ${matchAll("j.address_text")}`,
      select: sql`'service' as matched, j.customer_uuid, j.uuid as job_uuid, j.title as job_title, j.customer_sort as sort_name, j.confirmed_at`,
      order: sql`j.customer_sort, j.uuid`,
    },
  ];
  const reads = [];
  for (const branch of branches) {
    reads.push(await sql<AddressHit>`select ${branch.select} from ${branch.from} order by ${branch.order} limit ${offset + limit}`.execute(db));
  }
  const counts: number[] = [];
  for (const branch of branches) {
    counts.push(
      await cachedTotal(scope, `address ${branch.from.compile(db).sql} ${JSON.stringify(words)}`, async () => {
        const counted = await sql<{ n: string }>`select count(*)::text as n from (select 1 from ${branch.from} limit ${ADDRESS_COUNT_CAP + 1}) hits`.execute(
          db,
        );
        return Number(counted.rows[0]?.n ?? 0);
      }),
    );
  }
  const byKind = { physical: 0, billing: 1, service: 2 } as const;
  const ordered = reads
    .flatMap((read) => read.rows)
    .sort(
      (a, b) =>
        (a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : 0) ||
        byKind[a.matched] - byKind[b.matched] ||
        (a.job_uuid ?? "").localeCompare(b.job_uuid ?? "") ||
        (a.customer_uuid < b.customer_uuid ? -1 : a.customer_uuid > b.customer_uuid ? 1 : 0),
    );
  const rows = { rows: ordered.slice(offset, offset + limit) };
  const customers = await recordsOf(
    scope,
    "customers",
    rows.rows.map((row) => row.customer_uuid),
  );
  const jobs = await recordsOf(
    scope,
    "jobs",
    rows.rows.flatMap((row) => (row.job_uuid ? [row.job_uuid] : [])),
  );
  const matches: AddressMatch[] = rows.rows.map((row) => {
    const customer = (customers.get(row.customer_uuid) ?? {}) as Record<string, string | null>;
    const job = (row.job_uuid ? (jobs.get(row.job_uuid) ?? {}) : {}) as Record<string, string | null> & { customer?: Record<string, string> | null };
    const record = row.matched === "service" ? job : customer;
    const person = row.matched === "service" && job.customer ? job.customer : customer;
    const prefix = row.matched === "physical" ? "physical_" : row.matched === "billing" ? "billing_" : "service_";
    const line = [record[`${prefix}address1`], record[`${prefix}address2`]].filter(Boolean).join(", ");
    const place = [record[`${prefix}city`], [record[`${prefix}state`], record[`${prefix}zip`]].filter(Boolean).join(" ")].filter(Boolean).join(", ");
    return {
      matched: row.matched,
      customer_uuid: row.customer_uuid,
      customer_name: `${person.first_name ?? ""} ${person.last_name ?? ""}`.trim(),
      job_uuid: row.job_uuid,
      job_title: row.job_title,
      address: [line, place].filter(Boolean).join(", "),
      confirmed_at: new Date(row.confirmed_at).toISOString(),
    };
  });
  return {
    rows: matches,
    total: counts.reduce((sum, count) => sum + Math.min(count, ADDRESS_COUNT_CAP), 0),
    ...(counts.some((count) => count > ADDRESS_COUNT_CAP) ? { totalIsLowerBound: true } : {}),
    asOf: await asOfFor(
      scope,
      rows.rows.map((row) => row.confirmed_at),
    ),
  };
}

// ── Overview ─────────────────────────────────────────────────────────────────

/** Work not yet invoiced (lib/jobs/job-agenda OPEN_STATUSES) and the statuses before anyone started. */
const AGENDA_OPEN = JOB_STATUSES.filter((status) => status !== "Invoiced" && status !== "Complete");
const NOT_STARTED: readonly JobStatus[] = ["New", "Contacted", "Estimate Sent", "Estimate Approved", "Scheduled"];
const AGENDA_LIMIT = 50;

/**
 * The overview from the mirror: counts by status and type, and the day's
 * lists (today's, overdue, urgent) for the viewer's day: given, or today in
 * their time zone.
 */
export async function overviewFromMirror(query: { day?: string; timeZone?: string; now?: Date } = {}, options: Scope = {}): Promise<OverviewCountsFromMirror> {
  const today = checkDay("day", query.day) ?? dayIn(query.timeZone ?? "UTC", query.now ?? new Date());
  const scope = scopeOf(options);
  const { db } = await mirrorDatabase();
  const tallies = await readTallies(scope);
  const open = sql`scope = ${scope} and deleted_at is null and status = any(${sql.val(AGENDA_OPEN)}::text[])`;
  const list = (where: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
    sql<JobDbRow>`select ${JOB_COLUMNS} from mirror_jobs where ${open} and ${where} order by ${order} limit ${AGENDA_LIMIT}`.execute(db);
  // Emergencies first, then the other urgent jobs: two index-ordered reads instead of sorting every urgent job by an expression.
  const urgentList = async () => {
    const emergency = sql`(is_emergency or priority = 'Emergency')`;
    const byDate = sql`mirror_jobs.scheduled_date asc nulls last, scheduled_time_start asc nulls last, uuid`;
    const first = await list(sql`(is_urgent or is_emergency or priority = 'Emergency') and ${emergency}`, byDate);
    if (first.rows.length >= AGENDA_LIMIT) return first;
    const rest = await list(sql`(is_urgent or is_emergency or priority = 'Emergency') and not ${emergency}`, byDate);
    return { rows: [...first.rows, ...rest.rows].slice(0, AGENDA_LIMIT) };
  };
  const todayWhere = sql`scheduled_date = ${today}::date`;
  const overdueWhere = sql`scheduled_date < ${today}::date and status = any(${sql.val([...NOT_STARTED])}::text[])`;
  const urgentWhere = sql`(is_urgent or is_emergency or priority = 'Emergency')`;
  // The lists show their first rows; their headings say how many there are in all.
  const totalOf = (where: RawBuilder<unknown>) => countOf(scope, sql`mirror_jobs where ${open} and ${where}`);
  const [todayRows, overdueRows, urgentRows, todayTotal, overdueTotal, urgentTotal] = await Promise.all([
    list(todayWhere, sql`scheduled_time_start asc nulls last, uuid`),
    list(overdueWhere, sql`mirror_jobs.scheduled_date asc, scheduled_time_start asc nulls last, uuid`),
    urgentList(),
    totalOf(todayWhere),
    totalOf(overdueWhere),
    totalOf(urgentWhere),
  ]);
  const all = [...todayRows.rows, ...overdueRows.rows, ...urgentRows.rows];
  const customers = (match: { type?: string; vip?: boolean; deleted?: boolean }) => customerTotal(tallies, { deleted: false, ...match });
  const jobsByStatus = JOB_STATUSES.map((status) => ({ status, count: jobTotal(tallies, { deleted: false, statuses: [status] }) }));
  return {
    customers: {
      total: customers({}),
      residential: customers({ type: "Residential" }),
      commercial: customers({ type: "Commercial" }),
      vip: customers({ vip: true }),
      deleted: customers({ deleted: true }),
    },
    jobsByStatus,
    jobsTotal: jobTotal(tallies, { deleted: false }),
    jobsDeleted: jobTotal(tallies, { deleted: true }),
    today: await jobRows(scope, todayRows.rows),
    overdue: await jobRows(scope, overdueRows.rows),
    urgent: await jobRows(scope, urgentRows.rows),
    totals: { today: todayTotal, overdue: overdueTotal, urgent: urgentTotal },
    day: today,
    asOf: await asOfFor(
      scope,
      all.map((row) => row.confirmed_at),
    ),
  };
}
