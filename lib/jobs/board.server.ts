import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { listJobs } from "@/lib/crm/jobs.server";
import type { JobListItem } from "@/lib/crm/schemas.server";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";
import { BOARD_PAGE_SIZE, type BoardFilters } from "@/lib/jobs/job-list-url";
import type { BoardAnswer } from "@/lib/jobs/board-types";
import type { JobListPage } from "@/lib/jobs/job-types";
import { boardColumnsFromMirror, boardCountsFromMirror } from "@/lib/mirror/mirror-board.server";
import { lastSyncedAt } from "@/lib/mirror/mirror-age";
import { mirrorMayAnswer, mirrorResult } from "@/lib/mirror/mirror-fallback.server";

/** The CRM's largest page: one request reads the newest 100 jobs of several statuses at once (CRM-API 002, status is a comma list). */
const READ_LIMIT = 100;
/**
 * The CRM lists the board reads: one, the newest 100 jobs of every status. The statuses are
 * spread by age (new work is New, old work Complete), so settling every column from the CRM
 * took 6 to 8 lists on the bench's data; the columns one list does not settle show the
 * mirror's cards instead, said on the column (ADR-018).
 */
const CRM_READS = 1;

/**
 * The board's first page of every column (ADR-018). The CRM lists newest
 * first, so the jobs of one status within a list of several statuses are
 * that status's newest: one request for all ten statuses fills every column
 * whose 25 newest are among the 100 newest jobs. The columns still short are
 * asked for again together, and so on; a column is done when it has 25 cards,
 * when an answer reached the end of its list, or when it holds every job the
 * mirror counts for it. Counts come from the mirror (read after the CRM's
 * answers have refreshed it), except where the CRM's answer showed them all.
 * When the CRM cannot answer, the mirror answers the cards too, marked stale.
 */
export async function loadBoard(filters: BoardFilters): Promise<{ results: CrmResult<unknown>[]; answer: BoardAnswer }> {
  try {
    return await boardFromCrm(filters);
  } catch (error) {
    if (!mirrorMayAnswer(error)) throw error;
    const mirror = await boardColumnsFromMirror(filters, BOARD_PAGE_SIZE).catch(() => null);
    if (!mirror) throw error;
    const columns = Object.fromEntries(JOB_STATUSES.map((status) => [status, page(mirror.columns[status], mirror.counts[status])])) as BoardAnswer["columns"];
    const age = [mirror.asOf.oldestConfirmedAt, lastSyncedAt(mirror.asOf)].filter((at): at is string => at !== null).sort()[0];
    return {
      results: [mirrorResult(null, age ?? new Date(0).toISOString())],
      answer: { columns, source: "mirror", mirrorColumns: [...JOB_STATUSES], countsFrom: "mirror", countsAsOf: mirror.asOf },
    };
  }
}

async function boardFromCrm(filters: BoardFilters): Promise<{ results: CrmResult<unknown>[]; answer: BoardAnswer }> {
  const planned = await boardCountsFromMirror(filters);
  // Before the mirror's first full pass its counts are not worth trusting: one list per column, whose totals are the CRM's.
  if (planned.asOf.lastFullPassAt === null) return columnByColumn(filters, planned.asOf);
  const cards = new Map<JobStatus, JobListItem[]>(JOB_STATUSES.map((status) => [status, []]));
  const complete = new Set<JobStatus>();
  /** Columns whose whole list the CRM returned: their count is the CRM's. */
  const exact = new Set<JobStatus>();
  const results: CrmResult<unknown>[] = [];
  let asked: JobStatus[] = [];
  let pageNumber = 1;
  let pending: JobStatus[] = [...JOB_STATUSES];
  while (pending.length > 0 && results.length < CRM_READS) {
    // The same statuses again (none was done by the last answer): the next page of that list, else page 1 of the narrower list.
    pageNumber = sameStatuses(asked, pending) ? pageNumber + 1 : 1;
    asked = pending;
    const result = await listJobs({
      statuses: pending,
      priority: filters.priority,
      locationUuid: filters.location_uuid,
      assignedToUserId: filters.assigned_to_user_id,
      customerUuid: filters.customer_uuid,
      search: filters.search || undefined,
      page: pageNumber,
      limit: READ_LIMIT,
    });
    results.push(result);
    for (const job of result.data.jobs) {
      const list = cards.get(job.status as JobStatus);
      if (list && !list.some((known) => known.uuid === job.uuid)) list.push(job);
    }
    const reachedEnd = pageNumber * READ_LIMIT >= result.data.pagination.total;
    for (const status of pending) {
      const have = cards.get(status)?.length ?? 0;
      if (reachedEnd || have >= BOARD_PAGE_SIZE || have >= planned.counts[status]) complete.add(status);
    }
    if (reachedEnd) for (const status of pending) exact.add(status);
    pending = JOB_STATUSES.filter((status) => !complete.has(status));
  }
  // The columns the CRM's newest jobs did not settle: the mirror's first cards, in the CRM's order (the mirror already holds what the answer carried).
  const fromMirror = pending.length > 0 ? await boardColumnsFromMirror(filters, BOARD_PAGE_SIZE) : null;
  for (const status of pending) cards.set(status, fromMirror?.columns[status] ?? []);
  const counted = fromMirror ? { counts: fromMirror.counts, asOf: fromMirror.asOf } : await boardCountsFromMirror(filters);
  const columns = Object.fromEntries(
    JOB_STATUSES.map((status) => {
      const all = cards.get(status) ?? [];
      const shown = all.slice(0, BOARD_PAGE_SIZE);
      const total = exact.has(status) ? all.length : Math.max(counted.counts[status], all.length);
      return [status, page(shown, total)];
    }),
  ) as BoardAnswer["columns"];
  return { results, answer: { columns, source: "crm", mirrorColumns: pending, countsFrom: "mirror", countsAsOf: counted.asOf } };
}

function columnFromCrm(filters: BoardFilters, status: JobStatus) {
  return listJobs({
    statuses: [status],
    priority: filters.priority,
    locationUuid: filters.location_uuid,
    assignedToUserId: filters.assigned_to_user_id,
    customerUuid: filters.customer_uuid,
    search: filters.search || undefined,
    limit: BOARD_PAGE_SIZE,
  });
}

async function columnByColumn(filters: BoardFilters, countsAsOf: BoardAnswer["countsAsOf"]): Promise<{ results: CrmResult<unknown>[]; answer: BoardAnswer }> {
  const results = await Promise.all(JOB_STATUSES.map((status) => columnFromCrm(filters, status)));
  const columns = Object.fromEntries(JOB_STATUSES.map((status, index) => [status, results[index]?.data])) as BoardAnswer["columns"];
  return { results, answer: { columns, source: "crm", mirrorColumns: [], countsFrom: "crm", countsAsOf } };
}

function page(jobs: JobListItem[], total: number): JobListPage {
  return { jobs, pagination: { page: 1, limit: BOARD_PAGE_SIZE, total, total_pages: Math.ceil(total / BOARD_PAGE_SIZE) } };
}

function sameStatuses(a: readonly JobStatus[], b: readonly JobStatus[]): boolean {
  return a.length === b.length && a.every((status, index) => status === b[index]);
}
