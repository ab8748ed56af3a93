"use client";

import { useState, useSyncExternalStore } from "react";
import { useLiveChangeStore } from "@/components/live/live-updates";
import type { HeardChange } from "@/lib/events/live-change-store";
import type { LiveRecordKind } from "@/lib/events/live-event-types";

const noSubscription = () => () => undefined;

/**
 * The latest change of one record that someone else made, heard by this tab
 * since the component appeared, or up to `lookBackMs` before (a card moved to
 * another column is a new component, mounted just after the change that moved
 * it; a form does not warn about changes older than itself); null if none.
 * The person's own changes are never returned: they must not look like a
 * colleague's.
 */
export function useChangeBySomeoneElse(kind: LiveRecordKind, recordId: string, lookBackMs = 0): HeardChange | null {
  const store = useLiveChangeStore();
  const [since] = useState(() => Date.now() - lookBackMs);
  const change = useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => store?.latestOf(kind, recordId) ?? null,
    () => null,
  );
  return change && !change.mine && change.heardAt >= since ? change : null;
}
