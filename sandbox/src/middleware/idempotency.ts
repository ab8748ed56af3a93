import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../app-env";
import { ApiError } from "../http/api-error";
import { sendJsonText } from "../http/envelope";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "../idempotency/idempotency-store";
import { sha256Hex } from "../util/hash";

const IDEMPOTENT_METHODS = new Set(["POST", "PUT", "DELETE"]);
const MAX_KEY_LENGTH = 255;

export const REPLAYED_HEADER = "Idempotent-Replayed";

/**
 * CRM-API decision 8. A request with an Idempotency-Key claims it (per
 * company) before the handler runs. Writes record their response in their own
 * transaction (see commitWrite), so a failure after the commit still leaves
 * the record and a retry replays instead of writing twice. Responses without
 * a write (validation errors, 404) are recorded here; a 5xx releases the key.
 */
export function idempotency(deps: Pick<AppDeps, "db" | "clock">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("idempotency", null);
    c.set("idempotencyStored", false);
    const key = c.req.header("idempotency-key");
    if (key === undefined || !IDEMPOTENT_METHODS.has(c.req.method)) return next();
    if (key.length < 1 || key.length > MAX_KEY_LENGTH) {
      throw new ApiError(400, `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`);
    }

    // The path as sent (still percent-encoded): c.req.path is decoded and may hold NUL, which Postgres text cannot store.
    const fingerprint = { method: c.req.method, path: new URL(c.req.url).pathname, bodySha256: sha256Hex(c.var.rawBody) };
    const outcome = await claimIdempotencyKey(deps.db, c.var.company.uuid, key, fingerprint, deps.clock());
    switch (outcome.kind) {
      case "mismatch":
        throw new ApiError(400, "Idempotency-Key reused with a different request");
      case "in_flight":
        throw new ApiError(409, "A request with this Idempotency-Key is still in progress");
      case "replay":
        return sendJsonText(c, outcome.status as ContentfulStatusCode, outcome.body, { [REPLAYED_HEADER]: "true" });
      case "claimed":
        break;
    }

    const claim = outcome.claim;
    c.set("idempotency", claim);
    try {
      await next();
    } catch (error) {
      await releaseIdempotencyKey(deps.db, claim);
      throw error;
    }
    if (c.var.idempotencyStored) return;
    if (c.res.status >= 500) {
      await releaseIdempotencyKey(deps.db, claim);
    } else {
      await completeIdempotencyKey(deps.db, claim, c.res.status, await c.res.clone().text());
    }
  };
}
