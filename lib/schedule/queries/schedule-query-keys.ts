import type { ScheduleQuery } from "@/lib/schedule/schedule-types";

/**
 * The schedule is job data: its keys live under ["jobs"], so every change to
 * jobs that marks the job screens stale (jobsChanged) marks it stale too.
 */
export const scheduleKeys = {
  all: ["jobs", "schedule"] as const,
  view: (query: ScheduleQuery) => ["jobs", "schedule", query.view, query.date, query.technician ?? "everyone"] as const,
};
