import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Whether a query's data is the CRM's current answer or one kept from before
 * (the BFF serves its last answer, marked `meta.stale_since`, when the CRM is
 * down or refuses at the monthly limit). Kept beside the data, under its own
 * key, so no data shape changes: the server page records it with its
 * prefetch (it is dehydrated with the page), the browser with each fetch, and
 * the screen reads it to say "Showing saved data from 10:42".
 */
export const dataAgeKey = (queryKey: QueryKey) => ["data-age", ...queryKey] as const;

/** `staleSince`: when the served answer was read from the CRM, or null/undefined when it is current. */
export function recordDataAge(client: QueryClient, queryKey: QueryKey, staleSince: string | null | undefined): void {
  const key = dataAgeKey(queryKey);
  if (staleSince) client.setQueryData(key, staleSince);
  else if (client.getQueryData(key) != null) client.setQueryData(key, null);
}
