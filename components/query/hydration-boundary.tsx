"use client";

import { hydrate, useQueryClient, type DehydratedState } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, type ReactNode } from "react";

// useLayoutEffect does nothing on the server; the branch never changes within a process.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * TanStack Query's HydrationBoundary (5.108.0), except that queries already in
 * the browser's cache are hydrated in a layout effect instead of a passive one
 * (and it takes no hydrate options: no page passes any).
 *
 * Why: a server page prefetches its queries and hands them over here. When the
 * browser already holds one of them, marked stale by a change made meanwhile
 * (a job saved, then back to the board by a link), the library hydrated the
 * server's fresh data in a passive effect, which runs after the page's own
 * useQuery has subscribed, seen the stale entry and started a refetch: the
 * board's ten columns were read twice (TanStack Query issue 9610). Layout
 * effects all run before any passive effect, so the fresh data is in the cache
 * before any query decides whether to fetch. An older payload (a page restored
 * by the browser's Back) is still not hydrated over newer data, and a query
 * marked stale then refetches, as before. This is the change of the library's
 * open pull request 11137; when a release includes it, go back to
 * HydrationBoundary from @tanstack/react-query.
 */
export function HydrationBoundary({ state, children }: { state: DehydratedState | null | undefined; children: ReactNode }) {
  const client = useQueryClient();

  // New queries are hydrated during render (nothing observes them yet); queries already in the cache are queued.
  const hydrationQueue = useMemo(() => {
    if (!state || typeof state !== "object") return undefined;
    const queryCache = client.getQueryCache();
    const newQueries: DehydratedState["queries"] = [];
    const existingQueries: DehydratedState["queries"] = [];
    for (const dehydratedQuery of state.queries ?? []) {
      const existingQuery = queryCache.get(dehydratedQuery.queryHash);
      if (!existingQuery) {
        newQueries.push(dehydratedQuery);
      } else if (
        dehydratedQuery.state.dataUpdatedAt > existingQuery.state.dataUpdatedAt ||
        (dehydratedQuery.promise &&
          existingQuery.state.status !== "pending" &&
          existingQuery.state.fetchStatus !== "fetching" &&
          dehydratedQuery.dehydratedAt !== undefined &&
          dehydratedQuery.dehydratedAt > existingQuery.state.dataUpdatedAt)
      ) {
        existingQueries.push(dehydratedQuery);
      }
    }
    if (newQueries.length > 0) hydrate(client, { queries: newQueries });
    return existingQueries.length > 0 ? existingQueries : undefined;
  }, [client, state]);

  useIsomorphicLayoutEffect(() => {
    if (hydrationQueue) hydrate(client, { queries: hydrationQueue });
  }, [client, hydrationQueue]);

  return children;
}
