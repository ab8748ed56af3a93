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

/** The most pages read for one list of every location: 10,000 locations, far past any trades company's offices and warehouses. */
const MAX_LOCATION_PAGES = 100;

/**
 * Every location of the company, 100 a page, one page after another (each
 * cached like any read, so a repeat costs nothing for CRM_CACHE_TTL_SECONDS).
 * Returns the results of each page read, for the answer's provenance.
 */
export async function listAllLocations() {
  const results = [];
  const locations = [];
  for (let page = 1; page <= MAX_LOCATION_PAGES; page += 1) {
    const result = await listLocations({ page, limit: 100 });
    results.push(result);
    locations.push(...result.data.locations);
    const { total, limit } = result.data.pagination;
    if (result.data.locations.length === 0 || page * limit >= total) break;
  }
  return { results, locations };
}

export async function getLocation(uuid: string) {
  const result = await crmRead(`/locations/${encodeURIComponent(uuid)}`, locationSchema);
  await mirrorLocations(result.meta, [result.data]);
  return result;
}
