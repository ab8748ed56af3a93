import "server-only";
import { ApiError } from "@/lib/api/api-error";
import type { CurrentUser } from "@/lib/auth/current-user.server";

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Every change carries an Idempotency-Key that the browser made once for the
 * person's intent (one click of Save) and sends again on every retry, so a
 * double click, a refresh or a lost answer never acts twice. It is scoped to
 * the person before it reaches the CRM, where keys are per company.
 */
export function idempotencyKeyFor(request: Request, user: CurrentUser, action: string): string {
  const key = request.headers.get("idempotency-key");
  if (!key) {
    throw new ApiError(400, "validation", "Changes must carry an Idempotency-Key header so a retry never acts twice.", {
      "Idempotency-Key": "Required: a random id made once per save, such as a UUID.",
    });
  }
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(400, "validation", "The Idempotency-Key header is malformed.", {
      "Idempotency-Key": "Use 8 to 100 letters, digits, dashes or underscores, such as a UUID.",
    });
  }
  return `td-${user.id}-${action}-${key}`;
}
