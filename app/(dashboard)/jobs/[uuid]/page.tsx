import { dehydrate } from "@tanstack/react-query";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CrmProblem } from "@/components/jobs/crm-problem";
import { JobView } from "@/components/jobs/detail/job-view";
import { queryAuditLog } from "@/lib/audit/audit-query.server";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { loadJob } from "@/lib/jobs/load-job.server";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { recordDataAge } from "@/lib/query/data-age";

export const metadata: Metadata = { title: "Job" };

/**
 * One job, deleted or not (one CRM request, read with include_deleted so a
 * deleted job's page can say so and offer Restore), and its history from the
 * dashboard's own audit log (no CRM request).
 */
export default async function JobPage({ params }: { params: Promise<{ uuid: string }> }) {
  const user = await requirePageUser();
  const { uuid } = await params;
  const loaded = await runAsRequester(user, () => loadJob(uuid));
  if (loaded.state === "not_found") notFound();
  if (loaded.state === "error")
    return <CrmProblem title="This job can't be shown right now" message={loaded.message} requestId={loaded.requestId} retry={loaded.retry} />;

  const queryClient = makeQueryClient();
  queryClient.setQueryData(jobKeys.detail(uuid), loaded.job);
  recordDataAge(queryClient, jobKeys.detail(uuid), loaded.staleSince);
  queryClient.setQueryData(jobKeys.history(uuid), await queryAuditLog({ resource: "job", resource_id: uuid, page: 1 }));

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <JobView uuid={uuid} canWrite={can(user.role, "write")} />
    </HydrationBoundary>
  );
}
