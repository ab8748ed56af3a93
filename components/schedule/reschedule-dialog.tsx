"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, fieldAria, inputClassName, primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { overlapText } from "@/components/schedule/schedule-card";
import { errorText } from "@/lib/http/error-advice";
import { newIntentKey } from "@/lib/http/api-mutate";
import { checkJobRules } from "@/lib/jobs/job-fields";
import { formatSchedule, jobLabel } from "@/lib/jobs/job-format";
import { conflictingJob } from "@/lib/jobs/queries/update-job";
import { useDaySchedule } from "@/lib/schedule/queries/get-schedule";
import { reschedulePatch, useRescheduleJob, type ScheduleSlot } from "@/lib/schedule/queries/reschedule-job";
import { scheduleJobFromDetail } from "@/lib/schedule/schedule-cache";
import { formatLongDay, isDay } from "@/lib/schedule/schedule-dates";
import { overlapsWith, type Lane } from "@/lib/schedule/schedule-layout";
import { UNASSIGNED, type ScheduleJob } from "@/lib/schedule/schedule-types";

type FieldName = "technician" | "date" | "start" | "end";
const RULE_FIELDS: Record<string, FieldName> = { scheduled_date: "date", scheduled_time_start: "start", scheduled_time_end: "end" };

/** Where a job is now, in words: "Marcus Chen, Tue, Mar 14, 2031, 09:00–11:00". */
export function describeSlot(job: ScheduleJob, lanes: readonly Lane[]): string {
  const person = job.assigned_to_user_id ? (lanes.find((lane) => lane.id === job.assigned_to_user_id?.toLowerCase())?.name ?? job.assignee_name) : null;
  return `${person ?? "Unassigned"}, ${formatSchedule(job)}`;
}

/**
 * Rescheduling without a mouse: technician, date, start and end, then Save.
 * The job form's own rule refuses an end before the start; a day already
 * past is saved only after a confirmation; a window that overlaps the
 * technician's other jobs that day is warned about, not refused. A 409
 * shows the job as someone else left it, and Save then applies this change
 * over theirs.
 */
export function RescheduleDialog({ job, lanes, today, onClose }: { job: ScheduleJob; lanes: readonly Lane[]; today: string; onClose: () => void }) {
  const [base, setBase] = useState(job);
  const [values, setValues] = useState({
    technician: job.assigned_to_user_id?.toLowerCase() ?? "",
    date: job.scheduled_date ?? "",
    start: job.scheduled_time_start?.slice(0, 5) ?? "",
    end: job.scheduled_time_end?.slice(0, 5) ?? "",
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [pastConfirmed, setPastConfirmed] = useState<string | null>(null);
  const [askPast, setAskPast] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [key, setKey] = useState(newIntentKey);
  const reschedule = useRescheduleJob();
  const day = useDaySchedule(isDay(values.date) ? values.date : null);

  const slot: ScheduleSlot = {
    assigned_to_user_id: values.technician === "" ? null : values.technician,
    scheduled_date: values.date === "" ? null : values.date,
    scheduled_time_start: values.start === "" ? null : values.start,
    scheduled_time_end: values.end === "" ? null : values.end,
  };
  const proposed = { ...base, ...slot };
  const overlapping = day.data && slot.scheduled_date === day.data.date ? overlapsWith(day.data.jobs, proposed) : [];
  const label = jobLabel(job);

  function set(field: FieldName, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setAskPast(false);
    // A different change is a different intent: it gets its own key.
    setKey(newIntentKey());
  }

  function validate(): boolean {
    const found: Partial<Record<FieldName, string>> = {};
    for (const [field, message] of Object.entries(checkJobRules({ ...slot }))) {
      const name = RULE_FIELDS[field];
      if (name) found[name] = message;
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function save(event: FormEvent) {
    event.preventDefault();
    submit(pastConfirmed);
  }

  function submit(confirmedPastDay: string | null) {
    setProblem(null);
    if (!validate()) return;
    if (slot.scheduled_date && slot.scheduled_date < today && confirmedPastDay !== slot.scheduled_date) {
      setAskPast(true);
      return;
    }
    if (!reschedulePatch(base, slot)) {
      onClose();
      return;
    }
    const name = slot.assigned_to_user_id ? (lanes.find((lane) => lane.id === slot.assigned_to_user_id)?.name ?? null) : null;
    reschedule.mutate(
      { job: base, to: slot, assigneeName: name, idempotencyKey: key },
      {
        onSuccess: (saved) => {
          toast.success(`Rescheduled ${label}: ${describeSlot(scheduleJobFromDetail(saved, base), lanes)}.`);
          onClose();
        },
        onError: (error) => {
          const current = conflictingJob(error);
          if (current) {
            const theirs = scheduleJobFromDetail(current, base);
            setBase(theirs);
            setKey(newIntentKey());
            setConflict(
              `Someone else changed ${label} after this schedule was loaded. It is now: ${describeSlot(theirs, lanes)}. Your change was not saved; Save again to apply it over theirs.`,
            );
            return;
          }
          setProblem(`Couldn't reschedule ${label}. ${errorText(error, "The change could not be saved.")}`);
        },
      },
    );
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Reschedule ${label}`} description={`Now: ${describeSlot(base, lanes)}.`}>
      <form onSubmit={save} noValidate className="space-y-2">
        {conflict && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            {conflict}
          </p>
        )}
        <Field id="reschedule-technician" label="Technician" error={errors.technician}>
          <select
            {...fieldAria("reschedule-technician", errors.technician)}
            value={values.technician}
            onChange={(event) => set("technician", event.target.value)}
            className={inputClassName}
          >
            <option value="">Unassigned</option>
            {lanes
              .filter((lane) => lane.id !== UNASSIGNED)
              .map((lane) => (
                <option key={lane.id} value={lane.id}>
                  {lane.name}
                </option>
              ))}
          </select>
        </Field>
        <Field id="reschedule-date" label="Date" error={errors.date}>
          <input
            type="date"
            {...fieldAria("reschedule-date", errors.date)}
            value={values.date}
            onChange={(event) => set("date", event.target.value)}
            className={inputClassName}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id="reschedule-start" label="Start" error={errors.start}>
            <input
              type="time"
              {...fieldAria("reschedule-start", errors.start)}
              value={values.start}
              onChange={(event) => set("start", event.target.value)}
              className={inputClassName}
            />
          </Field>
          <Field id="reschedule-end" label="End" error={errors.end}>
            <input
              type="time"
              {...fieldAria("reschedule-end", errors.end)}
              value={values.end}
              onChange={(event) => set("end", event.target.value)}
              className={inputClassName}
            />
          </Field>
        </div>
        <div aria-live="polite">
          {overlapping.length > 0 && (
            <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
              <strong>Double booking:</strong> {overlapText(overlapping)} for{" "}
              {lanes.find((lane) => lane.id === slot.assigned_to_user_id)?.name ?? "this technician"} that day. You can still save.
            </p>
          )}
        </div>
        {askPast && slot.scheduled_date && (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            <p>{formatLongDay(slot.scheduled_date)} has already passed. Schedule the job on it anyway?</p>
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                className={secondaryButtonClassName}
                onClick={() => {
                  setPastConfirmed(slot.scheduled_date);
                  setAskPast(false);
                  submit(slot.scheduled_date);
                }}
              >
                Save on that day
              </button>
            </div>
          </div>
        )}
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {problem}
          </p>
        )}
        <div className="flex justify-end gap-2 pt-2">
          <DialogClose className={secondaryButtonClassName}>Cancel</DialogClose>
          <button type="submit" className={primaryButtonClassName} disabled={reschedule.isPending} aria-busy={reschedule.isPending}>
            {reschedule.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
