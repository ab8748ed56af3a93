import "server-only";
import { CrmError } from "@/lib/crm/errors.server";
import { readRecordPage, type RecordPageParams } from "@/lib/crm/record-pages.server";
import { MAX_RETRIES } from "@/lib/crm/retry-policy.server";
import type { Customer, JobListItem, Location } from "@/lib/crm/schemas.server";
import { parseMirrorCustomer, parseMirrorJob, parseMirrorLocation } from "@/lib/mirror/mirror-records.server";
import { mirrorUuids, upsertCustomers, upsertJobs, upsertLocations } from "@/lib/mirror/mirror-store.server";
import { announceSyncChanges, changedElsewhere, type SyncAnnounce } from "@/lib/events/announce-sync-changes.server";
import type { SyncResource } from "@/lib/mirror/mirror-types";
import { addSyncSpend, recordProblem } from "@/lib/mirror/sync-state.server";

/**
 * One page read by the sync: counted against its budget, each record parsed
 * on its own (an unreadable record is skipped and listed, the page is not
 * lost), the good ones written to the mirror as of the moment they were read.
 */
export interface SyncedPage {
  uuids: string[];
  updatedAt: Map<string, string>;
  skipped: string[];
  total: number;
  totalPages: number;
}

/** Attempts a failed read probably cost: the CRM counts retries too, and CrmError does not say how many were made. */
function attemptsOf(error: unknown): number {
  return error instanceof CrmError && (error.kind === "unavailable" || error.kind === "rate_limited" || error.kind === "conflict") ? MAX_RETRIES + 1 : 1;
}

/**
 * `announce`: which records this page changes in the mirror are sent to the
 * open tabs (lib/events/announce-sync-changes.server.ts). The change polls
 * announce new records too; a full pass only records the mirror already held
 * (a first pass would otherwise announce the whole CRM).
 */
export async function syncPage(
  scope: string,
  resource: SyncResource,
  params: RecordPageParams,
  now: () => Date,
  announce: SyncAnnounce = "new_and_changed",
): Promise<SyncedPage> {
  let page;
  try {
    page = await readRecordPage(resource, params);
  } catch (error) {
    await addSyncSpend(scope, attemptsOf(error), now());
    throw error;
  }
  await addSyncSpend(scope, page.meta.upstreamCalls, now());
  const at = new Date(page.meta.fetchedAt);
  const skipped: string[] = [];
  const updatedAt = new Map<string, string>();
  const good: unknown[] = [];
  const parse = resource === "customers" ? parseMirrorCustomer : resource === "jobs" ? parseMirrorJob : parseMirrorLocation;
  for (const raw of page.records) {
    const parsed = parse(raw);
    if (parsed.ok) {
      good.push(parsed.value);
      const value = parsed.value as { uuid: string; updated_at?: string | null };
      updatedAt.set(value.uuid.toLowerCase(), value.updated_at ?? "");
    } else {
      skipped.push(parsed.uuid ?? "(no uuid)");
      await recordProblem(scope, { kind: "invalid_record", resource, uuid: parsed.uuid, message: `Skipped: ${parsed.reason}` });
    }
  }
  const known = resource !== "locations" ? await mirrorUuids(scope, resource, [...updatedAt.keys()]) : null;
  if (resource === "customers") await upsertCustomers(scope, good as Customer[], at);
  else if (resource === "jobs") await upsertJobs(scope, good as JobListItem[], at);
  else await upsertLocations(scope, good as Location[], at);
  if (known && resource !== "locations") await announceSyncChanges(resource, changedElsewhere(known, updatedAt, announce === "new_and_changed"));
  return { uuids: [...updatedAt.keys()], updatedAt, skipped, total: page.pagination.total, totalPages: page.pagination.total_pages };
}
