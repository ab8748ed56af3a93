import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiMutate } from "@/lib/http/api-mutate";
import { jobSaved } from "@/lib/jobs/queries/jobs-changed";
import type { JobFormValues } from "@/lib/jobs/job-schema";
import type { JobDetail } from "@/lib/jobs/job-types";

/** Creates a job; the key is the intent's (one per press of Save, reused on its retries). */
export function createJob(values: JobFormValues, idempotencyKey: string): Promise<JobDetail> {
  return apiMutate<JobDetail>("/api/jobs", { method: "POST", json: values, idempotencyKey });
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, idempotencyKey }: { values: JobFormValues; idempotencyKey: string }) => createJob(values, idempotencyKey),
    onSuccess: (job) => jobSaved(queryClient, job),
  });
}
