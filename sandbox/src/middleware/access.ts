import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../app-env";
import { ApiError } from "../http/api-error";

/** How the CRM can turn a known key away (set at run time through PUT /__sandbox/access). */
export type AccessRefusal = "invalid_key" | "addon_required";
export const ACCESS_REFUSALS: readonly AccessRefusal[] = ["invalid_key", "addon_required"];

/**
 * Lets tests see what a client does when the company's key has been revoked
 * (401) or its Developer API add-on lapsed (403, CRM-API 002), without restarting
 * anything: the refusal applies to the company's /api/v1 requests until
 * cleared. It runs before the quota, like the CRM's own checks of the key.
 */
export function refuseAccess(deps: Pick<AppDeps, "accessRefusals">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refusal = deps.accessRefusals.get(c.var.company.uuid);
    if (refusal === "invalid_key") throw new ApiError(401, "Invalid API key");
    if (refusal === "addon_required") throw new ApiError(403, "Developer API add-on required: subscribe to it in your account settings");
    await next();
  };
}
