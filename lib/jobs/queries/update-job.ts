import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { apiMutate } from "@/lib/http/api-mutate";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { jobSaved } from "@/lib/jobs/queries/jobs-changed";
import type { JobPatch } from "@/lib/jobs/job-changes";
import type { JobDetail } from "@/lib/jobs/job-types";

/**
 * PUT /api/jobs/:uuid with only the changed fields and the `updated_at` the
 * person started from. A 409 (someone else changed the job) comes back as an
 * ApiRequestError whose `current` is the job as it is now.
 */
export function updateJob(uuid: string, patch: JobPatch, idempotencyKey: string, options: { retries?: number } = {}): Promise<JobDetail> {
  return apiMutate<JobDetail>(`/api/jobs/${encodeURIComponent(uuid)}`, { method: "PUT", json: patch, idempotencyKey, retries: options.retries });
}

/** The job a 409 carries (someone else's newer version), or null for any other failure. */
export function conflictingJob(error: unknown): JobDetail | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const value = error.current as { uuid?: unknown; title?: unknown } | null | undefined;
  return typeof value === "object" && value !== null && typeof value.uuid === "string" && typeof value.title === "string" ? (value as JobDetail) : null;
}

/** A saved edit, or the newer version a conflict reveals, is what the job's page shows from then on. */
export function useUpdateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ uuid, patch, idempotencyKey }: { uuid: string; patch: JobPatch; idempotencyKey: string }) => updateJob(uuid, patch, idempotencyKey),
    onSuccess: (job) => jobSaved(queryClient, job),
    onError: (error) => {
      const current = conflictingJob(error);
      if (current) queryClient.setQueryData(jobKeys.detail(current.uuid), current);
    },
  });
}
