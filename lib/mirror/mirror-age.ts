import type { MirrorAsOf } from "@/lib/mirror/mirror-types";

/** When sync last looked at the CRM (the newer of its last full pass and its last look for changes), or null before it ever did. */
export function lastSyncedAt(asOf: MirrorAsOf): string | null {
  const times = [asOf.lastFullPassAt, asOf.lastChangesAt].filter((at): at is string => at !== null);
  return times.sort().at(-1) ?? null;
}
