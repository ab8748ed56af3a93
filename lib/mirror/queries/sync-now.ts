import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { SyncStatus } from "@/lib/mirror/mirror-types";

/** The sync's status as the freshness line above mirror-answered screens watches it. */
export const syncStatusKey = ["mirror", "sync-status"] as const;

export function fetchSyncStatus(): Promise<SyncStatus> {
  return apiFetch<SyncStatus>("/api/sync");
}

export function startFullPass(): Promise<SyncStatus> {
  return apiFetch<SyncStatus>("/api/sync/run", { method: "POST" });
}

/** Polled every two seconds while `watching` (a pass this screen started), not at all otherwise. */
export function useWatchedSyncStatus(watching: boolean) {
  return useQuery({ queryKey: syncStatusKey, queryFn: fetchSyncStatus, enabled: watching, refetchInterval: watching ? 2_000 : false });
}

/** Sync now: starts a full pass; its answer is the status to watch from, stored under `statusKey` (the freshness line's, or the Data sync page's). */
export function useSyncNow(
  callbacks: { onSuccess?: (status: SyncStatus) => void; onError?: (error: Error) => void } = {},
  statusKey: readonly unknown[] = syncStatusKey,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startFullPass,
    onSuccess: (next) => {
      queryClient.setQueryData(statusKey, next);
      callbacks.onSuccess?.(next);
    },
    onError: (error) => callbacks.onError?.(error),
  });
}

/** Once a pass ends, everything the browser holds but the sync's own status is read again. */
export function useRefreshAfterSync(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "mirror" }), [queryClient]);
}
