"use client";

import * as Popover from "@radix-ui/react-popover";
import { filterSelectClassName } from "@/components/jobs/filters/filter-field";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";

/**
 * Several statuses at once (the CRM takes a comma list). The raw text is kept
 * as typed, so an unknown status from a hand-edited URL is shown and can be
 * removed, rather than silently dropped.
 */
export function StatusFilter({ id, value, error, onChange }: { id: string; value: string; error?: string | undefined; onChange: (value: string) => void }) {
  const parts = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const known = JOB_STATUSES.filter((status) => parts.includes(status));
  const unknown = parts.filter((part) => !JOB_STATUSES.some((status) => status === part));
  const summary = parts.length === 0 ? "Any status" : parts.length === 1 ? parts[0] : `${parts.length} statuses`;

  const toggle = (status: string, checked: boolean) => {
    const next = checked ? [...parts, status] : parts.filter((part) => part !== status);
    // Workflow order, whatever order they were ticked in.
    onChange([...JOB_STATUSES.filter((known) => next.includes(known)), ...next.filter((part) => !JOB_STATUSES.some((s) => s === part))].join(","));
  };

  return (
    <div className="space-y-1">
      <Popover.Root>
        <Popover.Trigger
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${filterSelectClassName} flex min-w-40 items-center justify-between gap-2 text-left`}
        >
          <span className="truncate">{summary}</span>
          <span aria-hidden="true">▾</span>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content align="start" sideOffset={4} className="z-50 w-64 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
            <fieldset>
              <legend className="mb-2 text-xs font-medium text-slate-600">Show jobs in these statuses</legend>
              <div className="space-y-1.5">
                {JOB_STATUSES.map((status) => {
                  const checkboxId = `${id}-${status.toLowerCase().replaceAll(" ", "-")}`;
                  return (
                    <div key={status} className="flex items-center gap-2">
                      <input
                        id={checkboxId}
                        type="checkbox"
                        checked={known.includes(status)}
                        onChange={(event) => toggle(status, event.target.checked)}
                        className="size-4"
                      />
                      <label htmlFor={checkboxId}>{status}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
            {parts.length > 0 && (
              <button type="button" onClick={() => onChange("")} className="mt-3 text-sm font-medium text-brand-700 underline">
                Any status
              </button>
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {unknown.length > 0 && (
        <button type="button" onClick={() => onChange(known.join(","))} className="text-sm font-medium text-brand-700 underline">
          Remove {unknown.map((part) => `“${part}”`).join(", ")}
        </button>
      )}
    </div>
  );
}
