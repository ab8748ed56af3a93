import { ApiRequestError } from "@/lib/http/api-fetch";
import { errorText, isWorthRetrying, needsAdministrator } from "@/lib/http/error-advice";

/**
 * What a form says when Save failed for a reason that is not about its
 * fields; null when the failure is about the fields (put them on the fields).
 * Whatever happens, what was typed stays in the form.
 */
export function saveFailureNotice(error: unknown): { message: string; retry: boolean; tone: "error" | "info" } | null {
  if (error instanceof ApiRequestError && error.code === "unauthenticated") {
    return { message: "Your session has ended. Taking you to sign in: what you typed is kept and comes back here afterwards.", retry: false, tone: "info" };
  }
  if (needsAdministrator(error)) return { message: `${errorText(error)} What you typed stays here.`, retry: false, tone: "error" };
  if (isWorthRetrying(error)) return { message: `${errorText(error)} Nothing you typed is lost.`, retry: true, tone: "error" };
  return null;
}

export const DRAFT_RESTORED_NOTICE = "You were signed out before this was saved. What you typed is back: check it and press Save.";
