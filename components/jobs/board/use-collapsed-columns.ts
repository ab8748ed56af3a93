"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";

/** Per browser, not per account: a collapsed column is a preference of the screen in front of someone. */
const STORAGE_KEY = "tradesdesk:job-board:collapsed";
const listeners = new Set<() => void>();
// Used when storage is unavailable (disabled by policy, private mode): the choice then lasts for this page.
let fallback = "[]";

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changing the preference updates this one too.
  const onStorage = (event: StorageEvent) => event.key === STORAGE_KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

// The raw text is the snapshot: strings compare by value, so React sees no change until there is one.
function readStored(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

function parse(raw: string): Set<JobStatus> {
  try {
    const value: unknown = JSON.parse(raw);
    return new Set(Array.isArray(value) ? JOB_STATUSES.filter((status) => value.includes(status)) : []);
  } catch {
    return new Set();
  }
}

/** Which board columns are collapsed, remembered in localStorage. */
export function useCollapsedColumns(): [ReadonlySet<JobStatus>, (status: JobStatus, collapsed: boolean) => void] {
  const raw = useSyncExternalStore(subscribe, readStored, () => "[]");
  const collapsed = useMemo(() => parse(raw), [raw]);
  const setCollapsed = useCallback((status: JobStatus, value: boolean) => {
    const next = parse(readStored());
    if (value) next.add(status);
    else next.delete(status);
    fallback = JSON.stringify([...next]);
    try {
      window.localStorage.setItem(STORAGE_KEY, fallback);
    } catch {
      // Kept in `fallback` for this page instead.
    }
    for (const listener of listeners) listener();
  }, []);
  return [collapsed, setCollapsed];
}
