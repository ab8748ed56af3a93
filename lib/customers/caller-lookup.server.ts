import "server-only";
import type { LookupMatch } from "@/lib/customers/customer-types";
import { listCustomers } from "@/lib/crm/customers.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { listJobs } from "@/lib/crm/jobs.server";
import { toCustomerDto } from "@/lib/customers/customer-service.server";
import { classifyLookupQuery } from "@/lib/customers/lookup-query";
import { OPEN_JOB_STATUSES } from "@/lib/jobs/job-enums";

/** Matches shown with their open jobs; more matches are listed without them, to keep a keystroke's cost bounded. */
export const LOOKUP_MATCH_LIMIT = 10;
export const LOOKUP_JOBS_FOR_FIRST = 5;
const OPEN_JOBS_PER_CUSTOMER = 5;

export type { LookupMatch };

/**
 * The caller lookup: one box that takes a phone in any format, an email or a
 * name. A phone is searched by its digits (the CRM compares digits), the rest
 * as typed. Cost: one CRM request, plus one per match shown with open jobs
 * (at most LOOKUP_JOBS_FOR_FIRST), all shared through the read cache.
 */
export async function lookupCallers(raw: string) {
  const query = classifyLookupQuery(raw);
  if (query.kind === "too_short") return { query, results: [] as CrmResult<unknown>[], matches: [] as LookupMatch[], total: 0 };
  const search = query.kind === "phone" ? query.digits : query.value;
  const customers = await listCustomers({ search, limit: LOOKUP_MATCH_LIMIT });
  const withJobs = customers.data.customers.slice(0, LOOKUP_JOBS_FOR_FIRST);
  const jobs = await Promise.all(
    withJobs.map((customer) => listJobs({ customerUuid: customer.uuid, statuses: OPEN_JOB_STATUSES, limit: OPEN_JOBS_PER_CUSTOMER })),
  );
  const matches: LookupMatch[] = customers.data.customers.map((customer, index) => {
    const open = jobs[index];
    return { ...toCustomerDto(customer), open_jobs: open ? { total: open.data.pagination.total, items: open.data.jobs } : null };
  });
  return { query, results: [customers, ...jobs] as CrmResult<unknown>[], matches, total: customers.data.pagination.total };
}
