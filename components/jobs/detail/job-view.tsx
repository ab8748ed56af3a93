"use client";

import { LocalMoment } from "@/components/time/local-moment";
import { locationNotFound } from "@/lib/jobs/location-label";
import Link from "next/link";
import type { ReactNode } from "react";
import { DeletedBadge, JobFlags, PriorityBadge, StatusBadge } from "@/components/jobs/job-badges";
import { JobHistory } from "@/components/jobs/detail/job-history";
import { JobTimelineList } from "@/components/jobs/detail/job-timeline-list";
import { useJobLifecycle } from "@/components/jobs/detail/use-job-lifecycle";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { assigneeLabelFor, mergeAssignees } from "@/lib/jobs/assignees";
import { useJob } from "@/lib/jobs/queries/get-job";
import { useJobAssignees } from "@/lib/jobs/queries/get-job-assignees";
import { useLocations } from "@/lib/jobs/queries/get-locations";
import { formatMoney, formatSchedule, jobLabel, personName } from "@/lib/jobs/job-format";
import type { JobDetail } from "@/lib/jobs/job-types";
import { trashHrefFor } from "@/lib/trash/trash-url";
import { errorText } from "@/lib/http/error-advice";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";
import { StaleDataNotice, useStaleSince } from "@/components/query/stale-data-notice";
import { EditsPaused } from "@/components/query/edits-paused";

/** Everything about one job. The data was prefetched by the server page under the same query key. */
export function JobView({ uuid, canWrite }: { uuid: string; canWrite: boolean }) {
  const query = useJob(uuid);
  if (query.isPending) return <p className="text-sm text-slate-600">Loading the job…</p>;
  if (query.isError) {
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        {errorText(query.error)}
      </p>
    );
  }
  return <JobDetails job={query.data} canWrite={canWrite} />;
}

function JobDetails({ job, canWrite }: { job: JobDetail; canWrite: boolean }) {
  const lifecycle = useJobLifecycle(job);
  const locations = useLocations();
  const assignees = useJobAssignees();
  const people = mergeAssignees([job.assigned_user], assignees.data ?? []);
  const deleted = job.deleted_at !== null;
  // A saved copy (the CRM is not answering): nothing can be saved, so nothing is offered.
  const saved = useStaleSince([jobKeys.detail(job.uuid)]) !== null;

  function describeValue(field: string, value: unknown): string {
    if (value === null || value === undefined || value === "") return "(empty)";
    if (typeof value === "boolean") return value ? "Yes" : "No";
    if (field === "location_uuid") return locations.data?.find((location) => location.uuid === value)?.name ?? "a location";
    if (field === "assigned_to_user_id") return assigneeLabelFor(String(value), people);
    if (field === "customer_uuid") return value === job.customer?.uuid ? personName(job.customer) : "another customer";
    if (field === "estimated_amount" || field === "actual_amount") return typeof value === "number" ? formatMoney(value) : String(value);
    return String(value);
  }

  const address = [job.service_address1, job.service_address2, [job.service_city, job.service_state, job.service_zip].filter(Boolean).join(" ")].filter(
    Boolean,
  );

  return (
    <div className="space-y-6">
      <StaleDataNotice queryKeys={[jobKeys.detail(job.uuid)]} />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/jobs" className="text-brand-700 underline">
          Jobs
        </Link>
        <span aria-hidden="true" className="px-1 text-slate-400">
          /
        </span>
        <span className="text-slate-600">{job.job_number ?? "Job"}</span>
      </nav>

      {deleted && (
        <section role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-slate-100 p-4">
          <p className="text-sm text-slate-800">
            <strong>This job is deleted</strong>
            {job.deleted_at ? (
              <>
                {" "}
                (since <LocalMoment iso={job.deleted_at} />)
              </>
            ) : null}
            . It is hidden from lists and the board until restored.{" "}
            <Link href={trashHrefFor("job", job.job_number ?? job.title)} className="font-medium underline">
              See it in the trash
            </Link>
            , with who deleted it.
          </p>
          {canWrite && !saved && (
            <button type="button" onClick={lifecycle.restore} disabled={lifecycle.busy} className={primaryButtonClassName}>
              Restore
            </button>
          )}
        </section>
      )}

      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="font-mono text-sm text-slate-600">{job.job_number ?? "No job number"}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{job.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            <StatusBadge status={job.status} />
            <PriorityBadge priority={job.priority} />
            <JobFlags job={job} />
            {deleted && <DeletedBadge />}
          </div>
        </div>
        {canWrite && !deleted && saved && <EditsPaused what="this job" />}
        {canWrite && !deleted && !saved && (
          <div className="flex gap-2">
            <Link href={`/jobs/${job.uuid}/edit`} className={primaryButtonClassName}>
              Edit<span className="sr-only"> {jobLabel(job)}</span>
            </Link>
            <button type="button" onClick={lifecycle.remove} disabled={lifecycle.busy} className={`${secondaryButtonClassName} text-red-800`}>
              Delete<span className="sr-only"> {jobLabel(job)}</span>
            </button>
          </div>
        )}
      </header>

      {/* On a phone the timeline follows the details; on a wide screen it is the right-hand column. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="job-summary" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="job-summary" className="font-medium">
            Details
          </h2>
          {job.description && <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{job.description}</p>}
          <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Detail term="Customer">
              {job.customer ? (
                <>
                  <Link href={`/customers/${job.customer.uuid}`} className="font-medium text-brand-700 hover:underline">
                    {personName(job.customer)}
                  </Link>
                  {job.customer.company_name && <span className="block text-slate-600">{job.customer.company_name}</span>}
                  {job.customer.phone && <span className="block text-slate-600">{job.customer.phone}</span>}
                  {job.customer.email && <span className="block text-slate-600">{job.customer.email}</span>}
                </>
              ) : (
                "Unknown customer"
              )}
            </Detail>
            <Detail term="Service address">
              {address.length
                ? address.map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))
                : "None given"}
            </Detail>
            <Detail term="Scheduled">{formatSchedule(job)}</Detail>
            <Detail term="Assigned to">
              {job.assigned_user ? personName(job.assigned_user) : job.assigned_to_user_id ? assigneeLabelFor(job.assigned_to_user_id, people) : "Unassigned"}
            </Detail>
            <Detail term="Location">
              {job.location ? (
                <>
                  {job.location.name}
                  {job.location.city && (
                    <span className="block text-slate-600">{[job.location.address1, job.location.city, job.location.state].filter(Boolean).join(", ")}</span>
                  )}
                </>
              ) : job.location_uuid ? (
                locationNotFound(job.location_uuid)
              ) : (
                "No location"
              )}
            </Detail>
            <Detail term="Estimated amount">{formatMoney(job.estimated_amount)}</Detail>
            <Detail term="Actual amount">{formatMoney(job.actual_amount)}</Detail>
            <Detail term="Last updated">
              <LocalMoment iso={job.updated_at} fallback="—" />
            </Detail>
          </dl>
        </section>

        <div className="lg:col-start-2 lg:row-span-3 lg:row-start-1">
          <JobTimelineList job={job} />
        </div>

        <section aria-labelledby="job-notes" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
          <h2 id="job-notes" className="font-medium sm:col-span-2">
            Notes
          </h2>
          <div>
            <h3 className="text-sm font-medium text-slate-700">Internal (team only)</h3>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{job.internal_notes ?? "None"}</p>
          </div>
          <div>
            <h3 className="text-sm font-medium text-slate-700">For the customer</h3>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{job.customer_notes ?? "None"}</p>
          </div>
        </section>

        <JobHistory uuid={job.uuid} describeValue={describeValue} />
      </div>
    </div>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
