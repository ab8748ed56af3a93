import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerKeys } from "@/lib/customers/api/customer-keys";
import { apiMutate, newIntentKey } from "@/lib/http/api-mutate";

/** DELETE /api/customers/:uuid: a soft delete; restoreCustomer undoes it. */
export function deleteCustomer(uuid: string, idempotencyKey: string): Promise<{ uuid: string; deleted: true }> {
  return apiMutate<{ uuid: string; deleted: true }>(`/api/customers/${encodeURIComponent(uuid)}`, { method: "DELETE", idempotencyKey });
}

/** One press of Delete is one intent: one key, reused only by apiMutate's own retries. */
export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (uuid: string) => deleteCustomer(uuid, newIntentKey()),
    onSuccess: (_result, uuid) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: customerKeys.lookups() });
      // Marked stale, not refetched now: the page that deleted it is about to be left, and refetching
      // under it would swap it for the "deleted" view before the person's own next step runs.
      void queryClient.invalidateQueries({ queryKey: customerKeys.detail(uuid), refetchType: "none" });
    },
  });
}
