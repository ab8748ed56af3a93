"use client";

import type { CSSProperties } from "react";
import { ScheduleCard } from "@/components/schedule/schedule-card";
import { DropCell } from "@/components/schedule/schedule-week";
import { LaneHeader } from "@/components/schedule/schedule-totals";
import { byStartTime, dayHours, laneIdOf, timeOf, windowOf, type Lane } from "@/lib/schedule/schedule-layout";
import type { ScheduleJob } from "@/lib/schedule/schedule-types";

const SLOT_MINUTES = 30;

/**
 * One day: a row per lane, the jobs with no set time first, then a timeline
 * in half-hour slots (7:00 to 19:00, wider when a job is earlier or later).
 * A job spans the slots of its window; overlapping jobs stack.
 */
export function ScheduleDay({
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
  const { first, last } = dayHours(jobs);
  const slots = Array.from({ length: ((last - first) * 60) / SLOT_MINUTES }, (_, index) => first * 60 + index * SLOT_MINUTES);
  const columns: CSSProperties = { gridTemplateColumns: `repeat(${slots.length}, minmax(2.75rem, 1fr))` };
  const hours = Array.from({ length: last - first }, (_, index) => first + index);

  return (
    <table className="w-full border-collapse text-sm" style={{ minWidth: `${22 + slots.length * 2.75}rem` }}>
      <caption className="sr-only">Jobs by technician and time</caption>
      <thead>
        <tr>
          <th scope="col" className="w-44 border-b border-slate-200 p-2 text-left text-xs font-medium text-slate-600">
            Technician
          </th>
          <th scope="col" className="w-40 border-b border-slate-200 p-2 text-left text-xs font-medium text-slate-600">
            No set time
          </th>
          <th scope="col" className="border-b border-slate-200 p-0 text-left text-xs font-medium text-slate-600">
            <span className="sr-only">Time of day</span>
            <div className="grid" style={columns} aria-hidden="true">
              {hours.map((hour) => (
                <span key={hour} data-hour={timeOf(hour * 60)} className="col-span-2 border-l border-slate-200 px-1 py-2">
                  {timeOf(hour * 60)}
                </span>
              ))}
            </div>
          </th>
        </tr>
      </thead>
      <tbody>
        {lanes.map((lane) => {
          const laneJobs = jobs.filter((job) => laneIdOf(job) === lane.id);
          const untimed = byStartTime(laneJobs.filter((job) => windowOf(job) === null));
          const timed = byStartTime(laneJobs.filter((job) => windowOf(job) !== null));
          return (
            <tr key={lane.id} data-lane-row={lane.id} className="align-top">
              <LaneHeader lane={lane} jobs={laneJobs} period="this day" />
              <DropCell target={{ lane: lane.id, day, minutes: "none" }} className="border border-slate-200 p-1">
                <div className="space-y-1">
                  {untimed.map((job) => (
                    <ScheduleCard key={job.uuid} job={job} overlaps={overlaps.get(job.uuid)} canWrite={canWrite} onReschedule={onReschedule} />
                  ))}
                </div>
              </DropCell>
              <td className="border border-slate-200 p-0">
                <div className="relative min-h-20">
                  <div className="absolute inset-0 grid" style={columns}>
                    {slots.map((minutes) => (
                      <DropCell
                        key={minutes}
                        as="div"
                        target={{ lane: lane.id, day, minutes }}
                        className={minutes % 60 === 0 ? "border-l border-slate-200" : "border-l border-dashed border-slate-100"}
                      />
                    ))}
                  </div>
                  <div className="pointer-events-none relative grid gap-1 p-1" style={{ ...columns, gridAutoFlow: "row dense" }}>
                    {timed.map((job) => {
                      const window = windowOf(job)!;
                      const start = Math.floor((window.start - first * 60) / SLOT_MINUTES) + 1;
                      const end = Math.max(start + 1, Math.ceil((window.end - first * 60) / SLOT_MINUTES) + 1);
                      return (
                        <div key={job.uuid} className="pointer-events-auto min-w-0" style={{ gridColumn: `${start} / ${end}` }}>
                          <ScheduleCard job={job} overlaps={overlaps.get(job.uuid)} canWrite={canWrite} onReschedule={onReschedule} />
                        </div>
                      );
                    })}
                  </div>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
