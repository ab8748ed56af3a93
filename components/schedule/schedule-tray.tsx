"use client";

import { ScheduleCard } from "@/components/schedule/schedule-card";
import type { ScheduleJob } from "@/lib/schedule/schedule-types";

/** Open jobs with no date, most urgent first: what is still to be scheduled. Dragged onto a lane and day, they get one. */
export function ScheduleTray({
  jobs,
  total,
  canWrite,
  onReschedule,
}: {
  jobs: ScheduleJob[];
  total: number;
  canWrite: boolean;
  onReschedule: (job: ScheduleJob) => void;
}) {
  return (
    <aside aria-labelledby="schedule-tray-heading" className="rounded-lg border border-slate-200 bg-slate-50 p-3">
      <h2 id="schedule-tray-heading" className="text-sm font-semibold text-slate-900">
        To schedule <span className="font-normal text-slate-600">({total.toLocaleString("en-US")})</span>
      </h2>
      <p className="mt-0.5 text-xs text-slate-600">Open jobs with no date{total > jobs.length ? `; the ${jobs.length} most urgent shown` : ""}.</p>
      {jobs.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Every open job has a date.</p>
      ) : (
        <ul className="mt-2 max-h-[40rem] space-y-1.5 overflow-y-auto" aria-label="Open jobs with no date">
          {jobs.map((job) => (
            <li key={job.uuid}>
              <ScheduleCard job={job} overlaps={undefined} canWrite={canWrite} onReschedule={onReschedule} showTime={false} />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
