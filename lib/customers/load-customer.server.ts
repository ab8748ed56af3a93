import "server-only";
import { getCustomer } from "@/lib/crm/customers.server";
import { crmOrMirror } from "@/lib/mirror/mirror-fallback.server";
import { mirroredCustomer } from "@/lib/mirror/mirror-record.server";
import { CrmError } from "@/lib/crm/errors.server";
import { toCustomerDto, type CustomerDto } from "@/lib/customers/customer-service.server";
import { describeCrmError } from "@/lib/errors/describe-crm-error";
import { staleSinceOf } from "@/lib/api/crm-response.server";

/**
 * The same states as a job's (LoadedJob): found, not found, or the CRM could
 * not say. staleSince: set when the CRM did not answer and this is the last
 * answer seen (see lib/query/data-age.ts).
 */
export type LoadedCustomer = { state: "ok"; customer: CustomerDto; staleSince: string | null } | { state: "not_found" } | { state: "error"; message: string };

/**
 * One customer for a server page, deleted ones included. `fresh` skips the
 * shared cache: the edit form starts from it, and a copy up to 15 s old would
 * only earn the person a needless "someone else changed this". Any failure is
 * an answer, not a throw: the page renders and the browser asks again.
 */
export async function loadCustomer(uuid: string, options: { fresh?: boolean } = {}): Promise<LoadedCustomer> {
  try {
    const read = () => getCustomer(uuid, { includeDeleted: true, cache: options.fresh ? false : undefined });
    // An edit form must start from the CRM's own record; a page may show the mirror's copy, marked (ADR-018).
    const result = options.fresh ? await read() : await crmOrMirror(read, () => mirroredCustomer(uuid, { includeDeleted: true }));
    return { state: "ok", customer: toCustomerDto(result.data), staleSince: staleSinceOf(result) };
  } catch (error) {
    if (error instanceof CrmError && error.kind === "not_found") return { state: "not_found" };
    return { state: "error", message: error instanceof CrmError ? describeCrmError(error.kind) : "The customer could not be read." };
  }
}
