"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { JobFlags, PriorityBadge } from "@/components/jobs/job-badges";
import { splitAgenda } from "@/lib/jobs/job-agenda";
import { formatScheduledDate, formatTimeWindow, localDay } from "@/lib/jobs/job-format";
import { jobsHref } from "@/lib/jobs/job-list-url";
import type { AgendaJob, OverviewCounts } from "@/lib/overview/overview-types";

const noSubscription = () => () => {};

/**
 * Today's visits, overdue ones and urgent work. "Today" is the viewer's own
 * calendar day: the server renders the lists for serverToday, the day in the
 * time zone the browser told it (lib/time/viewer-time-zone.ts), and the
 * browser keeps them when its own day agrees, so nothing moves after the page
 * appears. Without that cookie (a browser's very first page) the server
 * renders a placeholder rather than guess a zone.
 */
export function DayAtAGlance({ agenda, serverToday }: { agenda: OverviewCounts["agenda"]; serverToday: string | null }) {
  const today = useSyncExternalStore(
    noSubscription,
    () => localDay(),
    () => serverToday,
  );
  const partial = agenda.coverage.filter((entry) => entry.scanned < entry.total);
  if (today === null) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">Loading today&apos;s jobs…</p>;
  }
  const lists = splitAgenda(agenda.jobs, today);
  return (
    <div className="space-y-3">
      <div className="grid gap-6 lg:grid-cols-3">
        <AgendaList
          id="agenda-today"
          title="Scheduled today"
          jobs={lists.today}
          empty="Nothing scheduled today."
          more={{ href: jobsHref("/jobs", { status: "Scheduled" }), label: "All scheduled jobs" }}
          showDate={false}
        />
        <AgendaList
          id="agenda-overdue"
          title="Overdue"
          hint="Scheduled for an earlier day and not started."
          jobs={lists.overdue}
          empty="Nothing overdue."
          more={{ href: jobsHref("/jobs", { status: "Scheduled" }), label: "All scheduled jobs" }}
          showDate
        />
        <AgendaList
          id="agenda-urgent"
          title="Urgent and emergency"
          hint="Open jobs marked urgent or emergency."
          jobs={lists.urgent}
          empty="No urgent or emergency jobs open."
          more={{ href: jobsHref("/jobs/board", { priority: "Emergency" }), label: "Emergency priority on the board" }}
          showDate
        />
      </div>
      {partial.length > 0 && (
        <p className="text-xs text-slate-600">
          The CRM can&apos;t filter by date, so these lists come from the newest 100 jobs of each open status.{" "}
          {partial.map((entry) => `${entry.status}: ${entry.scanned} of ${entry.total}`).join("; ")}. Older ones are on the board and in the job table.
        </p>
      )}
    </div>
  );
}

function AgendaList({
  id,
  title,
  hint,
  jobs,
  empty,
  more,
  showDate,
}: {
  id: string;
  title: string;
  hint?: string;
  jobs: AgendaJob[];
  empty: string;
  more: { href: string; label: string };
  showDate: boolean;
}) {
  const shown = jobs.slice(0, 8);
  return (
    <section aria-labelledby={id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="font-medium">
        {title} <span className="text-sm font-normal tabular-nums text-slate-600">({jobs.length})</span>
      </h2>
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      {shown.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {shown.map((job) => (
            <li key={job.uuid} className="text-sm">
              <Link href={`/jobs/${job.uuid}`} className="font-medium text-brand-700 hover:underline">
                {job.jobNumber ? `${job.jobNumber} ` : ""}
                {job.title}
              </Link>
              <span className="block text-slate-600">
                {job.customerName}
                {showDate && job.scheduledDate ? ` · ${formatScheduledDate(job.scheduledDate)}` : ""}
                {formatTimeWindow(job.timeStart, job.timeEnd) ? ` · ${formatTimeWindow(job.timeStart, job.timeEnd)}` : ""}
                {job.assigneeName ? ` · ${job.assigneeName}` : ""}
              </span>
              {(job.priority === "Emergency" || job.isUrgent || job.isEmergency) && (
                <span className="mt-0.5 flex flex-wrap gap-1">
                  {/* The emergency flag already says it; the priority is added only when it alone does. */}
                  {job.priority === "Emergency" && !job.isEmergency && <PriorityBadge priority={job.priority} />}
                  <JobFlags job={{ is_urgent: job.isUrgent, is_emergency: job.isEmergency }} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-auto pt-3 text-sm">
        {jobs.length > shown.length && <span className="text-slate-600">{jobs.length - shown.length} more. </span>}
        <Link href={more.href} className="text-brand-700 hover:underline">
          {more.label}
        </Link>
      </p>
    </section>
  );
}
