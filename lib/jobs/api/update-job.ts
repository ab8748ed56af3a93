import { apiMutate } from "@/lib/http/api-mutate";
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
