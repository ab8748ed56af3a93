"use client";

import { skipToken, useQueries, type QueryKey } from "@tanstack/react-query";
import { dayInTimeZone } from "@/lib/time/viewer-time-zone";
import { useViewerTimeZone } from "@/lib/time/viewer-time-zone-context";
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

/** "14:05" today, "Mar 3, 14:05" before, in the viewer's zone (the server's render and the browser's agree). */
function formatSince(iso: string, timeZone: string, now = new Date()): string {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);
  const day = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" });
  return dayInTimeZone(timeZone, at) === dayInTimeZone(timeZone, now) ? time : `${day.format(at)}, ${time}`;
}

/**
 * Said above data the CRM could not confirm just now: what is on screen is
 * the last answer the dashboard saw, and from when, so nobody books a job on
 * an out-of-date picture without knowing it.
 */
export function StaleDataNotice({ queryKeys }: { queryKeys: readonly QueryKey[] }) {
  const since = useStaleSince(queryKeys);
  const timeZone = useViewerTimeZone();
  if (!since) return null;
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Showing saved data from <time dateTime={since}>{formatSince(since, timeZone)}</time>; the CRM is not answering, so it may be out of date.
    </p>
  );
}
