import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * After a change, marks `queryKey` stale and refetches what is on screen as
 * `refetchType` says (default: now), but drops the queries under
 * `serverRendered` that no screen shows instead of marking them.
 *
 * Those are the queries a server page prefetches and hands to the browser
 * through HydrationBoundary whenever it is opened again, with fresh data. A
 * query still in the cache, merely marked stale, would refetch the moment the
 * page mounts, before HydrationBoundary gives it the server's data (it does
 * that for queries already in the cache in an effect, after the page's own
 * effects have run; TanStack Query issue 9610, unfixed in 5.108.0): each
 * return to the job board after a save read its ten columns twice. A dropped
 * query is simply created from the server's data.
 */
export async function invalidateServerRendered(
  queryClient: QueryClient,
  { queryKey, serverRendered, refetchType = "active" }: { queryKey: QueryKey; serverRendered: readonly QueryKey[]; refetchType?: "active" | "none" },
): Promise<void> {
  for (const key of serverRendered) queryClient.removeQueries({ queryKey: key, type: "inactive" });
  await queryClient.invalidateQueries({ queryKey, refetchType });
}
