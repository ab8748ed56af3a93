import "server-only";
import type { CustomerFilter } from "@/lib/customers/customer-enums";
import { crmRead, crmWrite } from "@/lib/crm/crm-request";
import { customerListSchema, customerSchema, deletedSchema } from "@/lib/crm/schemas";

/** Customer operations of the CRM (CRM-API 000). Customer changes also touch jobs, which embed customer names. */
const AFFECTS = ["customers", "jobs"] as const;

export interface ListCustomersParams {
  filter?: CustomerFilter | undefined;
  search?: string | undefined;
  includeDeleted?: boolean | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

export function listCustomers(params: ListCustomersParams = {}, options: { cache?: boolean } = {}) {
  return crmRead("/customers", customerListSchema, {
    query: {
      filter: params.filter,
      search: params.search,
      include_deleted: params.includeDeleted ? "true" : undefined,
      page: params.page,
      limit: params.limit,
    },
    cache: options.cache,
  });
}

export function getCustomer(uuid: string, options: { includeDeleted?: boolean; cache?: boolean } = {}) {
  return crmRead(`/customers/${encodeURIComponent(uuid)}`, customerSchema, {
    query: { include_deleted: options.includeDeleted ? "true" : undefined },
    cache: options.cache,
  });
}

export function createCustomer(body: Record<string, unknown>, idempotencyKey: string) {
  return crmWrite("POST", "/customers", customerSchema, { body, idempotencyKey, invalidates: AFFECTS });
}

export function updateCustomer(uuid: string, body: Record<string, unknown>, idempotencyKey: string) {
  return crmWrite("PUT", `/customers/${encodeURIComponent(uuid)}`, customerSchema, { body, idempotencyKey, invalidates: AFFECTS });
}

export function deleteCustomer(uuid: string, idempotencyKey: string) {
  return crmWrite("DELETE", `/customers/${encodeURIComponent(uuid)}`, deletedSchema, { idempotencyKey, invalidates: AFFECTS });
}

/**
 * Restore is not in the vendor's documentation: the project decided it is a
 * PUT of `{"deleted_at": null}` (CRM-API decision 7). If the real CRM
 * does it differently, this function is the one place to change.
 */
export function restoreCustomer(uuid: string, idempotencyKey: string) {
  return crmWrite("PUT", `/customers/${encodeURIComponent(uuid)}`, customerSchema, { body: { deleted_at: null }, idempotencyKey, invalidates: AFFECTS });
}
