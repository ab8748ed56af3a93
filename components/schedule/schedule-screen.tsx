"use client";

import { DndContext, DragOverlay, MouseSensor, TouchSensor, pointerWithin, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import Link from "next/link";
import { parseAsString, useQueryStates } from "nuqs";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { MirrorFreshness } from "@/components/mirror/mirror-freshness";
import { RescheduleDialog, describeSlot } from "@/components/schedule/reschedule-dialog";
import { scheduleDragData } from "@/components/schedule/schedule-card";
import { ScheduleDay } from "@/components/schedule/schedule-day";
import { ScheduleDayList } from "@/components/schedule/schedule-day-list";
import { dropTarget, slotFor, type DropTarget } from "@/components/schedule/schedule-drop";
import { ScheduleToolbar } from "@/components/schedule/schedule-toolbar";
import { ScheduleTray } from "@/components/schedule/schedule-tray";
import { ScheduleWeek } from "@/components/schedule/schedule-week";
import { errorText, retryActionFor } from "@/lib/http/error-advice";
import { newIntentKey } from "@/lib/http/api-mutate";
import { jobLabel } from "@/lib/jobs/job-format";
import { conflictingJob } from "@/lib/jobs/queries/update-job";
import { useSchedule } from "@/lib/schedule/queries/get-schedule";
import { reschedulePatch, useRescheduleJob, type RescheduleRequest } from "@/lib/schedule/queries/reschedule-job";
import { scheduleJobFromDetail } from "@/lib/schedule/schedule-cache";
import { formatWeekday, stepDate } from "@/lib/schedule/schedule-dates";
import { lanesOf, overlapsOf, timeOf, type Lane } from "@/lib/schedule/schedule-layout";
import { checkScheduleParams } from "@/lib/schedule/schedule-params";
import type { ScheduleJob, ScheduleView } from "@/lib/schedule/schedule-types";

const urlParsers = { view: parseAsString, date: parseAsString, technician: parseAsString };

function describeTarget(target: DropTarget | null, lanes: readonly Lane[]): string {
  if (!target) return "not over the schedule";
  const lane = lanes.find((entry) => entry.id === target.lane)?.name ?? "a lane";
  const when = typeof target.minutes === "number" ? ` at ${timeOf(target.minutes)}` : target.minutes === "none" ? ", no set time" : "";
  return `over ${lane} on ${formatWeekday(target.day)}${when}`;
}

/**
 * The dispatch schedule: lanes of technicians (and Unassigned) by day or by
 * hour, the tray of undated open jobs beside it, all from the mirror. Jobs
 * move by drag (mouse or touch) or by their Reschedule dialog (keyboard);
 * on a narrow screen the day is a list per technician.
 */
export function ScheduleScreen({ today, canWrite, timeZone }: { today: string; canWrite: boolean; timeZone: string }) {
  const [url, setUrl] = useQueryStates(urlParsers, { history: "push" });
  const raw = Object.fromEntries(Object.entries(url).filter((entry): entry is [string, string] => entry[1] !== null));
  const check = checkScheduleParams(raw, today);
  const query = check.ok ? check.query : null;
  const schedule = useSchedule(query);
  const data = schedule.data;
  const [rescheduling, setRescheduling] = useState<ScheduleJob | null>(null);
  const [dragging, setDragging] = useState<ScheduleJob | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const move = useRescheduleJob();
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the card's link or Reschedule still works.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // Press and hold on touch; a swipe still scrolls.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );

  const lanes = useMemo(() => (data ? lanesOf(data.technicians, data.jobs) : []), [data]);
  const overlaps = useMemo(() => overlapsOf(data?.jobs ?? []), [data]);
  const allLanes = useMemo(() => (data ? lanesOf(data.technicians, []) : []), [data]);

  if (!check.ok || !query) {
    return (
      <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
        <p>{check.ok ? "" : `${check.problem.message}${check.problem.allowed ? ` Choose one of: ${check.problem.allowed.join(", ")}.` : ""}`}</p>
        <p className="mt-2">
          <Link href="/schedule" className="font-medium underline">
            Show this week
          </Link>
        </p>
      </div>
    );
  }

  const go = (patch: Partial<Record<"view" | "date" | "technician", string | null>>) => void setUrl(patch);

  function send(request: RescheduleRequest) {
    const label = jobLabel(request.job);
    move.mutate(request, {
      onSuccess: (saved) => setAnnouncement(`Saved: ${label} is now ${describeSlot(scheduleJobFromDetail(saved, request.job), lanes)}.`),
      onError: (error) => {
        const current = conflictingJob(error);
        if (current) {
          toast.error(`${label} was changed by someone else, so it was not moved.`, {
            description: `It now shows their version: ${describeSlot(scheduleJobFromDetail(current, request.job), lanes)}.`,
          });
          return;
        }
        toast.error(`Couldn't reschedule ${label}. It is back where it was.`, {
          description: errorText(error, "The change could not be saved."),
          action: retryActionFor(error, { label: "Try again", onClick: () => send(request) }),
        });
      },
    });
  }

  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const job = scheduleDragData(event.active.data.current)?.job;
    const target = dropTarget(event.over?.data.current);
    if (!job || !target) return;
    const to = slotFor(job, target);
    if (!reschedulePatch(job, to)) return;
    const name = to.assigned_to_user_id ? (lanes.find((lane) => lane.id === to.assigned_to_user_id)?.name ?? null) : null;
    send({ job, to, assigneeName: name, idempotencyKey: newIntentKey() });
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${jobLabel(scheduleDragData(active.data.current)?.job ?? { title: "the job" })}.`,
    onDragOver: ({ over }) => `Now ${describeTarget(dropTarget(over?.data.current), lanes)}.`,
    onDragEnd: ({ over }) =>
      over ? `Dropped ${describeTarget(dropTarget(over.data.current), lanes)}. Saving.` : "Dropped outside the schedule; nothing changed.",
    onDragCancel: () => "Moving was cancelled; nothing changed.",
  };

  return (
    <div className="space-y-4">
      <ScheduleToolbar
        query={query}
        from={data?.from ?? query.date}
        to={data?.to ?? query.date}
        lanes={allLanes}
        onView={(view: ScheduleView) => go({ view })}
        onStep={(direction) => go({ date: stepDate(query.view, query.date, direction) })}
        onToday={() => go({ date: null })}
        onTechnician={(technician) => go({ technician })}
      />
      {data && <MirrorFreshness asOf={data.asOf} timeZone={timeZone} canSync={canWrite} />}
      {schedule.isError && !data && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {errorText(schedule.error, "The schedule could not be loaded.")}{" "}
          <button type="button" className="font-medium underline" onClick={() => void schedule.refetch()}>
            Retry
          </button>
        </p>
      )}
      {!data && !schedule.isError && <p className="text-sm text-slate-600">Loading the schedule…</p>}
      {data && (
        <DndContext
          sensors={sensors}
          collisionDetection={pointerWithin}
          // The day view scrolls sideways: only the outer tenth of its width scrolls it while dragging, so a slot can be aimed at.
          autoScroll={{ threshold: { x: 0.1, y: 0.2 } }}
          accessibility={{ announcements }}
          onDragStart={(event) => setDragging(scheduleDragData(event.active.data.current)?.job ?? null)}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
        >
          <p className="sr-only" role="status">
            {announcement}
          </p>
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_15rem]">
            <div className="min-w-0" aria-busy={schedule.isFetching}>
              <div className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block" data-testid="schedule-grid">
                {data.view === "week" ? (
                  <ScheduleWeek
                    days={data.days}
                    lanes={lanes}
                    jobs={data.jobs}
                    overlaps={overlaps}
                    today={today}
                    canWrite={canWrite}
                    onReschedule={setRescheduling}
                  />
                ) : (
                  <ScheduleDay day={data.date} lanes={lanes} jobs={data.jobs} overlaps={overlaps} canWrite={canWrite} onReschedule={setRescheduling} />
                )}
              </div>
              <div className="md:hidden">
                <ScheduleDayList day={data.date} lanes={lanes} jobs={data.jobs} overlaps={overlaps} canWrite={canWrite} onReschedule={setRescheduling} />
              </div>
            </div>
            <ScheduleTray jobs={data.tray.jobs} total={data.tray.total} canWrite={canWrite} onReschedule={setRescheduling} />
          </div>
          <DragOverlay dropAnimation={null}>
            {dragging && <div className="w-48 rounded-md border border-brand-600 bg-white p-2 text-xs shadow-xl">{jobLabel(dragging)}</div>}
          </DragOverlay>
        </DndContext>
      )}
      {rescheduling && <RescheduleDialog key={rescheduling.uuid} job={rescheduling} lanes={allLanes} today={today} onClose={() => setRescheduling(null)} />}
    </div>
  );
}
