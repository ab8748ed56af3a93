"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { newIntentKey } from "@/lib/http/api-mutate";
import { deleteJob } from "@/lib/jobs/api/delete-job";
import { jobKeys } from "@/lib/jobs/api/job-query-keys";
import { restoreJob } from "@/lib/jobs/api/restore-job";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobDetail } from "@/lib/jobs/job-types";
import { trashKeys } from "@/lib/trash/api/trash-api";
import { jobsChanged } from "@/lib/jobs/api/jobs-changed";

/**
 * Delete and restore of one job. Delete is soft in the CRM, so it asks no
 * question first: the toast offers Undo (a restore) instead, which is both
 * quicker and safer than an "are you sure?" people learn to click through.
 */
export function useJobLifecycle(job: JobDetail) {
  const queryClient = useQueryClient();
  const label = jobLabel(job);

  const settle = async () => {
    await queryClient.invalidateQueries({ queryKey: jobKeys.detail(job.uuid) });
    await queryClient.invalidateQueries({ queryKey: jobKeys.history(job.uuid) });
    // Lists, the board and other pages are marked stale and reload when next shown.
    await jobsChanged(queryClient, "none");
    await queryClient.invalidateQueries({ queryKey: trashKeys.all, refetchType: "none" });
  };

  const restore = useMutation({
    mutationFn: (idempotencyKey: string) => restoreJob(job.uuid, idempotencyKey),
    onSuccess: (restored) => {
      queryClient.setQueryData(jobKeys.detail(job.uuid), restored);
      toast.success(`${label} restored.`);
    },
    onError: (error) => toast.error(`Couldn't restore ${label}.`, { description: error.message }),
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (idempotencyKey: string) => deleteJob(job.uuid, idempotencyKey),
    onSuccess: () => {
      queryClient.setQueryData<JobDetail>(jobKeys.detail(job.uuid), (current) => (current ? { ...current, deleted_at: new Date().toISOString() } : current));
      toast.success(`${label} deleted.`, {
        description: "It is in the trash and can be restored from there later.",
        action: { label: "Undo", onClick: () => restore.mutate(newIntentKey()) },
      });
    },
    onError: (error) => toast.error(`Couldn't delete ${label}.`, { description: error.message }),
    onSettled: settle,
  });

  return {
    remove: () => remove.mutate(newIntentKey()),
    restore: () => restore.mutate(newIntentKey()),
    busy: remove.isPending || restore.isPending,
  };
}
