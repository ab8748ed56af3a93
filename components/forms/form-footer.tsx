import Link from "next/link";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";

/** Why the last Save did not go through, told above the Save bar: an error (with Try again when retrying can help), or information. */
export type FormProblem = { message: string; retry: boolean; tone: "error" | "info" };

export function FormProblemNotice({ problem, onRetry }: { problem: FormProblem | null; onRetry: () => void }) {
  if (!problem) return null;
  const error = problem.tone === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      className={`rounded-md border p-3 text-sm ${error ? "border-red-200 bg-red-50 text-red-800" : "border-slate-200 bg-white text-slate-800"}`}
    >
      {problem.message}
      {problem.retry && (
        <button type="button" className="ml-2 font-medium underline" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * Save and Cancel, kept in reach at the bottom of the screen on a long form,
 * with how many fields need attention (their details are listed just above)
 * or that there are unsaved changes.
 */
export function FormSaveBar({
  submitLabel,
  busy,
  busyLabel,
  cancelHref,
  fieldsNeedingAttention,
  dirty,
}: {
  submitLabel: string;
  busy: boolean;
  busyLabel: string;
  cancelHref: string;
  fieldsNeedingAttention: number;
  dirty: boolean;
}) {
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
      <button type="submit" className={primaryButtonClassName} disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      <Link href={cancelHref} className={secondaryButtonClassName}>
        Cancel
      </Link>
      {fieldsNeedingAttention > 0 ? (
        <span className="text-sm font-medium text-red-800">
          {fieldsNeedingAttention === 1 ? "1 field needs attention" : `${fieldsNeedingAttention} fields need attention`}
        </span>
      ) : (
        dirty && <span className="text-sm text-slate-600">Unsaved changes</span>
      )}
    </div>
  );
}
