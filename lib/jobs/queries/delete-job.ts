import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiMutate, newIntentKey } from "@/lib/http/api-mutate";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { jobDeletedOrRestored } from "@/lib/jobs/queries/jobs-changed";
import type { JobDetail } from "@/lib/jobs/job-types";

/** Soft delete: the CRM keeps the job, and Restore brings it back. */
export function deleteJob(uuid: string, idempotencyKey: string): Promise<{ uuid: string; deleted: true }> {
  return apiMutate<{ uuid: string; deleted: true }>(`/api/jobs/${encodeURIComponent(uuid)}`, { method: "DELETE", idempotencyKey });
}

/**
 * Deletes the job whose page is open: the page shows it as deleted at once,
 * then it and its history are read again; other job views and the trash are
 * marked stale. One call is one intent (one key, reused by apiMutate's retries).
 */
export function useDeleteJob(uuid: string, callbacks: { onSuccess?: () => void; onError?: (error: Error) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteJob(uuid, newIntentKey()),
    onSuccess: () => {
      queryClient.setQueryData<JobDetail>(jobKeys.detail(uuid), (current) => (current ? { ...current, deleted_at: new Date().toISOString() } : current));
      callbacks.onSuccess?.();
    },
    onError: (error) => callbacks.onError?.(error),
    onSettled: () => jobDeletedOrRestored(queryClient, uuid, "none"),
  });
}
