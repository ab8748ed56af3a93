import "server-only";
import type { LookupMatch } from "@/lib/customers/customer-types";
import { listCustomers } from "@/lib/crm/customers.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { listJobs } from "@/lib/crm/jobs.server";
import { toCustomerDto } from "@/lib/customers/customer-service.server";
import { classifyLookupQuery } from "@/lib/customers/lookup-query";
import { OPEN_JOB_STATUSES } from "@/lib/jobs/job-enums";
import type { JobListItem } from "@/lib/crm/schemas.server";
import { queryJobs } from "@/lib/mirror/mirror-queries.server";
import { recordsOf } from "@/lib/mirror/mirror-store.server";
import { lastSyncedAt } from "@/lib/mirror/mirror-age";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { peekSyncRow } from "@/lib/mirror/sync-state.server";

/** Matches shown with their open jobs; more matches are listed without them, to keep a keystroke's cost bounded. */
export const LOOKUP_MATCH_LIMIT = 10;
export const LOOKUP_JOBS_FOR_FIRST = 5;
const OPEN_JOBS_PER_CUSTOMER = 5;

export type { LookupMatch };

/**
 * The caller lookup: one box that takes a phone in any format, an email or a
 * name. A phone is searched by its digits (the CRM compares digits), the rest
 * as typed. Cost: one CRM request. The open jobs of the first matches come
 * from the mirror once it has finished a full pass (ADR-018): jobs created or
 * changed through the dashboard are in it at once, open jobs changed elsewhere
 * are re-read on sync's interval, so the answer says how old they are
 * (`as_of`). Before the first pass, one CRM job list per match shown with open
 * jobs (at most LOOKUP_JOBS_FOR_FIRST), shared through the read cache.
 */
export async function lookupCallers(raw: string) {
  const query = classifyLookupQuery(raw);
  if (query.kind === "too_short") return { query, results: [] as CrmResult<unknown>[], matches: [] as LookupMatch[], total: 0 };
  const search = query.kind === "phone" ? query.digits : query.value;
  const customers = await listCustomers({ search, limit: LOOKUP_MATCH_LIMIT });
  const withJobs = customers.data.customers.slice(0, LOOKUP_JOBS_FOR_FIRST);
  const mirrored = await mirrorIsWhole();
  const jobs = mirrored
    ? await Promise.all(withJobs.map((customer) => openJobsFromMirror(customer.uuid)))
    : await Promise.all(withJobs.map((customer) => listJobs({ customerUuid: customer.uuid, statuses: OPEN_JOB_STATUSES, limit: OPEN_JOBS_PER_CUSTOMER })));
  const matches: LookupMatch[] = customers.data.customers.map((customer, index) => {
    const open = jobs[index];
    const asOf = open && "asOf" in open ? open.asOf : null;
    return { ...toCustomerDto(customer), open_jobs: open ? { total: open.data.pagination.total, items: open.data.jobs, as_of: asOf } : null };
  });
  const crmJobLists = mirrored ? [] : (jobs as CrmResult<unknown>[]);
  return { query, results: [customers, ...crmJobLists] as CrmResult<unknown>[], matches, total: customers.data.pagination.total };
}

async function mirrorIsWhole(): Promise<boolean> {
  return Boolean((await peekSyncRow(currentMirrorScope()))?.lastPassCompletedAt);
}

/** A customer's open jobs from the mirror, newest first as the CRM lists them, with when sync last looked at the CRM. */
async function openJobsFromMirror(customerUuid: string) {
  const page = await queryJobs({
    sort: "created_at",
    direction: "desc",
    limit: OPEN_JOBS_PER_CUSTOMER,
    filters: { customer_uuid: customerUuid, statuses: [...OPEN_JOB_STATUSES] },
  });
  // The mirror keeps each job in the CRM list's shape.
  const records = await recordsOf(
    currentMirrorScope(),
    "jobs",
    page.rows.map((row) => row.uuid),
  );
  const jobs = page.rows.flatMap((row) => {
    const record = records.get(row.uuid);
    return record ? [record as unknown as JobListItem] : [];
  });
  return { data: { jobs, pagination: { total: page.total } }, asOf: lastSyncedAt(page.asOf) };
}
