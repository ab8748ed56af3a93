import type { ReactNode } from "react";

/** A labelled filter with its problem said under it (a hand-edited URL can hold a bad value). */
export function FilterField({
  id,
  label,
  error,
  children,
  className = "",
}: {
  id: string;
  label: string;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error && (
        <p id={`${id}-error`} className="mt-1 max-w-xs text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function filterAria(id: string, error: string | undefined) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined } as const;
}

export const filterSelectClassName =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";
