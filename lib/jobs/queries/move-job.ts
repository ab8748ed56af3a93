import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { newIntentKey } from "@/lib/http/api-mutate";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { updateJob } from "@/lib/jobs/queries/update-job";
import { withJob, withoutJob, withReplacedJob, type BoardColumnData } from "@/lib/jobs/board-cache";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobDetail, JobListItem } from "@/lib/jobs/job-types";
import type { BoardFilters } from "@/lib/jobs/job-list-url";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { errorText, retryActionFor } from "@/lib/http/error-advice";

export interface MoveRequest {
  job: JobListItem;
  from: JobStatus;
  to: JobStatus;
  /** One key per intent (one drop, one menu choice), reused by "Try again". */
  idempotencyKey: string;
}

const MOVE_KEY = ["jobs", "move"] as const;

function isJobStatus(value: unknown): value is JobStatus {
  return JOB_STATUSES.some((status) => status === value);
}

/**
 * Moving a card between statuses: the card moves at once, the change is saved
 * with PUT {status, expected_updated_at}, and a failure puts it back and says
 * why. The reversal is a targeted move back, not a snapshot restore, so two
 * quick moves of different cards can't undo each other.
 */
export function useMoveJob(filters: BoardFilters, announce: (message: string) => void) {
  const queryClient = useQueryClient();
  const columnKey = (status: JobStatus) => jobKeys.boardColumn(status, filters);
  const edit = (status: JobStatus, change: (column: BoardColumnData | undefined) => BoardColumnData | undefined) =>
    queryClient.setQueryData<BoardColumnData>(columnKey(status), change);

  const mutation = useMutation({
    mutationKey: MOVE_KEY,
    // No browser-side retries: the dashboard's server already retried the CRM,
    // and a person watching a card wants the answer now. "Try again" in the
    // failure message repeats the same intent with the same key.
    mutationFn: ({ job, to, idempotencyKey }: MoveRequest) =>
      updateJob(job.uuid, { status: to, expected_updated_at: job.updated_at ?? "" }, idempotencyKey, { retries: 0 }),
    onMutate: async ({ job, from, to }) => {
      await Promise.all([queryClient.cancelQueries({ queryKey: columnKey(from) }), queryClient.cancelQueries({ queryKey: columnKey(to) })]);
      edit(from, (column) => withoutJob(column, job.uuid));
      edit(to, (column) => withJob(column, { ...job, status: to }));
    },
    onSuccess: (saved: JobDetail, { to }) => {
      edit(to, (column) => withReplacedJob(column, saved));
      announce(`Saved: ${jobLabel(saved)} is now ${to}.`);
    },
    onError: (error, request) => {
      const { job, from, to } = request;
      edit(to, (column) => withoutJob(column, job.uuid));
      if (error instanceof ApiRequestError && error.status === 409) {
        const current = error.current as JobDetail | undefined;
        if (current && isJobStatus(current.status)) {
          edit(from, (column) => withoutJob(column, job.uuid));
          edit(current.status, (column) => withJob(column, current));
        } else {
          edit(from, (column) => withJob(column, job));
        }
        toast.error(`${jobLabel(job)} was changed by someone else, so it was not moved.`, {
          description: current && isJobStatus(current.status) ? `The card now shows their version, in ${current.status}.` : "Its card has been reloaded.",
        });
        return;
      }
      edit(from, (column) => withJob(column, job));
      toast.error(`Couldn't move ${jobLabel(job)} to ${to}. It is back in ${from}.`, {
        description: errorText(error, "The change could not be saved."),
        action: retryActionFor(error, { label: "Try again", onClick: () => mutation.mutate(request) }),
      });
    },
    onSettled: async () => {
      // Every job view, the two columns included, is marked stale, not read again now: the columns already
      // hold the CRM's answer (the saved card, or the card put back), and their counts moved with the card.
      // A column is read again when next shown, or before its "Load more" (useBoardColumn), whose page
      // boundaries shifted with the move. Reading both columns again cost two CRM requests per move.
      await jobsChanged(queryClient, "none");
    },
  });

  return (job: JobListItem, from: JobStatus, to: JobStatus) => {
    if (from === to) return; // a drop on its own column: nothing to save
    mutation.mutate({ job, from, to, idempotencyKey: newIntentKey() });
  };
}
