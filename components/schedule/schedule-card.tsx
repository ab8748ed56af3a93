"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import type { SyntheticEvent } from "react";
import { JobFlags } from "@/components/jobs/job-badges";
import { MovedBy } from "@/components/live/moved-by";
import { formatTimeWindow, jobLabel } from "@/lib/jobs/job-format";
import type { ScheduleJob } from "@/lib/schedule/schedule-types";

/** What a dragged card carries, so a drop never has to look the job up. */
export interface ScheduleDragData {
  job: ScheduleJob;
}

export function scheduleDragData(data: unknown): ScheduleDragData | null {
  const value = data as Partial<ScheduleDragData> | null | undefined;
  return value?.job ? (value as ScheduleDragData) : null;
}

/** "Overlaps JOB-0042, JOB-0043": said in words, the red only repeats it. */
export function overlapText(others: readonly ScheduleJob[]): string {
  return `Overlaps ${others.map((other) => other.job_number ?? other.title).join(", ")}`;
}

export function OverlapMark({ others }: { others: readonly ScheduleJob[] | undefined }) {
  if (!others || others.length === 0) return null;
  return (
    <p className="mt-1 flex items-center gap-1 text-xs font-semibold text-red-800">
      <span aria-hidden="true">⚠</span>
      {overlapText(others)}
    </p>
  );
}

export function RescheduleButton({ job, onClick }: { job: ScheduleJob; onClick: (job: ScheduleJob) => void }) {
  return (
    <button
      type="button"
      aria-label={`Reschedule ${jobLabel(job)}`}
      onClick={() => onClick(job)}
      className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-50"
    >
      Reschedule
    </button>
  );
}

/**
 * A job on the schedule or in the tray. The mouse or a finger drags the
 * whole card (the grip shows it can be); the keyboard's way is Reschedule,
 * which asks for the technician, date and times in a dialog. A viewer's card
 * has neither.
 */
export function ScheduleCard({
  job,
  overlaps,
  canWrite,
  onReschedule,
  showTime = true,
}: {
  job: ScheduleJob;
  overlaps: readonly ScheduleJob[] | undefined;
  canWrite: boolean;
  onReschedule: (job: ScheduleJob) => void;
  showTime?: boolean;
}) {
  const data: ScheduleDragData = { job };
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: job.uuid, data, disabled: !canWrite });
  // Pointer listeners only: the card is not a keyboard drag source (Reschedule is), so it takes no role or tab stop.
  const { onKeyDown: _keyboard, ...pointerListeners } = (listeners ?? {}) as Record<string, (event: SyntheticEvent) => void>;
  void _keyboard;
  const label = jobLabel(job);
  const window = showTime ? formatTimeWindow(job.scheduled_time_start, job.scheduled_time_end) : null;
  const overlapping = overlaps !== undefined && overlaps.length > 0;
  return (
    <article
      ref={setNodeRef}
      {...(canWrite ? pointerListeners : {})}
      aria-label={label}
      data-job={job.uuid}
      className={`min-w-0 rounded-md border bg-white p-2 text-xs shadow-sm ${overlapping ? "border-red-400" : job.is_emergency ? "border-red-300" : "border-slate-200"} ${isDragging ? "opacity-40" : ""} ${canWrite ? "cursor-grab touch-none active:cursor-grabbing" : ""}`}
    >
      <div className="flex items-center gap-1 text-slate-600">
        {canWrite && (
          <span aria-hidden="true" data-testid="drag-handle" className="select-none text-slate-400">
            ⠿
          </span>
        )}
        <span className="font-mono">{job.job_number ?? "No number"}</span>
        {window && <span className="ml-auto whitespace-nowrap tabular-nums">{window}</span>}
      </div>
      <p className="mt-0.5 truncate font-medium text-slate-900">
        <Link href={`/jobs/${job.uuid}`} className="hover:text-brand-700 hover:underline" draggable={false}>
          {job.title}
        </Link>
      </p>
      {job.customer_name && <p className="truncate text-slate-700">{job.customer_name}</p>}
      {(job.is_urgent || job.is_emergency) && (
        <div className="mt-1 flex flex-wrap gap-1">
          <JobFlags job={job} />
        </div>
      )}
      <OverlapMark others={overlaps} />
      <MovedBy jobUuid={job.uuid} />
      {canWrite && (
        <div className="mt-1">
          <RescheduleButton job={job} onClick={onReschedule} />
        </div>
      )}
    </article>
  );
}
