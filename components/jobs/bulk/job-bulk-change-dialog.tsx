"use client";

import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { ProgressBar } from "@/components/data-table/progress-bar";
import { AlertDialog, AlertDialogCancel } from "@/components/ui/alert-dialog";
import { fieldAria, inputClassName, primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { countOf, intentKeys } from "@/lib/bulk/bulk-delete";
import type { BulkProgress } from "@/lib/bulk/run-bulk";
import { assigneeLabel, collectAssignees, mergeAssignees } from "@/lib/jobs/assignees";
import {
  BULK_JOB_FIELDS,
  BULK_JOB_FIELD_LABELS,
  checkBulkJobChange,
  describeBulkJobChange,
  type BulkJobChange,
  type BulkJobField,
  type ChangedJob,
} from "@/lib/jobs/job-bulk-change";
import { JOB_PRIORITIES, JOB_STATUSES } from "@/lib/jobs/job-enums";
import { jobLabel } from "@/lib/jobs/job-format";
import type { JobListItem } from "@/lib/jobs/job-types";
import { changeJobs, undoJobChanges, useJobsChangedInBulk } from "@/lib/jobs/queries/bulk-change-jobs";
import { useJobAssignees } from "@/lib/jobs/queries/get-job-assignees";

/**
 * The dialog of a change to many jobs: what to set, then one request per job
 * (a few at a time) with a progress bar, then either a notice with Undo (all
 * changed) or, here, each failure with its reason, "Try again" for those only
 * (same Idempotency-Key per job), and Undo for those changed. The Undo puts
 * back the one field changed, on the jobs still as the change left them, and
 * reports the others.
 *
 * Loaded on first use (JobBulkChange), so no screen pays for it up front.
 * It stays mounted after it closes: the notice's Undo runs here.
 */
export interface JobBulkChangeDialogProps {
  /** The jobs ticked when "Change selected" was pressed; a new `request` opens the dialog. */
  request: { rows: JobListItem[]; id: number };
  onClearSelection: () => void;
}

type Failure<T> = { item: T; reason: string };

type Step =
  | { step: "closed" }
  | { step: "choose"; rows: JobListItem[] }
  | { step: "changing"; rows: JobListItem[]; change: BulkJobChange; progress: BulkProgress }
  | { step: "changeReport"; rows: JobListItem[]; change: BulkJobChange; changed: ChangedJob[]; failed: Failure<JobListItem>[] }
  | { step: "undoing"; changed: ChangedJob[]; progress: BulkProgress }
  | { step: "undoReport"; changed: ChangedJob[]; undone: ChangedJob[]; failed: Failure<ChangedJob>[] };

const LISTED = 10;
const JOBS = { one: "job", many: "jobs" };

function NameList({ labels }: { labels: readonly string[] }) {
  return (
    <ul className="list-disc space-y-0.5 pl-5">
      {labels.slice(0, LISTED).map((label, index) => (
        <li key={index}>{label}</li>
      ))}
      {labels.length > LISTED && <li className="list-none">and {labels.length - LISTED} more</li>}
    </ul>
  );
}

function FailureList({ title, failures }: { title: string; failures: ReadonlyArray<{ label: string; reason: string }> }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{title}</p>
      <ul className="mt-2 space-y-1">
        {failures.map((failure, index) => (
          <li key={index}>
            <span className="font-medium">{failure.label}</span>: {failure.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function JobBulkChangeDialog({ request, onClearSelection }: JobBulkChangeDialogProps) {
  const [state, setState] = useState<Step>({ step: "choose", rows: request.rows });
  const [seenRequest, setSeenRequest] = useState(request.id);
  const [field, setField] = useState<BulkJobField>("status");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const keyFor = useRef(intentKeys());
  const undoKeyFor = useRef(intentKeys());
  const refresh = useJobsChangedInBulk();
  const assignees = useJobAssignees();
  const fieldId = useId();
  const valueId = useId();

  if (seenRequest !== request.id) {
    setSeenRequest(request.id);
    setState({ step: "choose", rows: request.rows });
    setValue("");
    setError(undefined);
  }

  const people = useMemo(() => mergeAssignees(assignees.data ?? [], collectAssignees(request.rows)), [assignees.data, request.rows]);

  const onProgress = (progress: BulkProgress) =>
    setState((current) => (current.step === "changing" || current.step === "undoing" ? { ...current, progress } : current));

  async function runChange(rows: JobListItem[], attempt: JobListItem[], change: BulkJobChange, changedBefore: ChangedJob[]) {
    setState({ step: "changing", rows, change, progress: { total: attempt.length, done: 0, failed: 0 } });
    const report = await changeJobs(attempt, change, keyFor.current, onProgress);
    // The screen behind the dialog shows the truth at once, failures or not.
    void refresh();
    const changed = [...changedBefore, ...report.changed];
    if (report.failed.length === 0) finishChange(rows, change, changed);
    else setState({ step: "changeReport", rows, change, changed, failed: report.failed.map(({ job, reason }) => ({ item: job, reason })) });
  }

  function finishChange(rows: JobListItem[], change: BulkJobChange, changed: ChangedJob[]) {
    setState({ step: "closed" });
    onClearSelection();
    const what = describeBulkJobChange(change, people);
    if (changed.length === 0) {
      toast(`Nothing to change: ${countOf(rows.length, JOBS)} already had ${what}`, { duration: 6_000 });
      return;
    }
    toast(`${countOf(changed.length, JOBS)} changed (${what})`, {
      duration: 10_000,
      action: { label: "Undo", onClick: () => startUndo(changed) },
    });
  }

  function startUndo(changed: ChangedJob[]) {
    // One Undo is one intent: its keys are kept across its own "Try again".
    undoKeyFor.current = intentKeys();
    void runUndo(changed, changed, []);
  }

  async function runUndo(changed: ChangedJob[], attempt: ChangedJob[], undoneBefore: ChangedJob[]) {
    setState({ step: "undoing", changed, progress: { total: attempt.length, done: 0, failed: 0 } });
    const report = await undoJobChanges(attempt, undoKeyFor.current, onProgress);
    void refresh();
    const undone = [...undoneBefore, ...report.undone];
    if (report.failed.length === 0) {
      setState({ step: "closed" });
      toast.success(`Change undone on ${countOf(undone.length, JOBS)}`, { duration: 6_000 });
    } else {
      setState({ step: "undoReport", changed, undone, failed: report.failed.map(({ changed: item, reason }) => ({ item, reason })) });
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (state.step !== "choose") return;
    const check = checkBulkJobChange(field, value, people);
    if (!check.ok) {
      setError(check.message);
      return;
    }
    keyFor.current = intentKeys();
    void runChange(state.rows, state.rows, check.change, []);
  }

  function close() {
    if (state.step === "changing" || state.step === "undoing") return;
    if (state.step === "changeReport") finishChange(state.rows, state.change, state.changed);
    else setState({ step: "closed" });
  }

  const title =
    state.step === "choose"
      ? `Change ${countOf(state.rows.length, JOBS)}`
      : state.step === "changing"
        ? `Changing ${countOf(state.rows.length, JOBS)}…`
        : state.step === "changeReport"
          ? `${state.changed.length} of ${countOf(state.rows.length, JOBS)} changed`
          : state.step === "undoing"
            ? `Undoing the change to ${countOf(state.changed.length, JOBS)}…`
            : state.step === "undoReport"
              ? `Change undone on ${state.undone.length} of ${countOf(state.changed.length, JOBS)}`
              : "";
  const running = state.step === "changing" || state.step === "undoing" ? state.progress : null;

  return (
    <AlertDialog
      open={state.step !== "closed"}
      onOpenChange={(next) => !next && close()}
      title={title}
      description={state.step === "choose" ? "One field is set on every job below. You can undo it right after, from the notice that follows." : undefined}
    >
      {state.step === "choose" && (
        <form onSubmit={onSubmit} noValidate className="space-y-4 text-sm">
          <NameList labels={state.rows.map(jobLabel)} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <label htmlFor={fieldId} className="block font-medium text-slate-800">
                Change
              </label>
              <select
                id={fieldId}
                value={field}
                onChange={(event) => {
                  setField(event.target.value as BulkJobField);
                  setValue("");
                  setError(undefined);
                }}
                className={inputClassName}
              >
                {BULK_JOB_FIELDS.map((option) => (
                  <option key={option} value={option}>
                    {BULK_JOB_FIELD_LABELS[option]}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor={valueId} className="block font-medium text-slate-800">
                New {BULK_JOB_FIELD_LABELS[field].toLowerCase()}
              </label>
              {field === "scheduled_date" ? (
                <input
                  type="date"
                  {...fieldAria(valueId, error)}
                  value={value}
                  onChange={(event) => {
                    setValue(event.target.value);
                    setError(undefined);
                  }}
                  className={inputClassName}
                />
              ) : (
                <select
                  {...fieldAria(valueId, error)}
                  value={value}
                  onChange={(event) => {
                    setValue(event.target.value);
                    setError(undefined);
                  }}
                  className={inputClassName}
                >
                  {field === "assigned_to_user_id" ? (
                    <>
                      <option value="">Unassigned</option>
                      {people.map((person) => (
                        <option key={person.id} value={person.id}>
                          {assigneeLabel(person)}
                        </option>
                      ))}
                    </>
                  ) : (
                    <>
                      <option value="">Choose…</option>
                      {(field === "status" ? JOB_STATUSES : JOB_PRIORITIES).map((option) => (
                        <option key={option} value={option}>
                          {option}
                        </option>
                      ))}
                    </>
                  )}
                </select>
              )}
              <p id={error ? `${valueId}-error` : undefined} className="min-h-5 text-sm text-red-700">
                {error ?? ""}
              </p>
            </div>
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <AlertDialogCancel className={secondaryButtonClassName}>Cancel</AlertDialogCancel>
            <button type="submit" className={primaryButtonClassName}>
              Change {countOf(state.rows.length, JOBS)}
            </button>
          </div>
        </form>
      )}

      {running && (
        <div className="space-y-3 text-sm">
          <ProgressBar
            label={state.step === "undoing" ? "Undoing the change" : "Changing jobs"}
            value={running.done}
            max={running.total}
            valueText={`${running.done} of ${running.total} done`}
          />
          <p aria-live="polite">
            {running.done} of {countOf(running.total, JOBS)} done
            {running.failed > 0 ? `, ${running.failed} failed` : ""}. Keep this page open until it finishes.
          </p>
        </div>
      )}

      {state.step === "changeReport" && (
        <div className="space-y-4 text-sm">
          <ProgressBar
            label="Changing jobs"
            value={state.rows.length - state.failed.length}
            max={state.rows.length}
            valueText={`${state.rows.length - state.failed.length} of ${state.rows.length} done`}
          />
          <FailureList
            title={`${countOf(state.failed.length, JOBS)} could not be changed:`}
            failures={state.failed.map((failure) => ({ label: jobLabel(failure.item), reason: failure.reason }))}
          />
          {state.changed.length > 0 && (
            <div>
              <p className="font-medium text-slate-800">Changed ({describeBulkJobChange(state.change, people)}):</p>
              <div className="mt-1">
                <NameList labels={state.changed.map((changed) => jobLabel(changed.job))} />
              </div>
            </div>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={secondaryButtonClassName} onClick={close}>
              Close
            </button>
            {state.changed.length > 0 && (
              <button type="button" className={secondaryButtonClassName} onClick={() => startUndo(state.changed)}>
                Undo ({state.changed.length})
              </button>
            )}
            <button
              type="button"
              className={primaryButtonClassName}
              onClick={() =>
                void runChange(
                  state.rows,
                  state.failed.map((failure) => failure.item),
                  state.change,
                  state.changed,
                )
              }
            >
              Try again ({state.failed.length})
            </button>
          </div>
        </div>
      )}

      {state.step === "undoReport" && (
        <div className="space-y-4 text-sm">
          <FailureList
            title={`${countOf(state.failed.length, JOBS)} could not be put back:`}
            failures={state.failed.map((failure) => ({ label: jobLabel(failure.item.job), reason: failure.reason }))}
          />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={secondaryButtonClassName} onClick={() => setState({ step: "closed" })}>
              Close
            </button>
            <button
              type="button"
              className={primaryButtonClassName}
              onClick={() =>
                void runUndo(
                  state.changed,
                  state.failed.map((failure) => failure.item),
                  state.undone,
                )
              }
            >
              Try again ({state.failed.length})
            </button>
          </div>
        </div>
      )}
    </AlertDialog>
  );
}
