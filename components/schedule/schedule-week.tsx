"use client";

import { useDroppable } from "@dnd-kit/core";
import { useRef, useState, type ReactNode } from "react";
import { ScheduleCard } from "@/components/schedule/schedule-card";
import { dropTargetId, type DropTarget } from "@/components/schedule/schedule-drop";
import { LaneHeader, DayTotals } from "@/components/schedule/schedule-totals";
import { formatWeekday } from "@/lib/schedule/schedule-dates";
import { byStartTime, laneIdOf, type Lane } from "@/lib/schedule/schedule-layout";
import type { ScheduleJob } from "@/lib/schedule/schedule-types";

interface ViewProps {
  days: string[];
  lanes: Lane[];
  jobs: ScheduleJob[];
  overlaps: Map<string, ScheduleJob[]>;
  today: string;
  canWrite: boolean;
  onReschedule: (job: ScheduleJob) => void;
}

/** A cell jobs can be dropped on; it is outlined while a card is over it. */
export function DropCell({ target, className, children, as = "td" }: { target: DropTarget; className: string; children?: ReactNode; as?: "td" | "div" }) {
  const { setNodeRef, isOver } = useDroppable({ id: dropTargetId(target), data: target });
  const Tag = as;
  return (
    <Tag
      ref={setNodeRef}
      data-lane={target.lane}
      data-day={target.day}
      data-minutes={target.minutes}
      className={`${className} ${isOver ? "bg-brand-50 outline outline-2 -outline-offset-2 outline-brand-600" : ""}`}
    >
      {children}
    </Tag>
  );
}

/**
 * A week cell shows at most this many cards; a busier one shows one fewer and
 * a "+N more" button, so a technician's packed day does not make their lane a
 * tower that pushes everyone else off the screen (and a week of a thousand
 * jobs does not cost the page a thousand cards before anyone asks for them).
 * The day view always shows every job.
 */
export const WEEK_CELL_LIMIT = 4;

/** The jobs of one lane on one day, the first few shown until "+N more" is pressed. */
function WeekCellJobs({
  jobs,
  laneName,
  day,
  overlaps,
  canWrite,
  onReschedule,
}: {
  jobs: ScheduleJob[];
  laneName: string;
  day: string;
  overlaps: Map<string, ScheduleJob[]>;
  canWrite: boolean;
  onReschedule: (job: ScheduleJob) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const shown = expanded || jobs.length <= WEEK_CELL_LIMIT ? jobs : jobs.slice(0, WEEK_CELL_LIMIT - 1);
  const hidden = jobs.length - shown.length;
  function showAll() {
    const firstHidden = shown.length;
    setExpanded(true);
    // The button goes away: keep the keyboard's place on the first card it revealed.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>("[data-job] a")[firstHidden]?.focus());
  }
  return (
    <div ref={list} className="space-y-1">
      {shown.map((job) => (
        <ScheduleCard key={job.uuid} job={job} overlaps={overlaps.get(job.uuid)} canWrite={canWrite} onReschedule={onReschedule} />
      ))}
      {hidden > 0 && (
        <button
          type="button"
          onClick={showAll}
          aria-label={`+${hidden} more: show all ${jobs.length} jobs of ${laneName} on ${formatWeekday(day)}`}
          className="w-full rounded border border-dashed border-slate-300 px-1 py-0.5 text-left text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          +{hidden} more
        </button>
      )}
    </div>
  );
}

/** The week: a row per lane, a column per day (Monday to Sunday), each day's jobs in start order. */
export function ScheduleWeek({ days, lanes, jobs, overlaps, today, canWrite, onReschedule }: ViewProps) {
  const cellJobs = new Map<string, ScheduleJob[]>();
  for (const job of jobs) {
    const key = `${laneIdOf(job)}|${job.scheduled_date}`;
    cellJobs.set(key, [...(cellJobs.get(key) ?? []), job]);
  }
  return (
    <table className="w-full min-w-[64rem] table-fixed border-collapse text-sm">
      <caption className="sr-only">Jobs by technician and day</caption>
      <thead>
        <tr>
          <th scope="col" className="w-44 border-b border-slate-200 p-2 text-left text-xs font-medium text-slate-600">
            Technician
          </th>
          {days.map((day) => (
            <th
              key={day}
              scope="col"
              className={`border-b border-slate-200 p-2 text-left text-xs font-medium ${day === today ? "text-brand-800" : "text-slate-600"}`}
            >
              {formatWeekday(day)}
              {day === today && <span className="ml-1 rounded bg-brand-50 px-1 text-brand-900">Today</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lanes.map((lane) => {
          const laneJobs = jobs.filter((job) => laneIdOf(job) === lane.id);
          return (
            <tr key={lane.id} data-lane-row={lane.id} className="align-top">
              <LaneHeader lane={lane} jobs={laneJobs} period="this week" />
              {days.map((day) => {
                const here = byStartTime(cellJobs.get(`${lane.id}|${day}`) ?? []);
                return (
                  <DropCell key={day} target={{ lane: lane.id, day }} className="h-20 border border-slate-200 p-1">
                    <DayTotals jobs={here} />
                    <WeekCellJobs jobs={here} laneName={lane.name} day={day} overlaps={overlaps} canWrite={canWrite} onReschedule={onReschedule} />
                  </DropCell>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
