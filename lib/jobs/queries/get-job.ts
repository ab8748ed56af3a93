import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch, apiFetchWithMeta } from "@/lib/http/api-fetch";
import { recordDataAge } from "@/lib/query/data-age";
import type { JobDetail } from "@/lib/jobs/job-types";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";

/** One job with its customer, location and assignee; deleted jobs too, so their page can offer Restore. */
export function fetchJob(uuid: string): Promise<JobDetail> {
  return apiFetch<JobDetail>(`/api/jobs/${encodeURIComponent(uuid)}?include_deleted=true`);
}

export function jobQueryOptions(uuid: string) {
  return queryOptions({
    queryKey: jobKeys.detail(uuid),
    queryFn: async ({ client, queryKey }) => {
      const { data, meta } = await apiFetchWithMeta<JobDetail>(`/api/jobs/${encodeURIComponent(uuid)}?include_deleted=true`);
      recordDataAge(client, queryKey, meta.stale_since);
      return data;
    },
  });
}

export function useJob(uuid: string) {
  return useQuery(jobQueryOptions(uuid));
}
