import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { SyncStatus } from "@/lib/mirror/mirror-types";
import { fetchSyncStatus } from "@/lib/mirror/queries/sync-now";

/** The sync's status as the Data sync page shows it. */
export const syncPageKey = ["admin", "sync"] as const;

/** Polled every few seconds while a pass runs, every half minute otherwise, from the status the server rendered. */
export function useSyncPageStatus(initialStatus: SyncStatus) {
  return useQuery({
    queryKey: syncPageKey,
    queryFn: fetchSyncStatus,
    initialData: initialStatus,
    refetchInterval: (query) => (query.state.data?.pass || query.state.data?.running ? 3_000 : 30_000),
  });
}

export interface SyncSettingsChange {
  budget_percent?: number;
  paused?: boolean;
}

export function updateSyncSettings(change: SyncSettingsChange): Promise<SyncStatus> {
  return apiFetch<SyncStatus>("/api/sync/settings", { method: "PUT", json: change });
}

/** Pause, resume or the budget share: the answer is the new status, shown at once. */
export function useSyncSettings(callbacks: { onSuccess?: (status: SyncStatus, change: SyncSettingsChange) => void; onError?: (error: Error) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSyncSettings,
    onSuccess: (next, change) => {
      queryClient.setQueryData(syncPageKey, next);
      callbacks.onSuccess?.(next, change);
    },
    onError: (error) => callbacks.onError?.(error),
  });
}
