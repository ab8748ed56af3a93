import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import type { Location } from "@/lib/jobs/job-types";
import { locationKeys } from "@/lib/jobs/queries/job-query-keys";

export function fetchLocations(): Promise<Location[]> {
  return apiFetch<{ locations: Location[] }>("/api/locations").then((data) => data.locations);
}

/** A company's offices hardly ever change during a session. */
export function locationsQueryOptions() {
  return queryOptions({ queryKey: locationKeys.all, queryFn: fetchLocations, staleTime: 10 * 60_000 });
}

export function useLocations() {
  return useQuery(locationsQueryOptions());
}
