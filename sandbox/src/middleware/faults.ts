import type { MiddlewareHandler } from "hono";
import { setTimeout as sleep } from "node:timers/promises";
import type { AppDeps, AppEnv } from "../app-env";
import type { FaultFailure } from "../faults/fault-injector";
import { failure } from "../http/envelope";
import { replaceResponse } from "../http/replace-response";

export const INJECTED_ERROR_MESSAGE = "Internal server error (injected)";

/**
 * Injects the configured latency, 500s and connection resets. It runs after
 * the idempotency claim, so a delayed request holds its key (a concurrent
 * retry sees 409) and an injected failure before the write releases the key
 * like any 5xx. "after" failures let the handler commit first, which is the
 * case idempotent retries exist for.
 */
export function injectFaults(deps: Pick<AppDeps, "faults">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = deps.faults.decide(c.req.method, c.req.path);
    if (!decision) return next();
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.failure === null) return next();
    if (decision.timing === "after") await next();
    fail(c, decision.failure);
  };
}

function fail(c: Parameters<MiddlewareHandler<AppEnv>>[0], kind: FaultFailure): void {
  if (kind === "reset") {
    // No response at all: the client sees the connection drop (ECONNRESET).
    c.env?.incoming?.socket.destroy();
  }
  // Still give Hono a 5xx so the idempotency layer releases an uncommitted claim.
  replaceResponse(c, Response.json(failure(INJECTED_ERROR_MESSAGE), { status: 500 }));
}
