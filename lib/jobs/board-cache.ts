import type { InfiniteData } from "@tanstack/react-query";
import type { JobListItem, JobListPage } from "@/lib/jobs/job-types";

/**
 * Pure edits of one board column's cached pages, for optimistic moves and
 * their rollback. A column's count is its first page's `pagination.total`
 * (the CRM's true total), so every edit keeps all pages' totals in step.
 */
export type BoardColumnData = InfiniteData<JobListPage, unknown>;

/** The CRM lists newest created_at first, uuid descending as tie-break. */
function comesBefore(a: JobListItem, b: JobListItem): boolean {
  const aCreated = a.created_at ?? "";
  const bCreated = b.created_at ?? "";
  if (aCreated !== bCreated) return Date.parse(aCreated) > Date.parse(bCreated);
  return a.uuid > b.uuid;
}

function withTotal(page: JobListPage, delta: number): JobListPage {
  const total = Math.max(0, page.pagination.total + delta);
  return { ...page, pagination: { ...page.pagination, total, total_pages: Math.ceil(total / page.pagination.limit) } };
}

export function columnHasJob(column: BoardColumnData | undefined, uuid: string): boolean {
  return column?.pages.some((page) => page.jobs.some((job) => job.uuid === uuid)) ?? false;
}

/** The column without the card; its count goes down by one when the card was there. */
export function withoutJob(column: BoardColumnData | undefined, uuid: string): BoardColumnData | undefined {
  if (!column || !columnHasJob(column, uuid)) return column;
  return { ...column, pages: column.pages.map((page) => withTotal({ ...page, jobs: page.jobs.filter((job) => job.uuid !== uuid) }, -1)) };
}

/**
 * The column with the card at the place the CRM would list it. A card older
 * than everything loaded goes to the end of what is loaded, so it stays in
 * sight; "Load more" may then bring it again, which loadedJobs de-duplicates.
 */
export function withJob(column: BoardColumnData | undefined, job: JobListItem): BoardColumnData | undefined {
  if (!column) return column;
  if (columnHasJob(column, job.uuid)) return withReplacedJob(column, job);
  let placed = false;
  const pages = column.pages.map((page, pageIndex) => {
    if (placed) return withTotal(page, 1);
    const index = page.jobs.findIndex((other) => comesBefore(job, other));
    const isLastPage = pageIndex === column.pages.length - 1;
    if (index === -1 && !isLastPage) return withTotal(page, 1);
    placed = true;
    const jobs = [...page.jobs];
    jobs.splice(index === -1 ? jobs.length : index, 0, job);
    return withTotal({ ...page, jobs }, 1);
  });
  return { ...column, pages };
}

/** The column with a newer copy of a card it holds (same place, same count). */
export function withReplacedJob(column: BoardColumnData | undefined, job: JobListItem): BoardColumnData | undefined {
  if (!column) return column;
  return { ...column, pages: column.pages.map((page) => ({ ...page, jobs: page.jobs.map((other) => (other.uuid === job.uuid ? job : other)) })) };
}

/** The loaded cards in order, each once (pages may overlap after moves). */
export function loadedJobs(column: BoardColumnData | undefined): JobListItem[] {
  const seen = new Set<string>();
  const jobs: JobListItem[] = [];
  for (const page of column?.pages ?? []) {
    for (const job of page.jobs) {
      if (seen.has(job.uuid)) continue;
      seen.add(job.uuid);
      jobs.push(job);
    }
  }
  return jobs;
}

export function columnTotal(column: BoardColumnData | undefined): number | null {
  return column?.pages[0]?.pagination.total ?? null;
}

/** The sum of the loaded cards' estimates, in dollars (cents added as integers). */
export function loadedEstimate(jobs: readonly JobListItem[]): number {
  return jobs.reduce((cents, job) => cents + Math.round((job.estimated_amount ?? 0) * 100), 0) / 100;
}
