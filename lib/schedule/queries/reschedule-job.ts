import { useMutation, useQueryClient } from "@tanstack/react-query";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { conflictingJob, updateJob } from "@/lib/jobs/queries/update-job";
import type { JobPatch } from "@/lib/jobs/job-changes";
import type { JobDetail } from "@/lib/jobs/job-types";
import { scheduleJobFromDetail, withPlacedJob } from "@/lib/schedule/schedule-cache";
import { scheduleKeys } from "@/lib/schedule/queries/schedule-query-keys";
import type { ScheduleData, ScheduleJob } from "@/lib/schedule/schedule-types";

/** Where a job goes: its technician (null: nobody), day and window. */
export interface ScheduleSlot {
  assigned_to_user_id: string | null;
  scheduled_date: string | null;
  scheduled_time_start: string | null;
  scheduled_time_end: string | null;
}

export interface RescheduleRequest {
  job: ScheduleJob;
  to: ScheduleSlot;
  /** The technician's name, shown on the card until the saved job comes back. */
  assigneeName: string | null;
  /** One key per intent (one drop, one Save), reused by "Try again". */
  idempotencyKey: string;
}

const RESCHEDULE_KEY = ["jobs", "reschedule"] as const;
const SLOT_FIELDS = ["assigned_to_user_id", "scheduled_date", "scheduled_time_start", "scheduled_time_end"] as const;

/** Only the fields that change are sent (ADR-005): a concurrent change to the others is not overwritten. */
export function reschedulePatch(job: ScheduleJob, to: ScheduleSlot): JobPatch | null {
  const patch: Record<string, string | null> = {};
  for (const field of SLOT_FIELDS) {
    const before = field === "assigned_to_user_id" ? (job[field]?.toLowerCase() ?? null) : job[field];
    if ((before ?? null) !== (to[field] ?? null)) patch[field] = to[field] ?? "";
  }
  if (Object.keys(patch).length === 0) return null;
  return { ...patch, expected_updated_at: job.updated_at } as JobPatch;
}

/**
 * Rescheduling a job (drag or dialog): the card moves at once, the change is
 * saved with PUT {fields, expected_updated_at}, and a failure puts it back
 * where it was, or, on a 409, where the newer version says. The reversal is a
 * targeted placement of that one job, so two quick moves can't undo each other.
 * Components pass their toasts and dialogs as per-call callbacks.
 */
export function useRescheduleJob() {
  const queryClient = useQueryClient();
  const place = (job: ScheduleJob) => queryClient.setQueriesData<ScheduleData>({ queryKey: scheduleKeys.all }, (data) => withPlacedJob(data, job));

  return useMutation({
    mutationKey: RESCHEDULE_KEY,
    // No browser-side retries: the server already retried the CRM; "Try again" repeats the intent with its key.
    mutationFn: ({ job, to, idempotencyKey }: RescheduleRequest): Promise<JobDetail> => {
      const patch = reschedulePatch(job, to);
      if (!patch) return Promise.reject(new Error("Nothing to change."));
      return updateJob(job.uuid, patch, idempotencyKey, { retries: 0 });
    },
    onMutate: async ({ job, to, assigneeName }) => {
      await queryClient.cancelQueries({ queryKey: scheduleKeys.all });
      place({ ...job, ...to, assignee_name: to.assigned_to_user_id ? assigneeName : null });
    },
    onSuccess: (saved, { job }) => place(scheduleJobFromDetail(saved, job)),
    onError: (error, { job }) => {
      const current = conflictingJob(error);
      place(current ? scheduleJobFromDetail(current, job) : job);
    },
    onSettled: async () => {
      // The job page, the table and the board are marked stale; the schedule is read again from the
      // mirror (which the save or the conflict's read has just updated), once no other move is in flight.
      await jobsChanged(queryClient, "none");
      if (queryClient.isMutating({ mutationKey: RESCHEDULE_KEY }) > 1) return;
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
    },
  });
}
