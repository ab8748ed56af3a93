import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { apiMutate, newIntentKey } from "@/lib/http/api-mutate";
import { ApiRequestError } from "@/lib/http/api-fetch";
import type { OpenJobsChoice } from "@/lib/jobs/job-enums";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { customersChanged } from "@/lib/customers/queries/customers-changed";

export interface CustomerDeleted {
  uuid: string;
  deleted: true;
  /** The open jobs deleted with the customer (only when asked to). */
  jobs_deleted: Array<{ uuid: string; label: string }>;
}

/**
 * DELETE /api/customers/:uuid: a soft delete; restoring undoes it. A
 * customer with open jobs (any status but Complete and Invoiced) needs
 * `openJobs`: "delete" deletes them first (marked as deleted with the
 * customer in the trash), "keep" leaves them; without it the server answers
 * 409 `has_open_jobs` listing them.
 */
export function deleteCustomer(uuid: string, idempotencyKey: string, options: { openJobs?: OpenJobsChoice | undefined } = {}): Promise<CustomerDeleted> {
  return apiMutate<CustomerDeleted>(`/api/customers/${encodeURIComponent(uuid)}`, {
    method: "DELETE",
    idempotencyKey,
    json: options.openJobs ? { open_jobs: options.openJobs } : undefined,
  });
}

/** A delete the server held because the customer has open jobs. */
export function isHeldByOpenJobs(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 409 && error.code === "has_open_jobs";
}

/** One press of Delete is one intent: one key, reused only by apiMutate's own retries. */
export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, openJobs }: { uuid: string; openJobs?: OpenJobsChoice | undefined }) => deleteCustomer(uuid, newIntentKey(), { openJobs }),
    onError: (error, { uuid }) => {
      // Jobs were added since the dialog looked: it shows them now.
      if (isHeldByOpenJobs(error)) void queryClient.invalidateQueries({ queryKey: customerKeys.openJobs(uuid) });
    },
    onSuccess: (result, { uuid }) => {
      void customersChanged(queryClient, "lists");
      void queryClient.invalidateQueries({ queryKey: customerKeys.lookups() });
      void queryClient.invalidateQueries({ queryKey: trashKeys.all });
      if (result.jobs_deleted.length > 0) void jobsChanged(queryClient);
      // Marked stale, not refetched now: the page that deleted it is about to be left, and refetching
      // under it would swap it for the "deleted" view before the person's own next step runs.
      void queryClient.invalidateQueries({ queryKey: customerKeys.detail(uuid), refetchType: "none" });
    },
  });
}
