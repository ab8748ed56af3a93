import type { JobStatus } from "@/lib/jobs/job-enums";
import type { JobListPage } from "@/lib/jobs/job-types";
import type { MirrorAsOf } from "@/lib/mirror/mirror-types";

/**
 * GET /api/jobs/board: every column's first page at once. The cards are the
 * CRM's (or, when it cannot answer, the mirror's, marked stale); a column's
 * count is exact when its cards are all there, else the mirror's count.
 */
export interface BoardAnswer {
  columns: Record<JobStatus, JobListPage>;
  /** Where the cards came from: the CRM (with some columns from the mirror, below), or all from the mirror because the CRM could not answer. */
  source: "crm" | "mirror";
  /** Columns whose cards are the mirror's: those the CRM's one list of the newest jobs did not fill. */
  mirrorColumns: JobStatus[];
  /** Where the columns' counts came from (the CRM's own totals before the mirror's first full pass). */
  countsFrom: "crm" | "mirror";
  /** The age of the mirror the counts (and, from the mirror, the cards) were read from. */
  countsAsOf: MirrorAsOf;
}
