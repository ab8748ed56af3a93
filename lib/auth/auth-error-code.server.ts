import "server-only";
import { isAPIError } from "better-auth/api";

/** Better Auth's machine-readable error code ("INVALID_PASSWORD", "INVALID_CODE", …), when the error is one of its own. */
export function authErrorCode(error: unknown): string | null {
  if (!isAPIError(error)) return null;
  const body = error.body as { code?: unknown } | undefined;
  return typeof body?.code === "string" ? body.code : null;
}
