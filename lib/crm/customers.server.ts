import "server-only";
import type { CustomerFilter } from "@/lib/customers/customer-enums";
import { crmRead, crmWrite } from "@/lib/crm/crm-request.server";
import { writeKeepingFields } from "@/lib/crm/kept-write.server";
import { reportUnreadable } from "@/lib/crm/unreadable-records.server";
import { customerListSchema, customerSchema, deletedSchema } from "@/lib/crm/schemas.server";
// The CRM mirror learns from every answer here (read-through, write-through; ADR-014).
import { mirrorCustomers, mirrorDeleted } from "@/lib/mirror/mirror-observer.server";
import { recentlyConfirmedCustomer } from "@/lib/mirror/mirror-hit.server";

/** Customer operations of the CRM (CRM-API 000). Customer changes also touch jobs, which embed customer names. */
const AFFECTS = ["customers", "jobs"] as const;

export interface ListCustomersParams {
  filter?: CustomerFilter | undefined;
  search?: string | undefined;
  includeDeleted?: boolean | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

export async function listCustomers(params: ListCustomersParams = {}, options: { cache?: boolean } = {}) {
  const result = await crmRead("/customers", customerListSchema, {
    query: {
      filter: params.filter,
      search: params.search,
      include_deleted: params.includeDeleted ? "true" : undefined,
      page: params.page,
      limit: params.limit,
    },
    cache: options.cache,
  });
  await mirrorCustomers(result.meta, result.data.customers);
  return { ...result, data: { ...result.data, unreadable: reportUnreadable("customers", result.data.unreadable) } };
}

export async function getCustomer(uuid: string, options: { includeDeleted?: boolean; cache?: boolean } = {}) {
  // A record the CRM confirmed within the cache's lifetime (a list, a write) is a cache hit (ADR-018).
  const recent = options.cache === false ? null : await recentlyConfirmedCustomer(uuid, { includeDeleted: options.includeDeleted });
  if (recent) return recent;
  const result = await crmRead(`/customers/${encodeURIComponent(uuid)}`, customerSchema, {
    query: { include_deleted: options.includeDeleted ? "true" : undefined },
    cache: options.cache,
  });
  await mirrorCustomers(result.meta, [result.data]);
  return result;
}

const putCustomer = (uuid: string, body: Record<string, unknown>, idempotencyKey: string) =>
  crmWrite("PUT", `/customers/${encodeURIComponent(uuid)}`, customerSchema, { body, idempotencyKey, invalidates: AFFECTS });

/** Create and update check that every field sent was kept (see kept-write.server.ts); `meta.notSaved` lists those that were not. */
export async function createCustomer(body: Record<string, unknown>, idempotencyKey: string) {
  const result = await writeKeepingFields({
    body,
    idempotencyKey,
    write: (sent, key) => crmWrite("POST", "/customers", customerSchema, { body: sent, idempotencyKey: key, invalidates: AFFECTS }),
    update: putCustomer,
    uuidOf: (customer) => customer.uuid,
  });
  await mirrorCustomers(result.meta, [result.data]);
  return result;
}

export async function updateCustomer(uuid: string, body: Record<string, unknown>, idempotencyKey: string) {
  const result = await writeKeepingFields({
    body,
    idempotencyKey,
    write: (sent, key) => putCustomer(uuid, sent, key),
    update: putCustomer,
    uuidOf: (customer) => customer.uuid,
  });
  await mirrorCustomers(result.meta, [result.data]);
  return result;
}

export async function deleteCustomer(uuid: string, idempotencyKey: string) {
  const result = await crmWrite("DELETE", `/customers/${encodeURIComponent(uuid)}`, deletedSchema, { idempotencyKey, invalidates: AFFECTS });
  await mirrorDeleted(result.meta, "customers", uuid);
  return result;
}

/**
 * Restore is not in the vendor's documentation: the project decided it is a
 * PUT of `{"deleted_at": null}` (CRM-API decision 7). If the real CRM
 * does it differently, this function is the one place to change.
 */
export async function restoreCustomer(uuid: string, idempotencyKey: string) {
  const result = await crmWrite("PUT", `/customers/${encodeURIComponent(uuid)}`, customerSchema, {
    body: { deleted_at: null },
    idempotencyKey,
    invalidates: AFFECTS,
  });
  await mirrorCustomers(result.meta, [result.data]);
  return result;
}
