import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { CrmError } from "@/lib/crm/errors.server";
import { RequestBudgetExceeded } from "@/lib/crm/request-budget.server";
import { lookupCallers } from "@/lib/customers/caller-lookup.server";
import { asksAddresses, classifyLookupQuery } from "@/lib/customers/lookup-query";
import type { LookupAddresses, LookupData } from "@/lib/customers/lookup-types";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { lookupAddress } from "@/lib/mirror/mirror-queries.server";
import { MirrorQueryError } from "@/lib/mirror/mirror-query-error";

/** Address matches listed at once; more are counted, and typing more narrows them. */
export const LOOKUP_ADDRESS_LIMIT = 10;

/**
 * The whole caller lookup: the CRM's search for a phone, an email or a name
 * (lookupCallers, as before), and for what may be part of an address the
 * mirror's address lookup, both at once. The address part costs no CRM
 * request, so it still answers when the CRM cannot: then the answer says
 * plainly what was not asked.
 */
export async function lookupEverything(raw: string): Promise<{ data: LookupData; results: CrmResult<unknown>[] }> {
  const query = classifyLookupQuery(raw);
  if (!asksAddresses(query)) {
    const { results, matches, total } = await lookupCallers(raw);
    return { data: { query, matches, total, addresses: null, crm_unanswered: null }, results };
  }
  const [crm, addresses] = await Promise.all([lookupCallers(raw).then((answer) => ({ ok: true as const, answer }), crmProblem), addressMatches(raw)]);
  if (!crm.ok && addresses === null) throw crm.error;
  if (!crm.ok) return { data: { query, matches: [], total: 0, addresses, crm_unanswered: crm.problem }, results: [] };
  return { data: { query, matches: crm.answer.matches, total: crm.answer.total, addresses, crm_unanswered: null }, results: crm.answer.results };
}

/** A CRM that cannot answer (down, quota spent, a misconfigured key, the person's budget): its reason in plain words. Anything else is a bug and is thrown. */
function crmProblem(error: unknown): { ok: false; error: unknown; problem: { code: string; message: string } } {
  if (error instanceof RequestBudgetExceeded) {
    const wait = error.retryAfterSeconds === 1 ? "1 second" : `${error.retryAfterSeconds} seconds`;
    return {
      ok: false,
      error,
      problem: { code: "rate_limited", message: `You have made too many CRM requests in the last minute. Try again in ${wait}.` },
    };
  }
  if (error instanceof CrmError) return { ok: false, error, problem: { code: error.kind, message: describeCrmError(error.kind) } };
  throw error;
}

/** The mirror's address lookup for the term, or null when it cannot be one (no words, too many). */
async function addressMatches(raw: string): Promise<LookupAddresses | null> {
  try {
    const page = await lookupAddress({ q: raw, limit: LOOKUP_ADDRESS_LIMIT });
    return { matches: page.rows, total: page.total, asOf: page.asOf };
  } catch (error) {
    if (error instanceof MirrorQueryError) return null;
    throw error;
  }
}
