import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import type { Customer } from "@/lib/crm/crm-types";
import { listCustomers } from "@/lib/crm/customers.server";
import type { CustomerFilter, LeadSource } from "@/lib/customers/customer-enums";
import { CUSTOMER_MIRROR_FILTERS, type CustomerTableSortKey } from "@/lib/customers/customer-list-url";
import { toCustomerDto } from "@/lib/customers/customer-service.server";
import type { CustomerListData } from "@/lib/customers/queries/get-customers";
import { answerList, mirrorPagination, type MirrorAnswer } from "@/lib/lists/list-answer.server";
import type { ListParams } from "@/lib/lists/list-params";
import type { ListSort } from "@/lib/lists/list-sort";
import { queryCustomers } from "@/lib/mirror/mirror-queries.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { recordsOf } from "@/lib/mirror/mirror-store.server";

/** The customer list's parameters, parsed (the API's schema) or built by the page (its URL state). */
export interface CustomerListParams extends ListParams {
  filter: CustomerFilter;
  sort?: ListSort<CustomerTableSortKey> | undefined;
  tag?: string | undefined;
  lead_source?: LeadSource | undefined;
  email_opt_in?: boolean | undefined;
  sms_opt_in?: boolean | undefined;
  city?: string | undefined;
  zip?: string | undefined;
}

/**
 * One page of the customer list for parsed list parameters: what
 * /api/customers answers and what the customers page prefetches, so the two
 * can't map the parameters differently. A blank search is no search. The CRM
 * answers what it can (newest first, its own filters); a sort or a filter it
 * lacks is the mirror's, and the mirror stands in when the CRM can't answer
 * (lib/lists/list-answer.server.ts, ADR-017).
 */
export async function listCustomersFor(params: CustomerListParams): Promise<CrmResult<CustomerListData>> {
  const needsFilter = CUSTOMER_MIRROR_FILTERS.some((key) => params[key] !== undefined);
  return answerList({
    mirrorOnly: params.sort ? "sort" : needsFilter ? "filter" : null,
    crm: async () => {
      const result = await listCustomers({
        filter: params.filter,
        search: params.search || undefined,
        includeDeleted: params.include_deleted,
        page: params.page,
        limit: params.limit,
      });
      return {
        ...result,
        data: { customers: result.data.customers.map(toCustomerDto), unreadable: result.data.unreadable, pagination: result.data.pagination },
      };
    },
    mirror: () => customersFromMirror(params),
  });
}

async function customersFromMirror(params: CustomerListParams): Promise<MirrorAnswer<Omit<CustomerListData, "source">>> {
  const page = await queryCustomers({
    // Without a sort of its own the list keeps the CRM's order: newest first.
    sort: params.sort?.key ?? "created_at",
    direction: params.sort?.direction ?? "desc",
    page: params.page,
    limit: params.limit,
    filters: {
      ...(params.search ? { search: params.search } : {}),
      ...(params.filter === "residential" || params.filter === "commercial" ? { type: params.filter } : {}),
      ...(params.filter === "vip" ? { vip: true } : {}),
      ...(params.include_deleted ? { include_deleted: true } : {}),
      ...(params.tag !== undefined ? { tag: params.tag } : {}),
      ...(params.lead_source !== undefined ? { lead_source: params.lead_source } : {}),
      ...(params.email_opt_in !== undefined ? { email_opt_in: params.email_opt_in } : {}),
      ...(params.sms_opt_in !== undefined ? { sms_opt_in: params.sms_opt_in } : {}),
      ...(params.city !== undefined ? { city: params.city } : {}),
      ...(params.zip !== undefined ? { zip: params.zip } : {}),
    },
  });
  // The rows the screen shows are the CRM's records as the mirror keeps them, in the CRM answer's shape.
  const records = await recordsOf(
    currentMirrorScope(),
    "customers",
    page.rows.map((row) => row.uuid),
  );
  const customers = page.rows.flatMap((row) => {
    const record = records.get(row.uuid);
    return record ? [toCustomerDto(record as unknown as Customer)] : [];
  });
  return { data: { customers, pagination: mirrorPagination(page, params) }, asOf: page.asOf };
}
