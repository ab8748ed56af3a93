import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { JobTable } from "@/components/jobs/table/job-table";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { requirePageUser } from "@/lib/auth/page-user";
import { can } from "@/lib/auth/roles";
import { prefetchJobList } from "@/lib/jobs/prefetch-jobs";
import { checkJobFilters } from "@/lib/jobs/job-list-filters";
import { rawFiltersFromSearchParams } from "@/lib/jobs/job-url-filters";
import { makeQueryClient } from "@/lib/query/make-query-client";

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
  if (check.ok) await prefetchJobList(queryClient, check.filters);
  const canWrite = can(user.role, "write");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
          <p className="mt-1 text-sm text-slate-600">Find, filter and export jobs. Deleted jobs can be shown and restored.</p>
        </div>
        <div className="flex gap-2">
          <Link href="/jobs/board" className={secondaryButtonClassName}>
            Board view
          </Link>
          {canWrite && (
            <Link href="/jobs/new" className={primaryButtonClassName}>
              New job
            </Link>
          )}
        </div>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <JobTable userId={user.id} canWrite={canWrite} serverFilters={{ raw, check }} />
      </HydrationBoundary>
    </div>
  );
}
