import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import { JobTable } from "@/components/jobs/table/job-table";
import { JobScreenHeader } from "@/components/jobs/job-screen-header";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { prefetchJobList } from "@/lib/jobs/prefetch-jobs.server";
import { checkJobFilters } from "@/lib/jobs/job-list-filters";
import { rawFiltersFromSearchParams } from "@/lib/jobs/job-list-url";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Jobs" };

/**
 * The job table, prefetched on the server with the URL's filters (one CRM
 * request). A filter with a problem (status=Teleported) loads nothing; the
 * table says which filter and why.
 */
export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const raw = rawFiltersFromSearchParams(await searchParams);
  const check = checkJobFilters(raw);
  const queryClient = makeQueryClient();
  if (check.ok) await runAsRequester(user, () => prefetchJobList(queryClient, check.filters));
  const canWrite = can(user.role, "write");
  const timeZone = await viewerTimeZone();

  return (
    <div className="space-y-4">
      <JobScreenHeader
        title="Jobs"
        description="Find, filter and export jobs. Deleted jobs can be shown and restored."
        otherView={{ href: "/jobs/board", label: "Board view" }}
        canWrite={canWrite}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <JobTable userId={user.id} canWrite={canWrite} serverFilters={{ raw, check }} timeZone={timeZone} />
      </HydrationBoundary>
    </div>
  );
}
