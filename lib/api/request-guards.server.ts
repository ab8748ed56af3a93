import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { serverEnv } from "@/lib/env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for state-changing requests: the browser must say the request
 * comes from the dashboard's own origin. `Sec-Fetch-Site: cross-site` or a
 * foreign `Origin` is refused, and so is a request carrying neither signal
 * (every current browser sends at least one on a POST, PUT, PATCH or DELETE).
 */
export function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (fetchSite === "cross-site" || fetchSite === "same-site") {
    throw new ApiError(403, "cross_origin", "Changes can only be made from the dashboard itself.");
  }
  if (origin !== null) {
    if (!serverEnv().APP_ORIGINS.includes(origin) && origin !== new URL(request.url).origin) {
      throw new ApiError(403, "cross_origin", "Changes can only be made from the dashboard itself.");
    }
    return;
  }
  if (fetchSite !== "same-origin") {
    throw new ApiError(403, "cross_origin", "The request did not say where it came from, so it was refused.");
  }
}
