import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch, apiFetchWithMeta } from "@/lib/http/api-fetch";
import { recordDataAge } from "@/lib/query/data-age";
import { jobListUrl } from "@/lib/jobs/job-list-url";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import type { JobListPage } from "@/lib/jobs/job-types";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";

export function fetchJobs(filters: JobListFilters): Promise<JobListPage> {
  return apiFetch<JobListPage>(jobListUrl(filters));
}

export function jobsQueryOptions(filters: JobListFilters) {
  return queryOptions({
    queryKey: jobKeys.list(filters),
    queryFn: async ({ client, queryKey }) => {
      const { data, meta } = await apiFetchWithMeta<JobListPage>(jobListUrl(filters));
      recordDataAge(client, queryKey, meta.stale_since);
      return data;
    },
  });
}

/** The job table's page; the previous page stays on screen while the next loads. */
export function useJobs(filters: JobListFilters | null) {
  return useQuery({
    ...jobsQueryOptions(filters ?? ({} as JobListFilters)),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });
}
