import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { Assignee } from "@/lib/jobs/job-types";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";

export function fetchJobAssignees(): Promise<{ assignees: Assignee[] }> {
  return apiFetch<{ assignees: Assignee[] }>("/api/jobs/assignees");
}

/** People change rarely: five minutes in the browser keeps filters and forms from asking again. */
export function jobAssigneesQueryOptions() {
  return queryOptions({ queryKey: jobKeys.assignees(), queryFn: () => fetchJobAssignees().then((data) => data.assignees), staleTime: 5 * 60_000 });
}

export function useJobAssignees() {
  return useQuery(jobAssigneesQueryOptions());
}
