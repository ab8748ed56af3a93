import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiRequestError, shortRequestId } from "@/lib/http/api-fetch";
import { saveFailureNotice } from "@/lib/forms/save-failure";

/**
 * Puts the server's field errors on the form's own fields, so a rule the
 * server enforces reads exactly like one the browser caught. Returns the
 * message for the whole form when there is one left over.
 */
export function applyServerErrors<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  knownFields: readonly string[],
): string | null {
  if (!(error instanceof ApiRequestError)) return "Saving failed. Try again.";
  let placed = 0;
  for (const [field, message] of Object.entries(error.fields)) {
    if (!knownFields.includes(field)) continue;
    setError(field as Path<Values>, { type: "server", message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  const unplaced = Object.entries(error.fields).filter(([field]) => !knownFields.includes(field));
  if (placed > 0 && unplaced.length === 0) return null;
  if (!unplaced.length) return error.message;
  const quoted = error.requestId ? ` (request ${shortRequestId(error.requestId)})` : "";
  return `${unplaced.map(([, message]) => message).join(" ")}${quoted}`;
}

/** What a failed save tells the form: a notice (with "Try again" when the answer may simply have been lost) and whether to list the fields by Save. */
export interface SaveFailure {
  problem: { message: string; retry: boolean; tone: "error" | "info" } | null;
  showSummary: boolean;
}

/**
 * A failed save (other than a conflict), for both features' forms: a failure
 * that is not about the fields (an ended session, a broken CRM connection, a
 * lost answer) is the notice saveFailureNotice gives; otherwise the server's
 * field errors go on their fields and whatever is left is the notice.
 */
export function describeSaveFailure<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  knownFields: readonly string[],
): SaveFailure {
  const notice = saveFailureNotice(error);
  if (notice) return { problem: notice, showSummary: false };
  const leftover = applyServerErrors(error, setError, knownFields);
  const showSummary = error instanceof ApiRequestError && Object.keys(error.fields).some((field) => knownFields.includes(field));
  return { problem: leftover ? { message: leftover, retry: false, tone: "error" } : null, showSummary };
}
