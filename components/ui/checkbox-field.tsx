import type { ComponentProps } from "react";

/**
 * A checkbox with its label beside it and the same message line as Field
 * (reserved height, wired to aria-describedby), for settings such as "VIP"
 * whose rule can fail ("Marketing texts need a phone number").
 */
export function CheckboxField({
  id,
  label,
  error,
  hint,
  ...input
}: { id: string; label: string; error?: string | undefined; hint?: string | undefined } & Omit<ComponentProps<"input">, "id" | "type">) {
  const messageId = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          {...input}
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={messageId}
          className="h-4 w-4 rounded border-slate-400 text-brand-700 accent-brand-700"
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      <p id={messageId ?? `${id}-hint`} className={`min-h-5 text-sm ${error ? "text-red-700" : "text-xs text-slate-600"}`}>
        {error ?? hint ?? ""}
      </p>
    </div>
  );
}
