import "server-only";
import { dropCachedReadsOf } from "@/lib/crm/crm-request.server";
import { publishLiveChange } from "@/lib/events/live-bus.server";
import { ANY_RECORD, SYNC_ACTOR_NAME } from "@/lib/events/live-event-types";

/**
 * Changes the sync found (made in the CRM outside the dashboard) go to the
 * open tabs like the dashboard's own (ADR-022). A record counts as changed
 * when the mirror held another updated_at, or (for the change polls) did not hold it; the
 * dashboard's own writes are already in the mirror (write-through), so they
 * are not announced twice. The cached CRM reads of the resource are dropped
 * first, so the tabs' refetch reads the change. Past MANY_CHANGES on one page (a first sync, a
 * bulk import in the CRM), one event stands for all of them.
 */
export const MANY_CHANGES = 20;

/** Which records a sync page announces: those it adds to the mirror and those it changes, or only the latter. */
export type SyncAnnounce = "new_and_changed" | "changed";

export function changedElsewhere(before: ReadonlyMap<string, string>, read: ReadonlyMap<string, string>, includeNew: boolean): string[] {
  return [...read]
    .filter(([uuid, updatedAt]) => {
      const known = before.get(uuid);
      return known === undefined ? includeNew : Date.parse(known) !== Date.parse(updatedAt);
    })
    .map(([uuid]) => uuid);
}

export async function announceSyncChanges(resource: "customers" | "jobs", uuids: readonly string[]): Promise<void> {
  if (uuids.length === 0) return;
  await dropCachedReadsOf([resource]);
  const kind = resource === "customers" ? "customer" : "job";
  const actor = { id: null, name: SYNC_ACTOR_NAME };
  const recordIds = uuids.length > MANY_CHANGES ? [ANY_RECORD] : uuids;
  for (const recordId of recordIds) await publishLiveChange({ kind, recordId, action: "update", fields: [], actor, source: "sync" });
}
