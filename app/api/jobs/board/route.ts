import { ApiError } from "@/lib/api/api-error";
import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { parseWith } from "@/lib/api/read-body.server";
import { loadBoard } from "@/lib/jobs/board.server";
import { jobListFiltersSchema } from "@/lib/jobs/job-list-filters";
import { BOARD_FILTER_KEYS, boardFiltersOf } from "@/lib/jobs/job-list-url";

/**
 * Every board column's first page at once, for the board's filters
 * (ADR-018): a few CRM requests instead of one per column, counts from the
 * mirror, and the mirror's copy, marked stale, when the CRM cannot answer.
 */
export const GET = defineRoute("read", async ({ request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const offered: readonly string[] = BOARD_FILTER_KEYS;
  const other = Object.keys(params).find((key) => !offered.includes(key));
  if (other !== undefined) {
    const message = `The board does not filter by “${other}”. Use ${BOARD_FILTER_KEYS.join(", ")}.`;
    throw new ApiError(400, "validation", message, { [other]: message });
  }
  const filters = boardFiltersOf(parseWith(jobListFiltersSchema, params));
  const { results, answer } = await loadBoard(filters);
  return crmJson(results, answer);
});
