import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/errors/access-denied";
import { CrmProblem } from "@/components/jobs/crm-problem";
import { JobForm } from "@/components/jobs/form/job-form";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { runAsRequester } from "@/lib/crm/request-budget.server";
import { can } from "@/lib/auth/roles";
import { jobLabel } from "@/lib/jobs/job-format";
import { loadJob } from "@/lib/jobs/load-job.server";

export const metadata: Metadata = { title: "Edit job" };

export default async function EditJobPage({ params }: { params: Promise<{ uuid: string }> }) {
  const user = await requirePageUser();
  if (!can(user.role, "write")) return <AccessDenied what="editing jobs" />;
  const { uuid } = await params;
  const loaded = await runAsRequester(user, () => loadJob(uuid, { fresh: true }));
  if (loaded.state === "not_found") notFound();
  if (loaded.state === "error")
    return <CrmProblem title="This job can't be edited right now" message={loaded.message} requestId={loaded.requestId} retry={loaded.retry} />;
  const { job } = loaded;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/jobs/${job.uuid}`} className="text-brand-700 hover:underline">
          ← Back to {jobLabel(job)}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Edit {jobLabel(job)}</h1>
      {job.deleted_at ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          This job is deleted. Restore it on{" "}
          <Link href={`/jobs/${job.uuid}`} className="font-medium underline">
            its page
          </Link>{" "}
          before editing.
        </p>
      ) : (
        <JobForm mode="edit" job={job} />
      )}
    </div>
  );
}
