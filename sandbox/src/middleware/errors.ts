import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env";
import { ApiError } from "../http/api-error";
import { failure } from "../http/envelope";

/** Expected failures become their envelope; anything else is a 500 without internals. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ApiError) return c.json(failure(error.message), error.status);
  if (error instanceof HTTPException) return c.json(failure(error.message || "Request failed"), error.status);
  // Logged for whoever runs the sandbox; the client only learns that it failed.
  console.error(`[sandbox] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(failure("Internal server error"), 500);
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => c.json(failure(`Not found: ${c.req.method} ${c.req.path}`), 404);

export function methodNotAllowedResponse(c: Context, allowed: string[]): Response {
  return c.json(failure(`Method ${c.req.method} not allowed on ${c.req.path}; allowed: ${allowed.join(", ")}`), 405, { Allow: allowed.join(", ") });
}
