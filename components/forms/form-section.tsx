import { useId, type ReactNode } from "react";

/**
 * A titled card of fields, as both record forms show them: a heading people
 * (and screen readers' heading lists) can jump to, an optional line under it,
 * and the fields in a grid of two or three columns on wider screens (none
 * where the section lays out its own parts, like two address blocks).
 */
export function FormSection({ title, description, columns, children }: { title: string; description?: string; columns?: 2 | 3; children: ReactNode }) {
  const id = useId();
  const grid = columns === undefined ? "" : ` grid gap-x-4 gap-y-1 ${columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
      <div className={`mt-4${grid}`}>{children}</div>
    </section>
  );
}
