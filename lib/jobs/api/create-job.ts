import { apiMutate } from "@/lib/http/api-mutate";
import type { JobFormValues } from "@/lib/jobs/job-schema";
import type { JobDetail } from "@/lib/jobs/job-types";

/** Creates a job; the key is the intent's (one per press of Save, reused on its retries). */
export function createJob(values: JobFormValues, idempotencyKey: string): Promise<JobDetail> {
  return apiMutate<JobDetail>("/api/jobs", { method: "POST", json: values, idempotencyKey });
}
