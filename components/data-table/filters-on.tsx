"use client";

import { secondaryButtonClassName } from "@/components/ui/field";

/**
 * The "filters on" state of a list: which filters narrow it, said in words
 * (so nobody takes a filtered list for the whole), and one button to clear
 * them all. Nothing when no filter is on.
 */
export function FiltersOn({ filters, onClear, label = "Clear filters" }: { filters: readonly string[]; onClear: () => void; label?: string }) {
  if (filters.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p>
        <span className="font-medium">{filters.length === 1 ? "1 filter on" : `${filters.length} filters on`}:</span> {filters.join(" · ")}
      </p>
      <button type="button" onClick={onClear} className={`${secondaryButtonClassName} ml-auto py-1`}>
        {label}
      </button>
    </div>
  );
}
