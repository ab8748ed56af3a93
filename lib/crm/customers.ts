import "server-only";
import type { CustomerFilter } from "@/lib/customers/customer-enums";
import { crmGet } from "@/lib/crm/http";
import { customerListSchema } from "@/lib/crm/schemas";

export interface ListCustomersParams {
  filter?: CustomerFilter;
  search?: string;
  includeDeleted?: boolean;
  page?: number;
  limit?: number;
}

export function listCustomers(params: ListCustomersParams = {}) {
  return crmGet("/customers", customerListSchema, {
    query: {
      filter: params.filter,
      search: params.search,
      include_deleted: params.includeDeleted ? "true" : undefined,
      page: params.page,
      limit: params.limit,
    },
  });
}
