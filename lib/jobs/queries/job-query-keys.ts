import type { JobStatus } from "@/lib/jobs/job-enums";
import type { JobListFilters } from "@/lib/jobs/job-list-filters";
import type { BoardFilters } from "@/lib/jobs/job-list-url";

/**
 * TanStack Query keys of the job screens. Everything under ["jobs"] is job
 * data, so a job change can invalidate it all with one prefix; the server
 * pages prefetch under the very same keys to hydrate the client.
 */
export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => ["jobs", "list"] as const,
  list: (filters: JobListFilters) => ["jobs", "list", filters] as const,
  board: () => ["jobs", "board"] as const,
  boardColumn: (status: JobStatus, filters: BoardFilters) => ["jobs", "board", status, filters] as const,
  /** Every column's first page in one answer (GET /api/jobs/board); each column's query reads its page 1 from it. */
  boardFirstPages: (filters: BoardFilters) => ["jobs", "board", "first-pages", filters] as const,
  detail: (uuid: string) => ["jobs", "detail", uuid] as const,
  history: (uuid: string) => ["jobs", "history", uuid] as const,
  assignees: () => ["jobs", "assignees"] as const,
};

export const locationKeys = { all: ["locations"] as const };
