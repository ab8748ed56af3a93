import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import { apiMutate, newIntentKey } from "@/lib/http/api-mutate";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { TAB_OF } from "@/lib/trash/queries/trash-tabs";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";
import { restoreEach, type RestoreItem, type RestoreOutcome } from "@/lib/trash/restore-run";
import type { TrashResource } from "@/lib/trash/trash-types";

/**
 * Restores one record from the trash. `expectedDeletedAt` is the deletion the
 * person saw: if the record was restored and deleted again since, the server
 * refuses (409 deleted_again) rather than restore something they have not seen.
 */
export function restoreFromTrash(resource: TrashResource, uuid: string, expectedDeletedAt: string | undefined, idempotencyKey: string): Promise<unknown> {
  const path = `/api/${TAB_OF[resource]}/${encodeURIComponent(uuid)}/restore`;
  return apiMutate(path, { method: "POST", json: expectedDeletedAt ? { expected_deleted_at: expectedDeletedAt } : undefined, idempotencyKey });
}

/** After restores: the trash, and every list the records reappear in, read again. */
async function refreshAfterRestore(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: trashKeys.all }), customersChanged(queryClient, "all"), jobsChanged(queryClient)]);
}

/** One row's Restore: whatever the outcome, the trash and the lists are read again before it settles. */
export function useRestoreFromTrash() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ resource, uuid, expectedDeletedAt }: { resource: TrashResource; uuid: string; expectedDeletedAt?: string | undefined }) =>
      restoreFromTrash(resource, uuid, expectedDeletedAt, newIntentKey()),
    onSettled: () => refreshAfterRestore(queryClient),
  });
}

/**
 * Restores several records in order (restoreEach), then reads the trash and
 * the lists again. The outcomes come back once the refresh is done, so what
 * the screen says next matches what it shows.
 */
export function useRestoreEach() {
  const queryClient = useQueryClient();
  return useCallback(
    async (items: RestoreItem[], keys: Map<string, string>, onEach: (outcome: RestoreOutcome, done: number) => void): Promise<RestoreOutcome[]> => {
      const outcomes = await restoreEach(items, keys, onEach);
      await refreshAfterRestore(queryClient);
      return outcomes;
    },
    [queryClient],
  );
}
