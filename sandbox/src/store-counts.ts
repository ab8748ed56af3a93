import type { Queryable } from "./db/database";

export interface StoreCounts {
  companies: number;
  customers: number;
  deletedCustomers: number;
  jobs: number;
  deletedJobs: number;
  locations: number;
  users: number;
}

/** What the store holds, across companies, for the start-up banner. */
export async function storeCounts(db: Queryable): Promise<StoreCounts> {
  const { rows } = await db.query<StoreCounts>(`select
    (select count(*)::int from companies) as "companies",
    (select count(*)::int from customers where deleted_at is null) as "customers",
    (select count(*)::int from customers where deleted_at is not null) as "deletedCustomers",
    (select count(*)::int from jobs where deleted_at is null) as "jobs",
    (select count(*)::int from jobs where deleted_at is not null) as "deletedJobs",
    (select count(*)::int from locations where deleted_at is null) as "locations",
    (select count(*)::int from users) as "users"`);
  const counts = rows[0];
  if (!counts) throw new Error("count query returned no row");
  return counts;
}

/** True when a company has no customers or jobs at all, deleted ones included. */
export async function isCompanyEmpty(db: Queryable, companyUuid: string): Promise<boolean> {
  const { rows } = await db.query<{ empty: boolean }>(
    "select not exists (select 1 from customers where company_uuid = $1) and not exists (select 1 from jobs where company_uuid = $1) as empty",
    [companyUuid],
  );
  return rows[0]?.empty ?? true;
}
