import type { CrmErrorKind } from "@/lib/errors/crm-error-kinds";

/**
 * Plain-language explanations for office staff. A wrong key or a missing
 * add-on is the operator's problem, never presented as the user's fault.
 */
export function describeCrmError(kind: CrmErrorKind): string {
  switch (kind) {
    case "unauthorized":
      return "The dashboard's CRM API key was refused. An administrator needs to check CRM_API_KEY.";
    case "addon_required":
      return "The company's CRM plan does not include the Developer API add-on. An administrator needs to enable it.";
    case "ip_restricted":
      return "The CRM does not accept requests from this server's address. An administrator needs to allow it in the CRM's settings.";
    case "usage_limit":
      return "This month's CRM request allowance is used up. Reads may show older data until the month rolls over or more usage is bought.";
    case "forbidden":
      return "The CRM refused the request. An administrator should check the CRM account's settings.";
    case "not_found":
      return "The CRM has no such record. It may have been deleted.";
    case "validation":
      return "The CRM rejected the request as invalid.";
    case "conflict":
      return "The same change is still being saved. Wait a moment and try again.";
    case "rate_limited":
      return "The CRM is asking the dashboard to slow down. Try again in a moment.";
    case "unavailable":
      return "The CRM is not answering right now. Try again in a moment.";
    case "invalid_response":
      return "The CRM answered with something unexpected. An administrator should check the CRM address.";
  }
}

/** Failures only an administrator can fix (the dashboard answers them 502 crm_misconfigured): trying again cannot help. */
export function isCrmConnectionProblem(kind: CrmErrorKind): boolean {
  return kind === "unauthorized" || kind === "addon_required" || kind === "ip_restricted" || kind === "forbidden" || kind === "invalid_response";
}
