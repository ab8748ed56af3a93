import type { Queryable } from "../../db/database";

/**
 * The next JOB-0001-style number of a company (CRM-API decision 11). Call it
 * inside the job's insert transaction: the counter row's lock serialises
 * concurrent creates on Postgres (PGlite runs one transaction at a time), and
 * a rolled-back create gives its number back.
 */
export async function nextJobNumber(tx: Queryable, companyUuid: string): Promise<string> {
  const bumped = await tx.query<{ last_number: number }>(
    "update job_number_counters set last_number = last_number + 1 where company_uuid = $1 returning last_number",
    [companyUuid],
  );
  let number = bumped.rows[0]?.last_number;
  if (number === undefined) {
    // First number of this company. Start after any JOB-n numbers already
    // there (demo data, or a store created before the counter existed), so an
    // assigned number never repeats one in use.
    const started = await tx.query<{ last_number: number }>(
      `insert into job_number_counters (company_uuid, last_number)
       select $1::uuid, coalesce(max(substring(job_number from '^JOB-(\\d{1,9})$')::int), 0) + 1 from jobs where company_uuid = $1::uuid
       on conflict (company_uuid) do update set last_number = job_number_counters.last_number + 1
       returning last_number`,
      [companyUuid],
    );
    number = started.rows[0]?.last_number;
  }
  if (number === undefined) throw new Error("job number counter returned no row");
  return formatJobNumber(number);
}

function formatJobNumber(number: number): string {
  return `JOB-${String(number).padStart(4, "0")}`;
}
