import { apiMutate } from "@/lib/http/api-mutate";

/** Soft delete: the CRM keeps the job, and Restore brings it back. */
export function deleteJob(uuid: string, idempotencyKey: string): Promise<{ uuid: string; deleted: true }> {
  return apiMutate<{ uuid: string; deleted: true }>(`/api/jobs/${encodeURIComponent(uuid)}`, { method: "DELETE", idempotencyKey });
}
