import type { Queryable } from "../../db/database";
import { isGramSearch } from "../../db/customer-search-grams";
import type { CountQuery } from "../../db/list-totals";
import { assignmentsSql, insertSql, likeContains, SqlParams } from "../../db/sql";
import type { CustomerFilter, CustomerInput } from "./schemas";
import { CUSTOMER_COLUMNS, type CustomerRow } from "./serialize";

export interface CustomerListFilter {
  includeDeleted: boolean;
  filter: CustomerFilter;
  search: string | undefined;
}

// Phone search compares digits only when the term looks like a phone number
// fragment with enough digits to mean something; otherwise "3" would match
// every customer with a 3 in their phone.
const PHONE_LIKE = /^[\d\s().+-]+$/;
const MIN_PHONE_DIGITS = 3;

function phoneDigitsOf(term: string): string | null {
  if (!PHONE_LIKE.test(term)) return null;
  let digits = term.replace(/\D/g, "");
  // +1 (206) 555-1234: the US country code is not part of the stored xxx-xxx-xxxx.
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  return digits.length >= MIN_PHONE_DIGITS ? digits : null;
}

/** The `filter` parameter's conditions, on columns customers and customer_search_grams share. */
function typeConditions(filter: CustomerFilter): string[] {
  if (filter === "residential") return ["customer_type = 'Residential'"];
  if (filter === "commercial") return ["customer_type = 'Commercial'"];
  if (filter === "vip") return ["is_vip"];
  return [];
}

/**
 * One WHERE clause for count and page, so totals always match the rows.
 * company_uuid first and created_at order match the customers_list index;
 * search uses the trigram indexes on search_text and phone_digits.
 */
function whereClause(companyUuid: string, filter: CustomerListFilter, params: SqlParams): string {
  const conditions = [`company_uuid = ${params.add(companyUuid)}`];
  if (!filter.includeDeleted) conditions.push("deleted_at is null");
  conditions.push(...typeConditions(filter.filter));
  if (filter.search !== undefined) {
    const textMatch = `search_text like lower(${params.add(likeContains(filter.search))})`;
    const digits = phoneDigitsOf(filter.search);
    conditions.push(digits === null ? textMatch : `(${textMatch} or phone_digits like ${params.add(likeContains(digits))})`);
  }
  return conditions.join(" and ");
}

/** The list's total; run through the handlers' ListTotalCache, which also keys on it. */
export function customerCountQuery(companyUuid: string, filter: CustomerListFilter): CountQuery {
  if (filter.search !== undefined && isGramSearch(filter.search) && phoneDigitsOf(filter.search) === null) {
    return gramCountQuery(companyUuid, filter, filter.search);
  }
  const params = new SqlParams();
  const where = whereClause(companyUuid, filter, params);
  return { sql: `select count(*)::int as total from customers where ${where}`, params: params.values };
}

/**
 * The total of a one- or two-character search, from customer_search_grams
 * (migration 005) instead of a scan: the same number whereClause's LIKE
 * would count, since a customer's search_text contains the lowered term
 * exactly when the term is one of its grams.
 */
function gramCountQuery(companyUuid: string, filter: CustomerListFilter, term: string): CountQuery {
  const params = new SqlParams();
  const conditions = [`company_uuid = ${params.add(companyUuid)}`, `gram = lower(${params.add(term)})`];
  if (!filter.includeDeleted) conditions.push("not is_deleted");
  conditions.push(...typeConditions(filter.filter));
  return { sql: `select coalesce(sum(customers), 0)::int as total from customer_search_grams where ${conditions.join(" and ")}`, params: params.values };
}

export async function listCustomers(db: Queryable, companyUuid: string, filter: CustomerListFilter, limit: number, offset: number): Promise<CustomerRow[]> {
  const params = new SqlParams();
  const where = whereClause(companyUuid, filter, params);
  // A deferred join: the page's ids first, from the customers_list_active
  // index alone for the usual (active) list, so a deep OFFSET skips index
  // entries instead of reading every skipped row; then only the page's rows.
  const { rows } = await db.query<CustomerRow>(
    `select ${CUSTOMER_COLUMNS} from customers
     where uuid in (
       select uuid from customers where ${where}
       order by created_at desc, uuid desc limit ${params.add(limit)} offset ${params.add(offset)}
     )
     order by created_at desc, uuid desc`,
    params.values,
  );
  return rows;
}

export async function findCustomer(
  db: Queryable,
  companyUuid: string,
  uuid: string,
  options: { includeDeleted: boolean; forUpdate?: boolean },
): Promise<CustomerRow | null> {
  const { rows } = await db.query<CustomerRow>(
    `select ${CUSTOMER_COLUMNS} from customers where company_uuid = $1 and uuid = $2
     ${options.includeDeleted ? "" : "and deleted_at is null"} ${options.forUpdate ? "for update" : ""}`,
    [companyUuid, uuid],
  );
  return rows[0] ?? null;
}

/** jsonb goes over the wire as JSON text, which both drivers pass through unchanged. */
function toColumns(input: CustomerInput): Record<string, unknown> {
  const { internal_flags: flags, ...rest } = input;
  return { ...rest, internal_flags: flags === undefined ? undefined : flags === null ? null : JSON.stringify(flags) };
}

// Every write below also bumps the company's customers generation in
// list_generations (a trigger, migration 003), which invalidates cached list totals.

export async function insertCustomer(db: Queryable, companyUuid: string, uuid: string, input: CustomerInput, now: Date): Promise<CustomerRow> {
  const { sql, params } = insertSql("customers", { uuid, company_uuid: companyUuid, ...toColumns(input), created_at: now, updated_at: now }, CUSTOMER_COLUMNS);
  const { rows } = await db.query<CustomerRow>(sql, params);
  const row = rows[0];
  if (!row) throw new Error("insert into customers returned no row");
  return row;
}

/** Updates an active customer; null when there is none (missing, other company, or deleted). */
export async function updateCustomer(db: Queryable, companyUuid: string, uuid: string, input: CustomerInput, now: Date): Promise<CustomerRow | null> {
  const params = new SqlParams();
  const assignments = assignmentsSql({ ...toColumns(input), updated_at: now }, params);
  const { rows } = await db.query<CustomerRow>(
    `update customers set ${assignments}
     where company_uuid = ${params.add(companyUuid)} and uuid = ${params.add(uuid)} and deleted_at is null
     returning ${CUSTOMER_COLUMNS}`,
    params.values,
  );
  return rows[0] ?? null;
}

export async function softDeleteCustomer(db: Queryable, companyUuid: string, uuid: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    "update customers set deleted_at = $3, updated_at = $3 where company_uuid = $1 and uuid = $2 and deleted_at is null returning uuid",
    [companyUuid, uuid, now],
  );
  return rows.length > 0;
}

/** Clears deleted_at (a no-op beyond updated_at for an active customer); null when there is no such customer. */
export async function restoreCustomer(db: Queryable, companyUuid: string, uuid: string, now: Date): Promise<CustomerRow | null> {
  const { rows } = await db.query<CustomerRow>(
    `update customers set deleted_at = null, updated_at = $3 where company_uuid = $1 and uuid = $2 returning ${CUSTOMER_COLUMNS}`,
    [companyUuid, uuid, now],
  );
  return rows[0] ?? null;
}
