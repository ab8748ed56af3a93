import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { TAB_OF } from "@/lib/trash/queries/trash-tabs";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";
import type { TrashResource, TrashScanEstimate, TrashScanStep } from "@/lib/trash/trash-types";

export function getScanEstimate(resource: TrashResource, signal?: AbortSignal): Promise<TrashScanEstimate> {
  return apiFetch<TrashScanEstimate>(`/api/trash/scan?tab=${TAB_OF[resource]}`, { signal });
}

/** One page of a scan. Reading a page twice changes nothing, so a plain retry is safe (no idempotency key needed). */
export function scanPage(resource: TrashResource, scanId: string, page: number, signal?: AbortSignal): Promise<TrashScanStep> {
  return apiFetch<TrashScanStep>("/api/trash/scan", { method: "POST", json: { tab: TAB_OF[resource], scan_id: scanId, page }, signal });
}

/** After a scan (finished, stopped or failed): what it found is in the trash, which is read again. */
export function useScanEnded(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trashKeys.all }), [queryClient]);
}
