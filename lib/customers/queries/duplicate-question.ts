import type { PossibleDuplicate } from "@/lib/customers/duplicate-types";
import { ApiRequestError } from "@/lib/http/api-fetch";

/** A save the server refused as a possible duplicate (with its matches), or could not check; null for any other failure. */
export type DuplicateAnswer = { kind: "matches"; matches: PossibleDuplicate[] } | { kind: "unchecked"; message: string };

export function duplicateQuestionOf(error: unknown): DuplicateAnswer | null {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.code === "possible_duplicate" && Array.isArray(error.body.matches)) return { kind: "matches", matches: error.body.matches as PossibleDuplicate[] };
  if (error.code === "duplicate_check_failed") return { kind: "unchecked", message: error.message };
  return null;
}
