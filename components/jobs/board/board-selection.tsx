"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { JobBulkChange } from "@/components/jobs/bulk/job-bulk-change";
import { secondaryButtonClassName } from "@/components/ui/field";
import { loadedJobs, type BoardColumnData } from "@/lib/jobs/board-cache";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import { jobLabel } from "@/lib/jobs/job-format";
import type { BoardFilters } from "@/lib/jobs/job-list-url";
import type { JobListItem } from "@/lib/jobs/job-types";
import { jobKeys } from "@/lib/jobs/queries/job-query-keys";

/**
 * Ticking cards on the board for a change to many jobs. The selection is
 * kept by job id; the jobs themselves are read from the board's columns when
 * the change starts, so each update expects the version on screen then.
 * Without a provider (people who may not write, a board showing a saved
 * copy) cards have no checkbox.
 */
interface BoardSelection {
  selected: ReadonlySet<string>;
  toggle: (uuid: string, checked: boolean) => void;
  clear: () => void;
}

const SelectionContext = createContext<BoardSelection | null>(null);

export function BoardSelectionProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (uuid: string, checked: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        if (checked) next.add(uuid);
        else next.delete(uuid);
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setSelected(new Set()), []);
  const value = useMemo(() => ({ selected, toggle, clear }), [selected, toggle, clear]);
  return <SelectionContext.Provider value={enabled ? value : null}>{children}</SelectionContext.Provider>;
}

/** A card's checkbox, or nothing where the board offers no bulk change. */
export function CardSelectCheckbox({ job }: { job: JobListItem }) {
  const selection = useContext(SelectionContext);
  if (!selection) return null;
  return (
    // Floats beside the card's first line; the pointer's drag starts only after a few pixels of movement, so a click ticks.
    <label className="float-left -ml-1 mr-1.5 flex cursor-pointer items-center p-1">
      <input
        type="checkbox"
        aria-label={`Select ${jobLabel(job)}`}
        checked={selection.selected.has(job.uuid)}
        onChange={(event) => selection.toggle(job.uuid, event.target.checked)}
        className="h-4 w-4 cursor-pointer rounded border-slate-400 accent-brand-700"
      />
    </label>
  );
}

/** "N selected", Clear selection and Change selected, above the columns while cards are ticked. */
export function BoardSelectionToolbar({ filters }: { filters: BoardFilters }) {
  const selection = useContext(SelectionContext);
  const queryClient = useQueryClient();
  if (!selection) return null;
  const count = selection.selected.size;
  const pick = () => {
    const jobs = JOB_STATUSES.flatMap((status) => loadedJobs(queryClient.getQueryData<BoardColumnData>(jobKeys.boardColumn(status, filters))));
    // A card that left the board since it was ticked (filtered out, moved away by someone) is not changed.
    return jobs.filter((job) => selection.selected.has(job.uuid));
  };
  return (
    <div className="flex min-h-9 flex-wrap items-center gap-2">
      <span aria-live="polite" className="text-sm text-slate-700">
        {count > 0 ? `${count} selected on the board` : ""}
      </span>
      {count > 0 && (
        <button type="button" className={secondaryButtonClassName} onClick={selection.clear}>
          Clear selection
        </button>
      )}
      <JobBulkChange count={count} pick={pick} onClearSelection={selection.clear} />
    </div>
  );
}
