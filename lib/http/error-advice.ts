import { ApiRequestError } from "@/lib/http/api-fetch";

/**
 * What a screen may offer after a failed call. Trying again helps when the
 * answer was lost or the CRM was briefly out of reach; it cannot help when the
 * dashboard's CRM connection itself is wrong (a refused key, a missing
 * add-on: 502 crm_misconfigured), which only an administrator can fix, nor
 * with anything the server refused on purpose (4xx).
 */
export function isWorthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  if (error.code === "crm_misconfigured") return false;
  return error.code === "network" || error.status >= 500;
}

export function needsAdministrator(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === "crm_misconfigured";
}

export const ADMINISTRATOR_MUST_FIX = "An administrator must fix the dashboard's CRM connection; trying again will not help until then.";

/** The message to show for a failure, with the next step when it is not "try again". */
export function errorText(error: unknown, fallback = "Something went wrong."): string {
  const message = error instanceof Error ? error.message : fallback;
  return needsAdministrator(error) ? `${message} ${ADMINISTRATOR_MUST_FIX}` : message;
}

/** A "Retry" button's action, or none when retrying cannot help (the CRM connection must be fixed first). */
export function retryActionFor<Action>(error: unknown, action: Action): Action | undefined {
  return needsAdministrator(error) ? undefined : action;
}
