import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { apiMutate, newIntentKey } from "@/lib/http/api-mutate";
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
 * DELETE /api/customers/:uuid: a soft delete; restoring undoes it. With
 * `withOpenJobs`, the customer's open jobs (any status but Complete) are
 * deleted first, and marked as deleted with the customer in the trash.
 */
export function deleteCustomer(uuid: string, idempotencyKey: string, options: { withOpenJobs?: boolean } = {}): Promise<CustomerDeleted> {
  const query = options.withOpenJobs ? "?with_open_jobs=true" : "";
  return apiMutate<CustomerDeleted>(`/api/customers/${encodeURIComponent(uuid)}${query}`, { method: "DELETE", idempotencyKey });
}

/** One press of Delete is one intent: one key, reused only by apiMutate's own retries. */
export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, withOpenJobs }: { uuid: string; withOpenJobs: boolean }) => deleteCustomer(uuid, newIntentKey(), { withOpenJobs }),
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
