import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { CrmError } from "@/lib/crm/errors.server";
import type { ListSource, MirrorListReason } from "@/lib/lists/list-source-types";
import type { MirrorAsOf, MirrorPage } from "@/lib/mirror/mirror-types";
import type { Pagination } from "@/lib/crm/crm-types";

/**
 * Who answers a customer or job list page (ADR-017):
 *
 * - a list that needs a sort or a filter the CRM lacks: the mirror, always;
 * - any other list: the CRM (its answer refreshes the mirror, in lib/crm);
 *   when the CRM is down or the month's requests are used up, the mirror,
 *   provided it has finished a full pass (a mirror that never has would show
 *   a partial list as if it were whole); otherwise what the CRM's client
 *   does today: the last answer kept (marked stale), or the error.
 */
export type MirrorAnswer<Data> = { data: Data; asOf: MirrorAsOf };

export async function answerList<Data>(options: {
  /** Why only the mirror can answer this list, or null when the CRM can. */
  mirrorOnly: "sort" | "filter" | null;
  crm: () => Promise<CrmResult<Data>>;
  mirror: () => Promise<MirrorAnswer<Data>>;
}): Promise<CrmResult<Data & { source: ListSource }>> {
  if (options.mirrorOnly) return fromMirror(await options.mirror(), options.mirrorOnly);
  let result: CrmResult<Data>;
  try {
    result = await options.crm();
  } catch (error) {
    if (!(error instanceof CrmError) || (error.kind !== "unavailable" && error.kind !== "usage_limit")) throw error;
    const mirrored = await options.mirror();
    if (mirrored.asOf.lastFullPassAt === null) throw error;
    return fromMirror(mirrored, error.kind === "usage_limit" ? "usage_limit" : "crm_unavailable");
  }
  if (result.meta.cache === "stale") {
    // The CRM refused (down or out of quota) and lib/crm kept an older answer: a mirror kept fresh by sync is the better one.
    const mirrored = await options.mirror();
    if (mirrored.asOf.lastFullPassAt !== null) return fromMirror(mirrored, result.meta.staleBecause === "usage_limit" ? "usage_limit" : "crm_unavailable");
  }
  return { ...result, data: { ...result.data, source: { from: "crm" } } };
}

function fromMirror<Data>(answer: MirrorAnswer<Data>, reason: MirrorListReason): CrmResult<Data & { source: ListSource }> {
  return {
    data: { ...answer.data, source: { from: "mirror", reason, asOf: answer.asOf } },
    // No CRM request was made for it (meta.cache "none"); its age is in source.asOf.
    meta: { cache: "none", upstreamMs: 0, upstreamCalls: 0, replayed: false, fetchedAt: new Date().toISOString() },
  };
}

/** The CRM's pagination for a mirror page: the mirror counts exactly, so the shape and the numbers are the CRM's own. */
export function mirrorPagination(page: MirrorPage<unknown>, request: { page: number; limit: number }): Pagination {
  return { page: request.page, limit: request.limit, total: page.total, total_pages: Math.ceil(page.total / request.limit) };
}
