"use client";

import { toast } from "sonner";
import { useDeleteJob } from "@/lib/jobs/queries/delete-job";
import { useRestoreJob } from "@/lib/jobs/queries/restore-job";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobDetail } from "@/lib/jobs/job-types";

/**
 * Delete and restore of one job. Delete is soft in the CRM, so it asks no
 * question first: the toast offers Undo (a restore) instead, which is both
 * quicker and safer than an "are you sure?" people learn to click through.
 */
export function useJobLifecycle(job: JobDetail) {
  const label = jobLabel(job);

  const restore = useRestoreJob<JobDetail>("none", {
    onSuccess: () => toast.success(`${label} restored.`),
    onError: (error) => toast.error(`Couldn't restore ${label}.`, { description: error.message }),
  });

  const remove = useDeleteJob(job.uuid, {
    onSuccess: () =>
      toast.success(`${label} deleted.`, {
        description: "It is in the trash and can be restored from there later.",
        action: { label: "Undo", onClick: () => restore.mutate(job) },
      }),
    onError: (error) => toast.error(`Couldn't delete ${label}.`, { description: error.message }),
  });

  return {
    remove: () => remove.mutate(),
    restore: () => restore.mutate(job),
    busy: remove.isPending || restore.isPending,
  };
}
