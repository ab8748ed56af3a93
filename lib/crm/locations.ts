import "server-only";
import { crmRead } from "@/lib/crm/crm-request";
import { locationListSchema, locationSchema } from "@/lib/crm/schemas";

/** Locations: list and get only (CRM-API decision 1). */
export function listLocations(params: { page?: number; limit?: number; includeDeleted?: boolean } = {}) {
  return crmRead("/locations", locationListSchema, {
    query: { page: params.page, limit: params.limit, include_deleted: params.includeDeleted ? "true" : undefined },
  });
}

export function getLocation(uuid: string) {
  return crmRead(`/locations/${encodeURIComponent(uuid)}`, locationSchema);
}
