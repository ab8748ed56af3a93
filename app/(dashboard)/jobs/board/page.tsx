import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import { JobBoard } from "@/components/jobs/board/job-board";
import { JobScreenHeader } from "@/components/jobs/job-screen-header";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { prefetchBoard } from "@/lib/jobs/prefetch-jobs.server";
import { checkJobFilters } from "@/lib/jobs/job-list-filters";
import { BOARD_FILTER_KEYS, boardFiltersOf, rawFiltersFromSearchParams } from "@/lib/jobs/job-list-url";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Job board" };

/**
 * The board, prefetched on the server with the URL's filters: every column's
 * first 25 cards from a few CRM lists of several statuses each, counts from
 * the mirror (ADR-018). Filters with a problem load nothing; the client says
 * what is wrong.
 */
export default async function JobBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const raw = rawFiltersFromSearchParams(await searchParams);
  const check = checkJobFilters(raw, BOARD_FILTER_KEYS);
  const queryClient = makeQueryClient();
  if (check.ok) await runAsRequester(user, () => prefetchBoard(queryClient, boardFiltersOf(check.filters)));
  const canWrite = can(user.role, "write");

  return (
    <div className="space-y-4">
      <JobScreenHeader
        title="Job board"
        description={`Every job by status. ${canWrite ? "Drag a card, or use its Move to menu, to change its status." : "Your role can look but not move jobs."}`}
        otherView={{ href: "/jobs", label: "Table view" }}
        canWrite={canWrite}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <JobBoard canWrite={canWrite} serverFilters={{ raw, check }} timeZone={await viewerTimeZone()} />
      </HydrationBoundary>
    </div>
  );
}
