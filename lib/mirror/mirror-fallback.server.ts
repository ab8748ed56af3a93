import "server-only";
import { logEvent } from "@/lib/api/logger.server";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { CrmError } from "@/lib/crm/errors.server";

/**
 * When a screen the CRM answers (a record page, the board) cannot get its
 * answer (the CRM is down, or the month's quota is spent), the mirror answers
 * instead (ADR-018). Its answer is dressed as what the shared cache already
 * serves in that case: a CrmResult marked `stale`, with `fetchedAt` = when the
 * CRM last confirmed it. Everything downstream (meta.stale_since, the
 * X-Data-Stale-Since header, the "Showing saved data from 10:42" notice, the
 * disabled edits) then works the same for both.
 */
export function mirrorMayAnswer(error: unknown): error is CrmError {
  return error instanceof CrmError && (error.kind === "unavailable" || error.kind === "usage_limit" || error.kind === "rate_limited");
}

export function mirrorResult<T>(data: T, confirmedAt: string): CrmResult<T> {
  return { data, meta: { cache: "stale", upstreamMs: 0, upstreamCalls: 0, replayed: false, fetchedAt: confirmedAt } };
}

/**
 * The CRM's answer; if it cannot give one, the newer of the shared cache's
 * last answer (which crmRead already returns, marked stale) and the mirror's
 * copy. A mirror that fails or has no copy leaves the CRM's own failure.
 */
export async function crmOrMirror<T>(
  read: () => Promise<CrmResult<T>>,
  fromMirror: () => Promise<{ record: T; confirmedAt: string } | null>,
): Promise<CrmResult<T>> {
  let result: CrmResult<T>;
  try {
    result = await read();
  } catch (error) {
    if (!mirrorMayAnswer(error)) throw error;
    const mirrored = await mirrorCopy(fromMirror);
    if (!mirrored) throw error;
    return mirrorResult(mirrored.record, mirrored.confirmedAt);
  }
  if (result.meta.cache !== "stale") return result;
  const mirrored = await mirrorCopy(fromMirror);
  return mirrored && mirrored.confirmedAt > result.meta.fetchedAt ? mirrorResult(mirrored.record, mirrored.confirmedAt) : result;
}

async function mirrorCopy<T>(fromMirror: () => Promise<{ record: T; confirmedAt: string } | null>) {
  try {
    return await fromMirror();
  } catch (error) {
    logEvent("error", "mirror_fallback_failed", { message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
