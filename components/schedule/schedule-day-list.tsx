import Link from "next/link";
import { OverlapMark, RescheduleButton } from "@/components/schedule/schedule-card";
import { totalsText } from "@/components/schedule/schedule-totals";
import { formatTimeWindow } from "@/lib/jobs/job-format";
import { formatLongDay } from "@/lib/schedule/schedule-dates";
import { byStartTime, laneIdOf, type Lane } from "@/lib/schedule/schedule-layout";
import type { ScheduleJob } from "@/lib/schedule/schedule-types";

/**
 * The day as a list per technician, for narrow screens, where a grid of
 * lanes and hours cannot fit: each person's jobs in the order they are
 * worked, with the same marks and the same Reschedule.
 */
export function ScheduleDayList({
  day,
  lanes,
  jobs,
  overlaps,
  canWrite,
  onReschedule,
}: {
  day: string;
  lanes: Lane[];
  jobs: ScheduleJob[];
  overlaps: Map<string, ScheduleJob[]>;
  canWrite: boolean;
  onReschedule: (job: ScheduleJob) => void;
}) {
  const todays = jobs.filter((job) => job.scheduled_date === day);
  return (
    <div className="space-y-4" data-testid="schedule-day-list">
      <h2 className="text-base font-semibold text-slate-900">{formatLongDay(day)}</h2>
      {lanes.map((lane) => {
        const laneJobs = byStartTime(todays.filter((job) => laneIdOf(job) === lane.id));
        const headingId = `day-list-${lane.id}`;
        return (
          <section key={lane.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-3">
            <h3 id={headingId} className="font-medium text-slate-900">
              {lane.name}
            </h3>
            <p className="text-xs text-slate-600">{totalsText(laneJobs)}</p>
            {laneJobs.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Nothing booked.</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-100">
                {laneJobs.map((job) => (
                  <li key={job.uuid} className="py-2 text-sm" aria-label={`${job.job_number ?? ""} ${job.title}`.trim()}>
                    <p className="text-xs tabular-nums text-slate-600">{formatTimeWindow(job.scheduled_time_start, job.scheduled_time_end) ?? "No set time"}</p>
                    <p className="font-medium text-slate-900">
                      <span className="font-mono text-xs text-slate-600">{job.job_number}</span>{" "}
                      <Link href={`/jobs/${job.uuid}`} className="hover:text-brand-700 hover:underline">
                        {job.title}
                      </Link>
                    </p>
                    {job.customer_name && <p className="text-slate-700">{job.customer_name}</p>}
                    <OverlapMark others={overlaps.get(job.uuid)} />
                    {canWrite && (
                      <div className="mt-1">
                        <RescheduleButton job={job} onClick={onReschedule} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
