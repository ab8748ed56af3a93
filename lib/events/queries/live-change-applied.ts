import type { QueryClient } from "@tanstack/react-query";
import { customersChanged } from "@/lib/customers/queries/customers-changed";
import type { LiveChange } from "@/lib/events/live-event-types";
import { jobsChanged } from "@/lib/jobs/queries/jobs-changed";
import { trashKeys } from "@/lib/trash/queries/trash-query-keys";

/**
 * What changes heard on the live stream make stale in this tab, in one go for
 * a batch: the job screens (board, schedule, table, record pages: all under
 * ["jobs"]) after a job change; everything customer-shaped after a customer
 * change, and the jobs too (they show customer names); the trash after a
 * delete or restore. What is on screen refetches now, the rest when shown.
 * `null` (a reset: the tab was away too long to be told what changed) marks
 * everything stale.
 */
export async function liveChangesApplied(queryClient: QueryClient, changes: readonly LiveChange[] | null): Promise<void> {
  if (changes === null) {
    await queryClient.invalidateQueries();
    return;
  }
  const kinds = new Set(changes.map((change) => change.kind));
  const work: Promise<void>[] = [];
  if (kinds.has("customer")) work.push(customersChanged(queryClient, "all"));
  if (kinds.has("job") || kinds.has("customer")) work.push(jobsChanged(queryClient));
  if (changes.some((change) => change.action === "delete" || change.action === "restore"))
    work.push(queryClient.invalidateQueries({ queryKey: trashKeys.all }));
  await Promise.all(work);
}
