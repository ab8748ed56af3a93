"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { JobFlags, PriorityBadge } from "@/components/jobs/job-badges";
import { apiFetch } from "@/lib/http/api-fetch";
import { errorText } from "@/lib/http/error-advice";
import { formatScheduledDate, formatTimeWindow, localDay } from "@/lib/jobs/job-format";
import { jobsHref } from "@/lib/jobs/job-list-url";
import type { AgendaJob, AgendaList as AgendaListData, OverviewAgenda } from "@/lib/overview/overview-types";

const noSubscription = () => () => {};

/**
 * Today's visits, overdue ones and urgent work, from the mirror. "Today" is
 * the viewer's own calendar day: the server renders the lists for the day in
 * the time zone the browser told it (lib/time/viewer-time-zone.ts). Without
 * that cookie it renders them for every day a viewer can be in, all hidden,
 * and OwnDayScript shows the browser's own before the first paint; this
 * component then keeps that choice (ADR-025). Only when the browser's day is
 * none of them (the day turned since) does it ask for its own day's lists.
 */
export function DayAtAGlance({ agendas }: { agendas: OverviewAgenda[] }) {
  const single = agendas.length === 1 ? agendas[0] : undefined;
  // On the server and while hydrating: the day the server rendered for when it knew it, else none yet (all hidden, as the HTML was sent).
  const today = useSyncExternalStore(
    noSubscription,
    () => localDay(),
    () => single?.day ?? null,
  );
  const own = agendas.find((agenda) => agenda.day === today);
  const fetchOwn = today !== null && own === undefined;
  const fetched = useQuery({
    queryKey: ["overview", "agenda", today],
    queryFn: () => apiFetch<OverviewAgenda>(`/api/overview/agenda?day=${encodeURIComponent(today ?? "")}`),
    enabled: fetchOwn,
  });
  if (fetchOwn) {
    if (fetched.data) return <AgendaLists agenda={fetched.data} hidden={false} />;
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" role={fetched.isError ? "alert" : undefined}>
        {fetched.isError ? `Today's jobs could not be loaded. ${errorText(fetched.error)}` : "Loading today's jobs…"}
      </p>
    );
  }
  return (
    <div>
      {agendas.map((agenda) => (
        <AgendaLists key={agenda.day} agenda={agenda} hidden={agenda !== own} />
      ))}
    </div>
  );
}

/** The three lists for one day; ids carry the day, as the page may hold several days' lists. */
function AgendaLists({ agenda, hidden }: { agenda: OverviewAgenda; hidden: boolean }) {
  return (
    // suppressHydrationWarning: OwnDayScript may have shown this day's lists before React hydrated them.
    <div data-agenda-day={agenda.day} hidden={hidden} suppressHydrationWarning className="grid gap-6 lg:grid-cols-3">
      <AgendaList
        id={`agenda-today-${agenda.day}`}
        title="Scheduled today"
        list={agenda.today}
        empty="Nothing scheduled today."
        more={{ href: jobsHref("/jobs", { status: "Scheduled" }), label: "All scheduled jobs" }}
        showDate={false}
      />
      <AgendaList
        id={`agenda-overdue-${agenda.day}`}
        title="Overdue"
        hint="Scheduled for an earlier day and not started."
        list={agenda.overdue}
        empty="Nothing overdue."
        more={{ href: jobsHref("/jobs", { status: "Scheduled" }), label: "All scheduled jobs" }}
        showDate
      />
      <AgendaList
        id={`agenda-urgent-${agenda.day}`}
        title="Urgent and emergency"
        hint="Open jobs marked urgent or emergency."
        list={agenda.urgent}
        empty="No urgent or emergency jobs open."
        more={{ href: jobsHref("/jobs/board", { priority: "Emergency" }), label: "Emergency priority on the board" }}
        showDate
      />
    </div>
  );
}

function AgendaList({
  id,
  title,
  hint,
  list,
  empty,
  more,
  showDate,
}: {
  id: string;
  title: string;
  hint?: string;
  list: AgendaListData;
  empty: string;
  more: { href: string; label: string };
  showDate: boolean;
}) {
  const shown: AgendaJob[] = list.jobs.slice(0, 8);
  return (
    <section aria-labelledby={id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="font-medium">
        {title} <span className="text-sm font-normal tabular-nums text-slate-600">({list.total})</span>
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
        {list.total > shown.length && <span className="text-slate-600">{list.total - shown.length} more. </span>}
        <Link href={more.href} className="text-brand-700 underline underline-offset-2">
          {more.label}
        </Link>
      </p>
    </section>
  );
}
