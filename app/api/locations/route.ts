import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { listAllLocations } from "@/lib/crm/locations.server";
import { mirroredLocations } from "@/lib/mirror/mirror-filter-lists.server";

/**
 * Every location of the company. From the mirror once it has finished a full
 * pass (no CRM request; its age in `source`), else from the CRM, read page by
 * page (100 each, so none shows as "not found" for being on page two), whose
 * answers refresh the mirror (ADR-018, ADR-021).
 */
export const GET = defineRoute("read", async () => {
  const mirrored = await mirroredLocations();
  if (mirrored) return crmJson([], { locations: mirrored.rows, source: { from: "mirror", asOf: mirrored.asOf } });
  const { results, locations } = await listAllLocations();
  return crmJson(results, { locations, source: { from: "crm" } });
});
