import { keepPreviousData, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { LookupMatch } from "@/lib/customers/customer-types";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import type { LookupData } from "@/lib/customers/lookup-types";
import { apiFetch, apiFetchWithMeta } from "@/lib/http/api-fetch";
import { recordDataAge } from "@/lib/query/data-age";

export type { LookupData, LookupMatch };

export function lookupCallers(q: string, signal?: AbortSignal): Promise<LookupData> {
  return apiFetch<LookupData>(`/api/lookup?${new URLSearchParams({ q }).toString()}`, { signal });
}

export function lookupQueryOptions(q: string) {
  return queryOptions({
    queryKey: customerKeys.lookup(q),
    // The signal lets React Query abort the request for a query the person has already typed past.
    queryFn: async ({ signal, client, queryKey }) => {
      const { data, meta } = await apiFetchWithMeta<LookupData>(`/api/lookup?${new URLSearchParams({ q }).toString()}`, { signal });
      recordDataAge(client, queryKey, meta.stale_since);
      return data;
    },
  });
}

/** While the next answer loads, the last one stays on screen, so the list doesn't blink with every pause. */
export function useLookup(q: string, enabled: boolean) {
  return useQuery({ ...lookupQueryOptions(q), enabled, placeholderData: keepPreviousData });
}

/** A lookup read through the cache, for a check run on demand (duplicates): an answer under 15 seconds old is reused. */
export function useFetchLookup(): (q: string) => Promise<LookupData> {
  const queryClient = useQueryClient();
  return useCallback((q: string) => queryClient.fetchQuery({ ...lookupQueryOptions(q), staleTime: 15_000 }), [queryClient]);
}
