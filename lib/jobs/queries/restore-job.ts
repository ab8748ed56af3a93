import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiMutate, newIntentKey } from "@/lib/http/api-mutate";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { jobDeletedOrRestored } from "@/lib/jobs/queries/jobs-changed";
import type { JobDetail } from "@/lib/jobs/job-types";

export function restoreJob(uuid: string, idempotencyKey: string): Promise<JobDetail> {
  return apiMutate<JobDetail>(`/api/jobs/${encodeURIComponent(uuid)}/restore`, { method: "POST", idempotencyKey });
}

/**
 * Restores a job (the variables are anything with its uuid, such as a table
 * row): its page takes the restored job, it and its history are read again,
 * the trash is marked stale, and the other job views are read again now
 * (`lists: "active"`, the table the row is in) or when next shown ("none", the
 * job's own page).
 */
export function useRestoreJob<Item extends { uuid: string }>(
  lists: "active" | "none",
  callbacks: { onSuccess?: (restored: JobDetail, item: Item) => void; onError?: (error: Error, item: Item) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => restoreJob(item.uuid, newIntentKey()),
    onSuccess: (restored, item) => {
      queryClient.setQueryData(jobKeys.detail(item.uuid), restored);
      callbacks.onSuccess?.(restored, item);
    },
    onError: (error, item) => callbacks.onError?.(error, item),
    onSettled: (_data, _error, item) => jobDeletedOrRestored(queryClient, item.uuid, lists),
  });
}
