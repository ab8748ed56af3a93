import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { StoredCrmCheck } from "@/lib/crm/compat/crm-check-types";

/** The CRM compatibility page's "Run the check now": the read-only self-check, whose answer is the new last result. */
export function runCrmCheckNow(): Promise<StoredCrmCheck> {
  return apiFetch<StoredCrmCheck>("/api/admin/crm-check", { method: "POST" });
}

export function useRunCrmCheck(callbacks: { onSuccess: (result: StoredCrmCheck) => void; onError: (error: Error) => void }) {
  return useMutation({ mutationFn: runCrmCheckNow, onSuccess: callbacks.onSuccess, onError: callbacks.onError });
}
