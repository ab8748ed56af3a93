import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-fetch";
import { scheduleApiUrl } from "@/lib/schedule/schedule-params";
import { scheduleKeys } from "@/lib/schedule/queries/schedule-query-keys";
import type { ScheduleData, ScheduleQuery } from "@/lib/schedule/schedule-types";

export function fetchSchedule(query: ScheduleQuery, signal?: AbortSignal): Promise<ScheduleData> {
  return apiFetch<ScheduleData>(scheduleApiUrl(query), { signal });
}

export function scheduleQueryOptions(query: ScheduleQuery) {
  return queryOptions({ queryKey: scheduleKeys.view(query), queryFn: ({ signal }) => fetchSchedule(query, signal) });
}

/** The schedule on screen; the previous day or week stays shown while the next loads. */
export function useSchedule(query: ScheduleQuery | null) {
  return useQuery({
    ...scheduleQueryOptions(query ?? { view: "week", date: "1970-01-01", technician: null }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** One day of everyone's jobs, for the Reschedule dialog's overlap warning on any date it is given. */
export function useDaySchedule(date: string | null) {
  return useQuery({ ...scheduleQueryOptions({ view: "day", date: date ?? "1970-01-01", technician: null }), enabled: date !== null });
}
