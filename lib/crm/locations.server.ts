import "server-only";
import { crmRead } from "@/lib/crm/crm-request.server";
import { locationListSchema, locationSchema } from "@/lib/crm/schemas.server";
// The CRM mirror learns from every answer here (read-through; ADR-014).
import { mirrorLocations } from "@/lib/mirror/mirror-observer.server";

/** Locations: list and get only (CRM-API decision 1). */
export async function listLocations(params: { page?: number; limit?: number; includeDeleted?: boolean } = {}) {
  const result = await crmRead("/locations", locationListSchema, {
    query: { page: params.page, limit: params.limit, include_deleted: params.includeDeleted ? "true" : undefined },
  });
  await mirrorLocations(result.meta, result.data.locations);
  return result;
}

export async function getLocation(uuid: string) {
  const result = await crmRead(`/locations/${encodeURIComponent(uuid)}`, locationSchema);
  await mirrorLocations(result.meta, [result.data]);
  return result;
}
