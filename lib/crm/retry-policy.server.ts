import "server-only";

/**
 * When and how long to wait before trying a CRM call again. A call is only
 * retried when repeating it cannot do harm: reads, and writes that carry an
 * Idempotency-Key (the CRM replays the first answer instead of acting twice).
 */
export const MAX_RETRIES = 2;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;
/** A Retry-After longer than this is not waited out inside one user request. */
export const MAX_RETRY_AFTER_MS = 5_000;

export type AttemptOutcome = { kind: "network" } | { kind: "status"; status: number; retryAfter: string | null };

export function isRetryableOutcome(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (!idempotent) return false;
  if (outcome.kind === "network") return true;
  // 409 is the CRM saying the same Idempotency-Key is still being processed: the
  // first attempt is alive, so asking again shortly gets its result.
  return outcome.status >= 500 || outcome.status === 429 || outcome.status === 409;
}

/** Exponential backoff with full jitter, or the server's Retry-After when it sent one. */
export function retryDelayMs(attempt: number, outcome: AttemptOutcome, random: () => number = Math.random): number | null {
  if (outcome.kind === "status" && outcome.retryAfter !== null) {
    const afterMs = parseRetryAfter(outcome.retryAfter);
    if (afterMs !== null) return afterMs > MAX_RETRY_AFTER_MS ? null : afterMs;
  }
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export function parseRetryAfter(value: string, now = Date.now()): number | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
