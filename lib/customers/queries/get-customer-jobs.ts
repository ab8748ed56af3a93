import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { JobListItem, Pagination } from "@/lib/crm/crm-types";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { JOBS_HOLDING_A_DELETE } from "@/lib/jobs/job-enums";
import { apiFetch } from "@/lib/http/api-fetch";

export interface JobListData {
  jobs: JobListItem[];
  pagination: Pagination;
}

export const CUSTOMER_JOBS_PAGE_SIZE = 25;

/** GET /api/jobs?customer_uuid=…: the customer's jobs, newest first, one page at a time. */
export function getCustomerJobs(uuid: string, page: number, signal?: AbortSignal): Promise<JobListData> {
  const params = new URLSearchParams({ customer_uuid: uuid, page: String(page), limit: String(CUSTOMER_JOBS_PAGE_SIZE) });
  return apiFetch<JobListData>(`/api/jobs?${params.toString()}`, { signal });
}

export function customerJobsQueryOptions(uuid: string, page: number) {
  return queryOptions({
    queryKey: customerKeys.jobs(uuid, page),
    queryFn: ({ signal }) => getCustomerJobs(uuid, page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerJobs(uuid: string, page: number) {
  return useQuery(customerJobsQueryOptions(uuid, page));
}

/**
 * The customer's open jobs (those that hold a delete: any status but
 * Complete and Invoiced), read fresh when someone is about to delete the
 * customer: the warning must not rest on a list that is minutes old.
 */
export function getOpenJobs(uuid: string, signal?: AbortSignal): Promise<JobListData> {
  const params = new URLSearchParams({ customer_uuid: uuid, status: JOBS_HOLDING_A_DELETE.join(","), limit: "100" });
  return apiFetch<JobListData>(`/api/jobs?${params.toString()}`, { signal });
}

export function openJobsQueryOptions(uuid: string) {
  return queryOptions({
    queryKey: customerKeys.openJobs(uuid),
    queryFn: ({ signal }) => getOpenJobs(uuid, signal),
    staleTime: 0,
  });
}

export function useOpenJobs(uuid: string, enabled: boolean) {
  return useQuery({ ...openJobsQueryOptions(uuid), enabled });
}
