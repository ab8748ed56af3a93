import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiRequestError, shortRequestId } from "@/lib/http/api-fetch";

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
