import { apiMutate } from "@/lib/http/api-mutate";
import type { JobDetail } from "@/lib/jobs/job-types";

export function restoreJob(uuid: string, idempotencyKey: string): Promise<JobDetail> {
  return apiMutate<JobDetail>(`/api/jobs/${encodeURIComponent(uuid)}/restore`, { method: "POST", idempotencyKey });
}
