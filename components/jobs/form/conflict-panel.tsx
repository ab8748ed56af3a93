"use client";

import { useEffect, useRef } from "react";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import type { JobConflictRow } from "@/lib/jobs/job-changes";
import { JOB_FIELD_LABELS, type JobField } from "@/lib/jobs/job-field-labels";

interface ConflictPanelProps {
  rows: readonly JobConflictRow[];
  formatValue: (field: JobField, value: unknown) => string;
  onApplyMine: () => void;
  onDiscardMine: () => void;
  busy: boolean;
}

/**
 * Someone else saved the job while this person was editing (409). Nothing is
 * lost: their typing stays in the form. This says, field by field, who changed
 * what, and lets them put their changes on top of the new version or take it.
 */
export function ConflictPanel({ rows, formatValue, onApplyMine, onDiscardMine, busy }: ConflictPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const clashes = rows.filter((row) => row.clash).length;
  return (
    <section aria-labelledby="job-conflict-heading" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="job-conflict-heading" ref={heading} tabIndex={-1} className="font-semibold text-amber-950">
        Someone else changed this job while you were editing
      </h2>
      <p className="text-sm text-amber-950">
        Your changes are still in the form and have not been saved.
        {clashes > 0 ? ` You both changed ${clashes === 1 ? "one field" : `${clashes} fields`}: applying yours replaces theirs there.` : " Their changes and yours are to different fields."}
      </p>
      <div className="overflow-x-auto rounded-md border border-amber-200 bg-white">
        <table className="w-full min-w-[36rem] text-sm">
          <caption className="sr-only">What changed, field by field</caption>
          <thead className="bg-amber-100/60 text-left text-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Field</th>
              <th scope="col" className="px-3 py-2 font-medium">When you opened it</th>
              <th scope="col" className="px-3 py-2 font-medium">Now (their version)</th>
              <th scope="col" className="px-3 py-2 font-medium">Yours</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={`border-t border-amber-100 align-top ${row.clash ? "bg-red-50" : ""}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {JOB_FIELD_LABELS[row.field]}
                  {row.clash && <span className="block text-xs font-normal text-red-800">Changed by both</span>}
                </th>
                <td className="px-3 py-2 text-slate-600">{formatValue(row.field, row.before)}</td>
                <td className={`px-3 py-2 ${row.theyChanged ? "font-medium text-slate-900" : "text-slate-600"}`}>
                  {formatValue(row.field, row.current)}
                  {!row.theyChanged && <span className="sr-only"> (unchanged)</span>}
                </td>
                <td className={`px-3 py-2 ${row.iChanged ? "font-medium text-slate-900" : "text-slate-600"}`}>
                  {row.iChanged ? formatValue(row.field, row.mine) : <span className="text-slate-500">not changed by you</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onApplyMine} disabled={busy} className={primaryButtonClassName}>
          Apply my changes again
        </button>
        <button type="button" onClick={onDiscardMine} disabled={busy} className={secondaryButtonClassName}>
          Discard mine, keep theirs
        </button>
      </div>
    </section>
  );
}
