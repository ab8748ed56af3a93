import type { ReactNode } from "react";

/**
 * A labelled form field with its hint or error message wired to the input through
 * aria-describedby and aria-invalid, so screen readers announce both.
 */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {/* The message line keeps its height when empty: an error appearing as a field is
          left must not push the Save button away from the pointer mid-click. */}
      <p id={error ? `${id}-error` : `${id}-hint`} className={`min-h-5 text-sm ${error ? "text-red-700" : "text-xs text-slate-600"}`}>
        {error ?? hint ?? ""}
      </p>
    </div>
  );
}

/** Props for the input inside a Field: its described-by and invalid state. */
export function fieldAria(id: string, error: string | undefined, hint?: string) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

export const inputClassName =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 aria-[invalid=true]:border-red-600";

export const primaryButtonClassName =
  "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-900 disabled:cursor-not-allowed disabled:opacity-60";

export const secondaryButtonClassName =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
