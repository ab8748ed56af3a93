"use client";

import { skipToken, useQueries, type QueryKey } from "@tanstack/react-query";
import { useHydrated } from "@/components/forms/use-hydrated";
import { dataAgeKey } from "@/lib/query/data-age";

/** The oldest "stale since" among these queries' data, or null when all of it is current. */
export function useStaleSince(queryKeys: readonly QueryKey[]): string | null {
  return useQueries({
    queries: queryKeys.map((queryKey) => ({ queryKey: dataAgeKey(queryKey), queryFn: skipToken, staleTime: Infinity })),
    combine: (results) =>
      results
        .map((result) => result.data as string | null | undefined)
        .filter((since): since is string => typeof since === "string")
        .sort()[0] ?? null,
  });
}

function formatSince(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString(undefined, { month: "short", day: "numeric" })}, ${time}`;
}

/**
 * Said above data the CRM could not confirm just now: what is on screen is
 * the last answer the dashboard saw, and from when, so nobody books a job on
 * an out-of-date picture without knowing it.
 */
export function StaleDataNotice({ queryKeys }: { queryKeys: readonly QueryKey[] }) {
  const since = useStaleSince(queryKeys);
  const hydrated = useHydrated();
  if (!since) return null;
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Showing saved data from <time dateTime={since}>{hydrated ? formatSince(since) : "earlier"}</time>; the CRM is not answering, so it may be out of date.
    </p>
  );
}
