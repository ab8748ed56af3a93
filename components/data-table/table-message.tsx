import type { ReactNode } from "react";
import { secondaryButtonClassName } from "@/components/ui/field";

/**
 * What a table shows instead of rows: nothing found, past the end, or an
 * error, always with the next step (Retry, clear the filters) as a button.
 */
export function TableMessage({
  title,
  children,
  tone = "neutral",
  action,
}: {
  title: string;
  children?: ReactNode;
  tone?: "neutral" | "error";
  action?: { label: string; onClick: () => void };
}) {
  return (
    <div role={tone === "error" ? "alert" : undefined} className="mx-auto max-w-md py-4 text-center">
      <p className={`font-medium ${tone === "error" ? "text-red-800" : "text-slate-800"}`}>{title}</p>
      {children && <p className="mt-1 text-sm text-slate-600">{children}</p>}
      {action && (
        <button type="button" onClick={action.onClick} className={`${secondaryButtonClassName} mt-3`}>
          {action.label}
        </button>
      )}
    </div>
  );
}
