import { runBulk, type BulkResult } from "@/lib/bulk/run-bulk";
import { ApiRequestError } from "@/lib/http/api-fetch";
import { newIntentKey } from "@/lib/http/api-mutate";
import { restoreFromTrash } from "@/lib/trash/queries/restore-from-trash";
import type { TrashResource } from "@/lib/trash/trash-types";

export interface RestoreItem {
  resource: TrashResource;
  uuid: string;
  label: string;
  /** The deletion the person saw; left out for jobs offered with their customer (the customer's row is what they saw). */
  expectedDeletedAt?: string | undefined;
}

export type RestoreOutcome = { item: RestoreItem; ok: true } | { item: RestoreItem; ok: false; message: string; nothingToDo: boolean };

/**
 * Restores records one after another (a customer before the jobs that go
 * with them, so a job never comes back under a deleted customer), reporting
 * each as it finishes. One key per record for the life of `keys`, so trying
 * the failed ones again cannot restore anything twice.
 */
export async function restoreEach(
  items: readonly RestoreItem[],
  keys: Map<string, string>,
  onOutcome: (outcome: RestoreOutcome, done: number) => void,
): Promise<RestoreOutcome[]> {
  const keyFor = (item: RestoreItem) => {
    const key = keys.get(item.uuid) ?? newIntentKey();
    keys.set(item.uuid, key);
    return key;
  };
  const results = await runBulk(items, (item) => restoreFromTrash(item.resource, item.uuid, item.expectedDeletedAt, keyFor(item)), {
    concurrency: 1,
    onSettled: (result, progress) => onOutcome(toOutcome(result), progress.done),
  });
  return results.map(toOutcome);
}

function toOutcome(result: BulkResult<RestoreItem>): RestoreOutcome {
  if (result.ok) return { item: result.item, ok: true };
  const { error } = result;
  const nothingToDo = error instanceof ApiRequestError && (error.code === "not_deleted" || error.code === "deleted_again" || error.status === 404);
  return { item: result.item, ok: false, message: error instanceof Error ? error.message : "It could not be restored.", nothingToDo };
}
