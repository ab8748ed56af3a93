import "server-only";
import type { CrmResult } from "@/lib/crm/crm-request.server";
import { listCustomers } from "@/lib/crm/customers.server";
import type { CustomerFilter } from "@/lib/customers/customer-enums";
import { toCustomerDto } from "@/lib/customers/customer-service.server";
import type { CustomerListData } from "@/lib/customers/queries/get-customers";
import type { ListParams } from "@/lib/lists/list-params";

/**
 * One page of the customer list for parsed list parameters: what
 * /api/customers answers and what the customers page prefetches, so the two
 * can't map the parameters differently. A blank search is no search.
 */
export async function listCustomersFor(params: ListParams & { filter: CustomerFilter }): Promise<CrmResult<CustomerListData>> {
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
}
