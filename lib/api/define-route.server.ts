import "server-only";
import { ApiError, type ApiErrorBody } from "@/lib/api/api-error";
import { assertSameOrigin } from "@/lib/api/request-guards.server";
import { logEvent } from "@/lib/api/logger.server";
import type { PendingAccountStep } from "@/lib/auth/account-step-types";
import { getCurrentSession, type CurrentUser } from "@/lib/auth/current-user.server";
import { can, type Capability } from "@/lib/auth/roles";
import { CrmError } from "@/lib/crm/errors.server";
import { RequestBudgetExceeded, runAsRequester } from "@/lib/crm/request-budget.server";
import { ConfigurationError, isHttps } from "@/lib/env.server";
import { HSTS_HEADER } from "@/lib/security/content-security-policy";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { MirrorQueryError } from "@/lib/mirror/mirror-query-error";
import { isDatabaseUnavailable } from "@/lib/db/database-problems";
import { collectPhases, serverTimingEntries, timed } from "@/lib/runtime/request-timing.server";

export interface RouteContext<Params> {
  request: Request;
  params: Params;
  requestId: string;
  user: CurrentUser;
}

export interface PublicRouteContext<Params> {
  request: Request;
  params: Params;
  requestId: string;
}

type NextRouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * Every dashboard API route goes through here, so none can forget a step:
 * a request id, the same-origin check for changes, the session, the role,
 * and one mapping from failures to the error envelope. The checks run in the
 * handler itself, not in a proxy, so no header trick can skip them.
 */
export function defineRoute<Params = Record<string, string>>(
  capability: Capability,
  handler: (context: RouteContext<Params>) => Promise<Response>,
  options: RouteOptions = {},
): NextRouteHandler {
  return wrap<Params>(async (request, params, requestId, identify) => {
    assertSameOrigin(request);
    const { user, setCookies } = await timed("session", () => getCurrentSession(request.headers));
    if (!user) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
    identify(user.id);
    if (user.pendingStep && !options.duringAccountSetup) throw pendingStepError(user.pendingStep);
    if (!can(user.role, capability)) throw new ApiError(403, "forbidden", "Your role does not allow this.");
    // Every CRM request the handler causes is charged to this person's per-minute budget.
    const response = await runAsRequester({ id: user.id, role: user.role }, () => handler({ request, params, requestId, user }));
    for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
    return response;
  });
}

export interface RouteOptions {
  /**
   * The route stays open while the person has a pending account step (a
   * temporary password, two-factor set-up the admins require): the routes
   * that complete those steps, who-am-I and sign-out. Every other route
   * answers 403 until the step is done.
   */
  duringAccountSetup?: boolean;
}

function pendingStepError(step: PendingAccountStep): ApiError {
  return step === "password_change"
    ? new ApiError(
        403,
        "password_change_required",
        "Your password was set by an administrator. Choose a new one on the change-password screen before going on.",
      )
    : new ApiError(403, "two_factor_setup_required", "Administrators must use two-factor sign-in. Set it up on the two-factor screen before going on.");
}

/** A route anyone may call (sign-in, health). It still gets the origin check, request id and error mapping. */
export function definePublicRoute<Params = Record<string, string>>(handler: (context: PublicRouteContext<Params>) => Promise<Response>): NextRouteHandler {
  return wrap<Params>(async (request, params, requestId) => {
    assertSameOrigin(request);
    return handler({ request, params, requestId });
  });
}

/**
 * run calls identify as soon as it knows who is asking, so the request's log
 * line names them even when the handler fails afterwards (a 403, a 404 from
 * the CRM, a 500): those are the lines someone reads to find out what happened.
 */
function wrap<Params>(run: (request: Request, params: Params, requestId: string, identify: (userId: string) => void) => Promise<Response>): NextRouteHandler {
  return async (request, context) => {
    const requestId = crypto.randomUUID();
    const started = performance.now();
    let response: Response;
    let userId: string | null = null;
    let phases: ReadonlyMap<string, number> = new Map();
    try {
      const params = (await context.params) as Params;
      response = await collectPhases(
        () =>
          run(request, params, requestId, (id) => {
            userId = id;
          }),
        (collected) => (phases = collected),
      );
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    if (phases.size > 0) appendServerTiming(response, serverTimingEntries(phases));
    response.headers.set("X-Request-Id", requestId);
    // proxy.ts sets HSTS for pages only; the API's answers carry it too.
    if (servedOverHttps()) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
    response.headers.set("Cache-Control", response.headers.get("Cache-Control") ?? "no-store");
    logEvent(response.status >= 500 ? "error" : "info", "api_request", {
      request_id: requestId,
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
      user_id: userId,
    });
    return response;
  };
}

/** Adds to the header crmJson may have set (cache outcome, time waiting for the CRM). */
function appendServerTiming(response: Response, entries: string): void {
  const existing = response.headers.get("Server-Timing");
  response.headers.set("Server-Timing", existing ? `${existing}, ${entries}` : entries);
}

/** False when the configuration cannot be read: that failure is the answer's body already (a 500 with its envelope). */
function servedOverHttps(): boolean {
  try {
    return isHttps();
  } catch {
    return false;
  }
}

export function json<T>(data: T, init: ResponseInit = {}): Response {
  return Response.json({ success: true, data }, init);
}

export function errorResponse(error: unknown, requestId: string): Response {
  const apiError = toApiError(error, requestId);
  const body: ApiErrorBody = {
    success: false,
    error: apiError.message,
    code: apiError.code,
    ...(apiError.fields ? { fields: apiError.fields } : {}),
    ...(apiError.current !== undefined ? { current: apiError.current } : {}),
    ...apiError.extra,
    request_id: requestId,
  };
  return Response.json(body, { status: apiError.status, headers: apiError.headers });
}

function toApiError(error: unknown, requestId: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof RequestBudgetExceeded) return fromBudgetExceeded(error);
  if (error instanceof CrmError) return fromCrmError(error);
  // The mirror's queries (ADR-014): a sort key, filter or range they do not offer.
  if (error instanceof MirrorQueryError) return new ApiError(400, "validation", error.message, { [error.field]: error.message });
  // The app database restarting or out of reach: say so, and the pool reconnects once it is back.
  if (isDatabaseUnavailable(error)) {
    logEvent("error", "database_unavailable", { request_id: requestId, message: error instanceof Error ? error.message : String(error) });
    return new ApiError(503, "database_unavailable", "The dashboard's database is not answering. Try again in a moment.", undefined, { "Retry-After": "5" });
  }
  if (error instanceof ConfigurationError) {
    logEvent("error", "configuration_error", { request_id: requestId, message: error.message });
    return new ApiError(503, "crm_misconfigured", "The dashboard is not configured correctly. An administrator has been told.");
  }
  // Unexpected: log the detail on the server, show only the request id to the user.
  logEvent("error", "unhandled_error", {
    request_id: requestId,
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return new ApiError(500, "internal", `Something went wrong on the server. Quote request ${requestId} when reporting it.`);
}

/** The CRM's own messages and bodies stay on the server; people get plain words. */
function fromCrmError(error: CrmError): ApiError {
  const message = describeCrmError(error.kind);
  switch (error.kind) {
    case "not_found":
      return new ApiError(404, "not_found", message);
    case "validation":
      return new ApiError(400, "validation", message);
    case "usage_limit":
      return new ApiError(429, "usage_limit", message);
    case "conflict":
      return new ApiError(409, "conflict", message);
    case "rate_limited":
      return new ApiError(503, "crm_unavailable", message, undefined, { "Retry-After": "5" });
    case "unavailable":
      return new ApiError(503, "crm_unavailable", message, undefined, { "Retry-After": "2" });
    case "unauthorized":
    case "addon_required":
    case "ip_restricted":
    case "forbidden":
    case "invalid_response":
      return new ApiError(502, "crm_misconfigured", message);
  }
}

/** The person's own per-minute budget of CRM requests, not the CRM's limit: they wait, nobody needs to fix anything. */
function fromBudgetExceeded(error: RequestBudgetExceeded): ApiError {
  const wait = error.retryAfterSeconds === 1 ? "1 second" : `${error.retryAfterSeconds} seconds`;
  return new ApiError(
    429,
    "rate_limited",
    `You have made too many CRM requests in the last minute (up to ${error.limit} a minute, to protect the company's monthly allowance). Try again in ${wait}.`,
    undefined,
    { "Retry-After": String(error.retryAfterSeconds) },
  );
}
