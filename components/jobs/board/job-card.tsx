"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { memo, type SyntheticEvent } from "react";
import type { CardDragData } from "@/components/jobs/board/board-dnd";
import { CardSelectCheckbox } from "@/components/jobs/board/board-selection";
import { MoveToMenu } from "@/components/jobs/board/move-to-menu";
import { JobFlags, PriorityBadge } from "@/components/jobs/job-badges";
import { MovedBy } from "@/components/live/moved-by";
import type { JobStatus } from "@/lib/jobs/job-enums";
import { formatMoney, formatScheduledDate, formatTimeWindow, jobLabel, personName } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";

interface JobCardProps {
  job: JobListItem;
  status: JobStatus;
  canMove: boolean;
  onMove: (job: JobListItem, from: JobStatus, to: JobStatus) => void;
}

/**
 * A job on the board. The mouse or a finger can drag the whole card; the
 * keyboard picks it up by its handle (a card with a link and a menu inside
 * can't itself be a button), and "Move to…" does it without dragging.
 */
export function JobCard({ job, status, canMove, onMove }: JobCardProps) {
  const data: CardDragData = { job, from: status };
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({ id: job.uuid, data, disabled: !canMove });
  // dnd-kit types its listeners loosely (Function); these are its React event handlers.
  const { onKeyDown, ...pointerListeners } = (listeners ?? {}) as Record<string, (event: SyntheticEvent) => void>;
  const label = jobLabel(job);
  return (
    <article
      ref={setNodeRef}
      {...(canMove ? pointerListeners : {})}
      aria-label={label}
      className={`rounded-md border bg-white p-3 text-sm shadow-sm ${job.is_emergency ? "border-red-300" : "border-slate-200"} ${isDragging ? "opacity-40" : ""} ${canMove ? "cursor-grab active:cursor-grabbing" : ""}`}
    >
      <CardContent job={job} />
      {canMove && (
        <div className="mt-2 flex items-center justify-between gap-2">
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            onKeyDown={onKeyDown}
            aria-label={`Drag ${label}`}
            className="cursor-grab rounded border border-transparent px-1.5 py-1 text-xs text-slate-600 hover:border-slate-300 hover:bg-slate-50"
          >
            <GripIcon />
            Drag
          </button>
          <MoveToMenu label={label} current={status} onMove={(to) => onMove(job, status, to)} />
        </div>
      )}
    </article>
  );
}

/**
 * What a card shows apart from its drag handle and menu, drawn again only when
 * its job changes. dnd-kit re-renders every draggable whenever its context
 * changes (a column registering as a drop target, a drag starting or moving):
 * after hydration that re-rendered every card on the board in one long task.
 * The content does not depend on that context, so only the card's thin
 * wrapper runs again.
 */
const CardContent = memo(function CardContent({ job }: { job: JobListItem }) {
  return (
    <>
      <CardSelectCheckbox job={job} />
      <JobCardBody job={job} />
      <MovedBy jobUuid={job.uuid} />
    </>
  );
});

/**
 * The grip drawn, not typed: a character such as ⠿ would count as visible text
 * the button's name ("Drag JOB-0042 …") does not contain (WCAG 2.5.3).
 */
function GripIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 6 10" className="mr-1 inline-block h-2.5 w-1.5 fill-current align-[-1px]">
      {[1, 5].flatMap((x) => [1, 5, 9].map((y) => <circle key={`${x}-${y}`} cx={x} cy={y} r={1} />))}
    </svg>
  );
}

/** The card's text, shared with the copy that follows the pointer while dragging. */
export function JobCardBody({ job }: { job: JobListItem }) {
  const date = formatScheduledDate(job.scheduled_date);
  const timeWindow = formatTimeWindow(job.scheduled_time_start, job.scheduled_time_end);
  const assignee = personName(job.assigned_user);
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <span className="font-mono text-xs text-slate-600">{job.job_number ?? "No number"}</span>
        <PriorityBadge priority={job.priority} />
      </div>
      <h3 className="mt-1 font-medium leading-snug text-slate-900">
        <Link href={`/jobs/${job.uuid}`} className="hover:text-brand-700 hover:underline" draggable={false}>
          {job.title}
        </Link>
      </h3>
      <p className="mt-0.5 text-slate-700">{personName(job.customer) || "Unknown customer"}</p>
      <dl className="mt-2 space-y-0.5 text-xs text-slate-600">
        <div className="flex gap-1">
          <dt className="sr-only">Scheduled</dt>
          <dd>{date ? `${date}${timeWindow ? `, ${timeWindow}` : ""}` : "Not scheduled"}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Assigned:</dt>
          <dd>{assignee || "Unassigned"}</dd>
        </div>
        {job.estimated_amount !== null && (
          <div className="flex gap-1">
            <dt>Estimate:</dt>
            <dd className="tabular-nums">{formatMoney(job.estimated_amount)}</dd>
          </div>
        )}
      </dl>
      {(job.is_urgent || job.is_emergency) && (
        <div className="mt-2 flex flex-wrap gap-1">
          <JobFlags job={job} />
        </div>
      )}
    </>
  );
}
