import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";

/** What the browser learns about where an answer came from. */
export interface ResponseMeta {
  cache: "hit" | "miss" | "stale" | "none";
  /** True when the CRM refused and this is the last answer seen: it may be out of date. */
  stale: boolean;
  /** With stale: when the oldest answer served was read from the CRM (also the X-Data-Stale-Since header); else null. */
  stale_since: string | null;
  fetched_at: string;
}

/** When the oldest of these answers served from the stale cache was read; null when none was. */
export function staleSinceOf(results: CrmResult<unknown> | ReadonlyArray<CrmResult<unknown>>): string | null {
  const list = Array.isArray(results) ? (results as ReadonlyArray<CrmResult<unknown>>) : [results as CrmResult<unknown>];
  return (
    list
      .filter((result) => result.meta.cache === "stale")
      .map((result) => result.meta.fetchedAt)
      .sort()[0] ?? null
  );
}

/**
 * A success envelope for data read from or written to the CRM, with its
 * provenance in `meta` and a Server-Timing header (cache outcome, time spent
 * waiting for the CRM, how many calls it took) for the browser's dev tools.
 */
export function crmJson<T>(results: CrmResult<unknown> | ReadonlyArray<CrmResult<unknown>>, data: T, init: ResponseInit = {}): Response {
  const list = Array.isArray(results) ? (results as ReadonlyArray<CrmResult<unknown>>) : [results as CrmResult<unknown>];
  const cacheStates = list.map((result) => result.meta.cache);
  const cache: ResponseMeta["cache"] = cacheStates.includes("stale")
    ? "stale"
    : cacheStates.includes("miss")
      ? "miss"
      : cacheStates.every((state) => state === "hit") && cacheStates.length
        ? "hit"
        : "none";
  const upstreamMs = list.reduce((sum, result) => sum + result.meta.upstreamMs, 0);
  const calls = list.reduce((sum, result) => sum + result.meta.upstreamCalls, 0);
  const fetchedAt = list.map((result) => result.meta.fetchedAt).sort()[0] ?? new Date().toISOString();
  const staleSince = staleSinceOf(list);
  const meta: ResponseMeta = { cache, stale: cache === "stale", stale_since: staleSince, fetched_at: fetchedAt };
  const response = Response.json({ success: true, data, meta }, init);
  if (staleSince) response.headers.set("X-Data-Stale-Since", staleSince);
  response.headers.set("Server-Timing", `cache;desc="${cache}", crm;dur=${upstreamMs.toFixed(1)};desc="${calls} call${calls === 1 ? "" : "s"}"`);
  return response;
}

/** A write's record for the browser, with the fields the CRM did not keep (`not_saved`) when there are any. */
export function withNotSaved<T extends object>(result: CrmResult<unknown>, dto: T): T & { not_saved?: string[] } {
  const notSaved = result.meta.notSaved ?? [];
  return notSaved.length ? { ...dto, not_saved: notSaved } : dto;
}
