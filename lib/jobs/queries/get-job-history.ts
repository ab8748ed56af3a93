import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AuditRow } from "@/lib/audit/audit-types";
import { apiFetch } from "@/lib/http/api-fetch";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";

export interface JobHistoryPage {
  rows: AuditRow[];
  hasMore: boolean;
}

/** The job's own audit history (newest first), readable by anyone who can read the job. */
export function fetchJobHistory(uuid: string): Promise<JobHistoryPage> {
  return apiFetch<JobHistoryPage>(`/api/audit?resource=job&resource_id=${encodeURIComponent(uuid)}`);
}

export function jobHistoryQueryOptions(uuid: string) {
  return queryOptions({ queryKey: jobKeys.history(uuid), queryFn: () => fetchJobHistory(uuid) });
}

export function useJobHistory(uuid: string) {
  return useQuery(jobHistoryQueryOptions(uuid));
}
