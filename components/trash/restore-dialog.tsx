"use client";

import { useRef, useState } from "react";
import { toast } from "sonner";
import { ProgressBar } from "@/components/data-table/progress-bar";
import { Dialog } from "@/components/ui/dialog";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { useRestoreEach } from "@/lib/trash/queries/restore-from-trash";
import type { RestoreItem, RestoreOutcome } from "@/lib/trash/restore-run";

const LISTED = 10;

/**
 * Restores several records at once (the selected rows, or a customer with the
 * jobs deleted with them): the list first, then a progress bar, then a report.
 * All restored: the dialog closes with a toast. Some failed: each is listed
 * with the reason, and "Try again" retries only those, with the same keys.
 */
export function RestoreDialog({
  open,
  onOpenChange,
  title,
  items,
  optionalItems,
  optionalLabel,
  onFinished,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  items: RestoreItem[];
  /** Offered with a checkbox, ticked by default (a customer's jobs deleted with them). */
  optionalItems?: RestoreItem[];
  optionalLabel?: string;
  onFinished: (restored: RestoreItem[]) => void;
}) {
  const restoreEach = useRestoreEach();
  const [withOptional, setWithOptional] = useState(true);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [runSize, setRunSize] = useState(0);
  const [outcomes, setOutcomes] = useState<RestoreOutcome[] | null>(null);
  const keys = useRef(new Map<string, string>());

  const chosen = [...items, ...(withOptional ? (optionalItems ?? []) : [])];
  const failed = outcomes?.filter((outcome): outcome is Extract<RestoreOutcome, { ok: false }> => !outcome.ok) ?? [];
  const restored = outcomes?.filter((outcome) => outcome.ok).map((outcome) => outcome.item) ?? [];

  async function run(list: RestoreItem[]) {
    setRunning(true);
    setDone(0);
    setRunSize(list.length);
    const retried = new Set(list.map((item) => item.uuid));
    const earlier = (outcomes ?? []).filter((outcome) => !retried.has(outcome.item.uuid));
    const results = await restoreEach(list, keys.current, (_outcome, count) => setDone(count));
    setRunning(false);
    const all = [...earlier, ...results];
    const stillFailed = all.filter((outcome) => !outcome.ok);
    const back = all.filter((outcome) => outcome.ok).map((outcome) => outcome.item);
    if (stillFailed.length === 0) {
      toast.success(back.length === 1 ? `${back[0]?.label ?? "The record"} is restored.` : `${back.length} records are restored.`);
      setOutcomes(null);
      onOpenChange(false);
    } else {
      setOutcomes(all);
    }
    onFinished(back);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (running) return;
        if (!next) setOutcomes(null);
        onOpenChange(next);
      }}
      title={title}
    >
      <div className="space-y-3 text-sm">
        {!outcomes && (
          <>
            <ul className="max-h-48 space-y-1 overflow-y-auto">
              {items.slice(0, LISTED).map((item) => (
                <li key={item.uuid}>{item.label}</li>
              ))}
              {items.length > LISTED && <li>and {items.length - LISTED} more</li>}
            </ul>
            {optionalItems && optionalItems.length > 0 && (
              <fieldset className="rounded-md border border-slate-200 p-3">
                <legend className="sr-only">Jobs deleted with this customer</legend>
                <label className="flex items-start gap-2 font-medium">
                  <input
                    type="checkbox"
                    className="mt-0.5 h-4 w-4 accent-brand-700"
                    checked={withOptional}
                    onChange={(event) => setWithOptional(event.target.checked)}
                    disabled={running}
                  />
                  {optionalLabel}
                </label>
                <ul className="ml-6 mt-1 list-disc text-slate-700">
                  {optionalItems.slice(0, LISTED).map((item) => (
                    <li key={item.uuid}>{item.label}</li>
                  ))}
                  {optionalItems.length > LISTED && <li>and {optionalItems.length - LISTED} more</li>}
                </ul>
              </fieldset>
            )}
          </>
        )}

        {running && <ProgressBar label="Restoring" value={done} max={runSize} valueText={`${done} of ${runSize} done`} />}

        {outcomes && (
          <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
            <p className="font-medium">
              {restored.length} restored, {failed.length} not:
            </p>
            <ul className="space-y-1">
              {failed.map((outcome) => (
                <li key={outcome.item.uuid}>
                  <span className="font-medium">{outcome.item.label}</span>: {outcome.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={secondaryButtonClassName} disabled={running} onClick={() => onOpenChange(false)}>
            {outcomes ? "Close" : "Cancel"}
          </button>
          {outcomes ? (
            failed.some((outcome) => !outcome.nothingToDo) && (
              <button
                type="button"
                className={primaryButtonClassName}
                disabled={running}
                onClick={() => void run(failed.filter((outcome) => !outcome.nothingToDo).map((outcome) => outcome.item))}
              >
                {running ? "Restoring…" : "Try again for those that failed"}
              </button>
            )
          ) : (
            <button type="button" className={primaryButtonClassName} disabled={running} onClick={() => void run(chosen)}>
              {running ? "Restoring…" : chosen.length === 1 ? "Restore" : `Restore ${chosen.length}`}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
