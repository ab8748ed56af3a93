"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { BulkDeleteProps } from "@/components/data-table/bulk-delete";
import { ProgressBar } from "@/components/data-table/progress-bar";
import { AlertDialog, AlertDialogCancel, dangerButtonClassName } from "@/components/ui/alert-dialog";
import { inputClassName, secondaryButtonClassName } from "@/components/ui/field";
import { countOf, deleteRows, intentKeys, restoreRows, type BulkDeleteKind, type BulkFailure, type BulkQuestion } from "@/lib/bulk/bulk-delete";
import type { BulkProgress } from "@/lib/bulk/run-bulk";

/**
 * What bulk-delete.tsx loads once a first row is ticked: the buttons, the
 * dialog and the requests (see BulkDeleteProps there).
 */
type Step<Row> =
  | { step: "closed" }
  | { step: "confirm"; rows: Row[] }
  | { step: "running"; rows: Row[]; deleted: Row[]; progress: BulkProgress }
  | { step: "report"; rows: Row[]; deleted: Row[]; failed: BulkFailure<Row>[] };

const LISTED = 10;

/** The kind's one question for the batch, as radio buttons. */
function BatchQuestion({ question, answer, onAnswer }: { question: BulkQuestion; answer: string; onAnswer: (value: string) => void }) {
  const name = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="font-medium text-slate-800">{question.legend}</legend>
      {question.choices.map((choice) => (
        <label key={choice.value} className="flex items-center gap-2">
          <input type="radio" name={name} value={choice.value} checked={answer === choice.value} onChange={() => onAnswer(choice.value)} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

function NameList<Row>({ rows, kind }: { rows: readonly Row[]; kind: BulkDeleteKind<Row> }) {
  return (
    <ul className="list-disc space-y-0.5 pl-5">
      {rows.slice(0, LISTED).map((row) => (
        <li key={kind.id(row)}>{kind.label(row)}</li>
      ))}
      {rows.length > LISTED && <li className="list-none">and {rows.length - LISTED} more</li>}
    </ul>
  );
}

async function undoDelete<Row>(kind: BulkDeleteKind<Row>, rows: readonly Row[], openTrash: () => void) {
  const what = countOf(rows.length, kind.noun);
  const id = toast.loading(`Restoring ${what}…`);
  const report = await restoreRows(kind, rows);
  await kind.refresh();
  if (report.failed.length === 0) {
    toast.success(`${what} restored`, { id, duration: 5_000 });
    return;
  }
  const failed = report.failed.length;
  toast.error(`${failed} of ${what} could not be restored`, {
    id,
    description: `${failed === 1 ? "It is" : "They are"} in the Trash: restore ${failed === 1 ? "it" : "them"} from there. ${report.failed[0]?.reason ?? ""}`,
    action: { label: "Open Trash", onClick: openTrash },
    duration: 15_000,
  });
}

export default function BulkDeleteControls<Row>({ kind, selected, onClearSelection, note }: BulkDeleteProps<Row>) {
  const router = useRouter();
  const [state, setState] = useState<Step<Row>>({ step: "closed" });
  const [typed, setTyped] = useState("");
  const [answer, setAnswer] = useState(kind.question?.choices[0]?.value ?? "");
  const keyFor = useRef(intentKeys());
  const inputId = useId();
  const count = selected.length;
  const rows = state.step === "closed" ? [] : state.rows;
  const confirmed = typed.trim() === String(rows.length);

  function open() {
    keyFor.current = intentKeys();
    setTyped("");
    setAnswer(kind.question?.choices[0]?.value ?? "");
    setState({ step: "confirm", rows: selected });
  }

  function finish(deleted: Row[]) {
    setState({ step: "closed" });
    onClearSelection();
    if (deleted.length === 0) return;
    toast(`${countOf(deleted.length, kind.noun)} deleted`, {
      duration: 8_000,
      action: { label: "Undo", onClick: () => void undoDelete(kind, deleted, () => router.push("/trash")) },
    });
  }

  async function run(all: Row[], attempt: Row[], deletedBefore: Row[]) {
    setState({ step: "running", rows: all, deleted: deletedBefore, progress: { total: attempt.length, done: 0, failed: 0 } });
    const report = await deleteRows(
      kind,
      attempt,
      keyFor.current,
      (progress) => setState((current) => (current.step === "running" ? { ...current, progress } : current)),
      kind.question ? answer : undefined,
    );
    // The table behind the dialog shows the truth at once, failures or not.
    void kind.refresh();
    const deletedIds = new Set([...deletedBefore, ...report.deleted].map(kind.id));
    const deleted = all.filter((row) => deletedIds.has(kind.id(row)));
    if (report.failed.length === 0) finish(deleted);
    else setState({ step: "report", rows: all, deleted, failed: report.failed });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (state.step === "confirm" && confirmed) void run(state.rows, state.rows, []);
  }

  function close() {
    if (state.step === "running") return;
    if (state.step === "report") finish(state.deleted);
    else setState({ step: "closed" });
  }

  const noun = (n: number) => countOf(n, kind.noun);
  // While running: this attempt's records settled; in the report: all the intent's records deleted so far.
  const bar =
    state.step === "running"
      ? { value: state.progress.done, max: state.progress.total, text: `${state.progress.done} of ${state.progress.total} done` }
      : state.step === "report"
        ? { value: state.deleted.length, max: state.rows.length, text: `${state.deleted.length} of ${state.rows.length} deleted` }
        : null;
  const title =
    state.step === "running"
      ? `Deleting ${noun(rows.length)}…`
      : state.step === "report"
        ? `${state.deleted.length} of ${noun(rows.length)} deleted`
        : `Delete ${noun(rows.length)}?`;

  return (
    <>
      <span aria-live="polite" className="text-sm text-slate-700">
        {count > 0 ? `${count} selected on this page` : ""}
      </span>
      {count > 0 && (
        <>
          <button type="button" className={secondaryButtonClassName} onClick={onClearSelection}>
            Clear selection
          </button>
          <button type="button" className={`${secondaryButtonClassName} text-red-800`} onClick={open}>
            Delete selected ({count})
          </button>
        </>
      )}
      <AlertDialog
        open={state.step !== "closed"}
        onOpenChange={(next) => !next && close()}
        title={title}
        description={
          state.step === "confirm"
            ? `They leave the lists at once. You can undo right after from the notice that follows, or restore them later from the Trash.`
            : undefined
        }
      >
        {state.step === "confirm" && (
          <form onSubmit={onSubmit} className="space-y-4 text-sm">
            <NameList rows={state.rows} kind={kind} />
            {note && <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">{note}</p>}
            {kind.question && <BatchQuestion question={kind.question} answer={answer} onAnswer={setAnswer} />}
            <div>
              <label htmlFor={inputId} className="block font-medium text-slate-800">
                Type {state.rows.length} to confirm
              </label>
              <input
                id={inputId}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                inputMode="numeric"
                autoComplete="off"
                className={`${inputClassName} mt-1 w-24`}
              />
            </div>
            <div className="flex flex-wrap justify-end gap-2">
              <AlertDialogCancel className={secondaryButtonClassName}>Cancel</AlertDialogCancel>
              <button type="submit" className={dangerButtonClassName} disabled={!confirmed}>
                Delete {noun(state.rows.length)}
              </button>
            </div>
          </form>
        )}

        {bar && (
          <div className="mb-4">
            <ProgressBar label={`Deleting ${kind.noun.many}`} value={bar.value} max={bar.max} valueText={bar.text} />
          </div>
        )}

        {state.step === "running" && (
          <p aria-live="polite" className="text-sm">
            {state.progress.done} of {noun(state.progress.total)} done
            {state.progress.failed > 0 ? `, ${state.progress.failed} failed` : ""}. Keep this page open until it finishes.
          </p>
        )}

        {state.step === "report" && (
          <div className="space-y-4 text-sm">
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
              <p className="font-medium">{noun(state.failed.length)} could not be deleted:</p>
              {/* Every failure, each with its reason: a long list makes the dialog itself scroll (an inner scroll box would be one more stop for the keyboard). */}
              <ul className="mt-2 space-y-1">
                {state.failed.map((failure) => (
                  <li key={kind.id(failure.row)}>
                    <span className="font-medium">{kind.label(failure.row)}</span>: {failure.reason}
                  </li>
                ))}
              </ul>
            </div>
            {state.deleted.length > 0 && (
              <div>
                <p className="font-medium text-slate-800">Deleted:</p>
                <div className="mt-1">
                  <NameList rows={state.deleted} kind={kind} />
                </div>
              </div>
            )}
            {kind.question && <BatchQuestion question={kind.question} answer={answer} onAnswer={setAnswer} />}
            <div className="flex flex-wrap justify-end gap-2">
              <button type="button" className={secondaryButtonClassName} onClick={close}>
                Close
              </button>
              <button
                type="button"
                className={dangerButtonClassName}
                onClick={() =>
                  void run(
                    state.rows,
                    state.failed.map((failure) => failure.row),
                    state.deleted,
                  )
                }
              >
                Try again ({state.failed.length})
              </button>
            </div>
          </div>
        )}
      </AlertDialog>
    </>
  );
}
